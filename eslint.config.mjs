// Lint: Next.js's rules (Core Web Vitals, React, hooks, accessibility) and typescript-eslint's,
// run by `npm test` first with zero warnings allowed.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  {
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      // `const { secret: _secret, ...rest } = row` drops a field on purpose.
      "@typescript-eslint/no-unused-vars": ["warn", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true }],
    },
  },
  {
    // Links go through components/ui/link.tsx, which leaves out the prefetch (docs/performance.md).
    files: ["app/**", "components/**"],
    ignores: ["components/ui/link.tsx"],
    rules: {
      "no-restricted-imports": ["error", { paths: [{ name: "next/link", message: "Import Link from @/components/ui/link (no prefetch; docs/performance.md)." }] }],
    },
  },
  {
    // Tests and scripts hold no React components: their `useTestDatabase()` and
    // `usePayments()` set up fixtures for a test file and are not hooks.
    files: ["tests/**", "scripts/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  globalIgnores([
    "lib/db/generated/**",
    ".next*/**",
    "node_modules/**",
    ".tmp/**",
    ".data/**",
    "test-results/**",
    "playwright-report/**",
    "next-env.d.ts",
    "public/uploads/**",
  ]),
]);
