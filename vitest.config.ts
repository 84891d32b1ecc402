import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./", import.meta.url)) } },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
    // One PostgreSQL for the run; every test file gets its own database cloned from a
    // migrated template (tests/setup/test-db.ts), so files share no mutable state.
    globalSetup: ["tests/setup/global-db.ts"],
    pool: "forks",
    // Vitest's default is one fewer worker than cores: a single one on a 2-core machine,
    // where the files then ran one after another (~300 s). Much of their time is spent
    // waiting on PostgreSQL, child processes and job polls, so two side by side took ~225 s.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    testTimeout: 30_000,
    env: { NEXTAUTH_SECRET: "lanbao-test-secret", LANBAO_LINK_SECRET: "lanbao-test-link-secret" },
    hookTimeout: 60_000,
  },
});
