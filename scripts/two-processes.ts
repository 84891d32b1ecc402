// `npm run two-processes`: two app processes on one PostgreSQL, live updates and uploads
// crossing between them (tests/e2e/two-processes.spec.ts, with the end-to-end server
// beside them). Builds the app first when .next-e2e has no build yet.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", LANBAO_NEXT_DIST_DIR: ".next-e2e" };
if (!existsSync(".next-e2e/BUILD_ID") || process.argv.includes("--build")) {
  const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const run = spawnSync("npx", ["playwright", "test", "tests/e2e/two-processes.spec.ts", "--no-deps", ...process.argv.slice(2).filter((a) => a !== "--build")], {
  stdio: "inherit",
  env,
});
process.exit(run.status ?? 1);
