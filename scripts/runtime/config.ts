// What a start needs, read from the environment once and checked before anything starts.
// A missing or wrong setting stops the start with one line saying which and what to do.
//
// Three ways to run:
//   dev         `npm run dev`: everything local (embedded PostgreSQL, demo data, Stripe sandbox).
//   start       `npm start`: the production build. Without DATABASE_URL it is the same
//               self-contained set-up as dev; with DATABASE_URL (or NODE_ENV=production)
//               it is a production start: migrations only, no demo data and no Stripe
//               sandbox unless asked for, and the secrets must be set.
//   standalone  the container image (`next build` standalone output): always production.

export type RunMode = "dev" | "start" | "standalone";

export type Settings = {
  mode: RunMode;
  production: boolean;
  port: number;
  /** Bind address; undefined = every interface. */
  hostname?: string;
  dataDir: string;
  distDir: string;
  /** Unset: Lanbao starts its embedded PostgreSQL on dbPort. */
  databaseUrl?: string;
  dbPort: number;
  migrate: boolean;
  seed: boolean;
  sandbox: boolean;
  sandboxPort: number;
};

/** A start-up problem the operator can fix; its message is the one line shown. */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StartupError";
  }
}

type Env = Record<string, string | undefined>;

function port(env: Env, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new StartupError(`${name}=${raw} is not a port number (1–65535).`);
  return n;
}

function flag(env: Env, name: string): boolean | undefined {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === "") return undefined;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new StartupError(`${name}=${raw} is not understood: use 1 or 0.`);
}

const set = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);

export function readSettings(mode: RunMode, env: Env = process.env): Settings {
  const databaseUrl = set(env.DATABASE_URL);
  if (mode === "standalone" && !databaseUrl) {
    throw new StartupError("DATABASE_URL is not set: the image has no database of its own; set it to your PostgreSQL (postgresql://user:password@host:5432/lanbao).");
  }
  if (databaseUrl && !/^postgres(ql)?:\/\/[^/]+/.test(databaseUrl)) {
    throw new StartupError("DATABASE_URL is not a PostgreSQL URL: expected postgresql://user:password@host:5432/database.");
  }
  const storage = set(env.LANBAO_STORAGE) ?? "disk";
  if (storage !== "disk" && storage !== "s3") throw new StartupError(`LANBAO_STORAGE=${storage} is not a storage backend: use disk (the default) or s3.`);
  if (storage === "s3" && !set(env.S3_BUCKET)) {
    throw new StartupError("LANBAO_STORAGE=s3 needs S3_BUCKET (plus S3_REGION, and S3_ENDPOINT for a service other than AWS).");
  }
  const production = mode === "standalone" || (mode === "start" && (!!databaseUrl || env.NODE_ENV === "production"));

  const stripeKey = set(env.STRIPE_SECRET_KEY);
  const sandboxAsked = flag(env, "LANBAO_STRIPE_SANDBOX");
  if (sandboxAsked && stripeKey) {
    throw new StartupError("LANBAO_STRIPE_SANDBOX=1 and STRIPE_SECRET_KEY are both set: choose the local sandbox or real Stripe, not both.");
  }
  const sandbox = production ? sandboxAsked === true : sandboxAsked ?? !stripeKey;
  const seedAsked = flag(env, "LANBAO_SEED");
  const seed = production ? seedAsked === true : seedAsked ?? true;

  if (production) {
    const secret = set(env.NEXTAUTH_SECRET);
    if (!secret) {
      throw new StartupError("NEXTAUTH_SECRET is not set: a production start needs it (the same value on every app process), e.g. NEXTAUTH_SECRET=$(openssl rand -base64 32).");
    }
    if (secret.length < 32) {
      throw new StartupError(`NEXTAUTH_SECRET is too short (${secret.length} characters): use at least 32 random characters, e.g. $(openssl rand -base64 32).`);
    }
    const linkSecret = set(env.LANBAO_LINK_SECRET);
    if (!linkSecret || linkSecret.length < 32) {
      throw new StartupError(
        `LANBAO_LINK_SECRET is ${linkSecret ? "too short" : "not set"}: gift links are signed with it (32+ random characters, the same on every app process, ` +
          "kept when NEXTAUTH_SECRET rotates). Upgrading? Set it to the NEXTAUTH_SECRET the links were made with.",
      );
    }
    if (!sandbox) {
      if (!stripeKey) {
        throw new StartupError("STRIPE_SECRET_KEY is not set: a production start takes payments through Stripe (or set LANBAO_STRIPE_SANDBOX=1 to use the local test sandbox).");
      }
      if (!set(env.STRIPE_WEBHOOK_SECRET)) {
        throw new StartupError("STRIPE_WEBHOOK_SECRET is not set: copy the signing secret (whsec_…) of this app's webhook endpoint from the Stripe dashboard.");
      }
    }
    if (!set(env.NEXTAUTH_URL)) {
      throw new StartupError("NEXTAUTH_URL is not set: set it to the app's public URL (https://lanbao.example.com), which sign-in and Stripe redirect back to.");
    }
  }

  return {
    mode,
    production,
    port: port(env, "PORT", 3000),
    hostname: set(env.LANBAO_HOST),
    dataDir: set(env.LANBAO_DATA_DIR) ?? ".data",
    distDir: set(env.LANBAO_NEXT_DIST_DIR) ?? ".next",
    databaseUrl,
    dbPort: port(env, "LANBAO_DB_PORT", 54329),
    migrate: flag(env, "LANBAO_MIGRATE") ?? true,
    seed,
    sandbox,
    sandboxPort: port(env, "STRIPE_SANDBOX_PORT", 12111),
  };
}
