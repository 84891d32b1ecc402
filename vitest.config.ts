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
    testTimeout: 30_000,
    env: { NEXTAUTH_SECRET: "lanbao-test-secret", LANBAO_LINK_SECRET: "lanbao-test-link-secret" },
    hookTimeout: 60_000,
  },
});
