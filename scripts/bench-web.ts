// `npm run bench:web`: how fast the shopper pages are on a phone. Builds the app
// (production, .next-e2e), starts the end-to-end server (its own database with the demo
// data), runs Lighthouse 13 (mobile preset, simulated throttling) in Debian's Chromium
// against a product page and a shop page, prints the performance score, LCP, TBT and the
// first-load JavaScript (transferred script bytes), then stops the server.
//
//   npm run bench:web                      build, then 3 runs per page (median reported)
//   npm run bench:web -- --no-build        reuse the last .next-e2e build
//   npm run bench:web -- --runs 5
//
// Exits 1 when a page scores below 90. Uses the e2e server's ports and data folder, so do
// not run it while the Playwright suite runs.
import { spawn, spawnSync } from "node:child_process";
import { mkdir, readFile, rm } from "node:fs/promises";
import path from "node:path";

const args = process.argv.slice(2);
const build = !args.includes("--no-build");
const runsArg = args.indexOf("--runs");
const runs = runsArg >= 0 ? Math.max(1, Number(args[runsArg + 1]) || 3) : 3;
const port = Number(process.env.E2E_PORT ?? 3100);
const base = `http://localhost:${port}`;
const chrome = process.env.CHROME_PATH ?? process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const TARGET = 90;

const PAGES = [
  { name: "product page", path: "/products/seed-product-yunnan-beans" },
  { name: "shop page", path: "/shops/blue-bean-coffee" },
];

const CHROME_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
].join(" ");

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHROME_PATH: chrome };
const outDir = path.resolve(".tmp/bench-web");

function step(title: string) {
  console.log(`\n▶ ${title}`);
}

async function waitForHealth(timeoutMs: number, server: ReturnType<typeof spawn>) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited (code ${server.exitCode})`);
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`${base}/api/health did not answer within ${timeoutMs / 1000} s`);
}

type Lhr = {
  categories: { performance: { score: number | null } };
  audits: Record<string, { numericValue?: number; details?: { items?: { resourceType?: string; transferSize?: number; url?: string }[] } }>;
};

type Result = { score: number; lcpMs: number; tbtMs: number; scriptBytes: number; scripts: number };

async function lighthouse(url: string, file: string): Promise<Result> {
  const r = spawnSync(
    "npx",
    [
      "lighthouse",
      url,
      "--only-categories=performance",
      "--output=json",
      `--output-path=${file}`,
      "--quiet",
      `--chrome-flags=${CHROME_FLAGS}`,
    ],
    { env, stdio: ["ignore", "ignore", "inherit"] },
  );
  if (r.status !== 0) throw new Error(`lighthouse failed for ${url} (exit ${r.status})`);
  const lhr = JSON.parse(await readFile(file, "utf8")) as Lhr;
  const scripts = (lhr.audits["network-requests"]?.details?.items ?? []).filter((i) => i.resourceType === "Script");
  return {
    score: Math.round((lhr.categories.performance.score ?? 0) * 100),
    lcpMs: lhr.audits["largest-contentful-paint"]?.numericValue ?? NaN,
    tbtMs: lhr.audits["total-blocking-time"]?.numericValue ?? NaN,
    scriptBytes: scripts.reduce((s, i) => s + (i.transferSize ?? 0), 0),
    scripts: scripts.length,
  };
}

function median(results: Result[]): Result {
  const sorted = [...results].sort((a, b) => a.score - b.score);
  return sorted[Math.floor(sorted.length / 2)];
}

let server: ReturnType<typeof spawn> | undefined;
async function stopServer() {
  if (!server || server.exitCode !== null || server.pid === undefined) return;
  const exited = new Promise((r) => server!.once("exit", r));
  try {
    process.kill(-server.pid, "SIGTERM"); // the whole group: tsx, Next.js, PostgreSQL, sandbox
  } catch {
    /* already gone */
  }
  await Promise.race([exited, new Promise((r) => setTimeout(r, 20_000))]);
}
process.on("SIGINT", () => void stopServer().finally(() => process.exit(130)));

let failed = false;
try {
  if (build) {
    step("next build (.next-e2e)");
    const r = spawnSync("npx", ["next", "build"], { env: { ...env, LANBAO_NEXT_DIST_DIR: ".next-e2e" }, stdio: "inherit" });
    if (r.status !== 0) throw new Error("next build failed");
  }

  step(`starting the e2e server on ${base}`);
  server = spawn("npx", ["tsx", "scripts/e2e-server.ts"], {
    env: { ...env, E2E_PORT: String(port) },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  await waitForHealth(180_000, server);
  // One request each first, and one for each optimised image they use, so the runs
  // measure the pages as a warm server serves them, not first-time work.
  for (const p of PAGES) {
    const html = await fetch(base + p.path).then((r) => r.text());
    const images = [...html.matchAll(/\/_next\/image\?[^"\s,]+/g)].map((m) => m[0].replace(/&amp;/g, "&"));
    await Promise.all([...new Set(images)].map((u) => fetch(base + u, { headers: { accept: "image/avif,image/webp,*/*" } }).then((r) => r.arrayBuffer())));
  }

  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const rows: { name: string; url: string; result: Result }[] = [];
  for (const p of PAGES) {
    step(`Lighthouse (mobile, simulated throttling) × ${runs}: ${p.name} ${p.path}`);
    const results: Result[] = [];
    for (let i = 0; i < runs; i++) {
      const r = await lighthouse(base + p.path, path.join(outDir, `${p.name.replace(/\W+/g, "-")}-${i + 1}.json`));
      console.log(`  run ${i + 1}: performance ${r.score}, LCP ${(r.lcpMs / 1000).toFixed(2)} s, TBT ${Math.round(r.tbtMs)} ms`);
      results.push(r);
    }
    rows.push({ name: p.name, url: p.path, result: median(results) });
  }

  console.log(`\nMedian of ${runs} run(s) per page (Lighthouse 13, mobile, simulated throttling; reports in ${path.relative(process.cwd(), outDir)}/)`);
  console.log("page          performance   LCP       TBT      first-load JS");
  for (const { name, url, result: r } of rows) {
    console.log(
      `${name.padEnd(13)} ${String(r.score).padStart(5)}        ${(r.lcpMs / 1000).toFixed(2).padStart(5)} s  ${String(Math.round(r.tbtMs)).padStart(5)} ms  ${(r.scriptBytes / 1024).toFixed(1).padStart(6)} KiB in ${r.scripts} scripts   ${url}`,
    );
    if (r.score < TARGET) failed = true;
  }
  if (failed) console.log(`\nBelow the target of ${TARGET}.`);
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  failed = true;
} finally {
  step("stopping the server");
  await stopServer();
}
process.exit(failed ? 1 : 0);
