// Runs the local Stripe sandbox on its own (`npx tsx scripts/stripe-sandbox.ts`); `npm run dev`
// starts the same server itself. Environment:
//   STRIPE_SANDBOX_PORT    default: the port of STRIPE_SANDBOX_URL, else 12111
//   STRIPE_SANDBOX_HOST    default 127.0.0.1
//   STRIPE_WEBHOOK_URL     default http://localhost:3000/api/stripe/webhook
//   STRIPE_WEBHOOK_SECRET  default whsec_lanbao_sandbox
import { startStripeSandbox } from "./stripe-sandbox/server.ts";

function defaultPort(): number {
  let fromUrl = "";
  try {
    fromUrl = new URL(process.env.STRIPE_SANDBOX_URL ?? "").port;
  } catch {
    // unset or not a URL: fall back to the default
  }
  return Number(process.env.STRIPE_SANDBOX_PORT || fromUrl || 12111);
}

const log = (line: string) => console.log(`[stripe-sandbox] ${line}`);
const webhookUrl = process.env.STRIPE_WEBHOOK_URL || "http://localhost:3000/api/stripe/webhook";

try {
  const sandbox = await startStripeSandbox({
    port: defaultPort(),
    host: process.env.STRIPE_SANDBOX_HOST || "127.0.0.1",
    webhookUrl,
    webhookSecret: process.env.STRIPE_WEBHOOK_SECRET || "whsec_lanbao_sandbox",
    log,
  });
  log(`listening on ${sandbox.url}; webhooks go to ${webhookUrl}`);
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping`);
    void sandbox.stop().then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
} catch (err) {
  const code = (err as NodeJS.ErrnoException).code;
  log(
    code === "EADDRINUSE"
      ? `port ${defaultPort()} is in use (another sandbox running?); set STRIPE_SANDBOX_PORT to use another`
      : `could not start: ${(err as Error).message}`,
  );
  process.exit(1);
}
