# Lanbao's container image: the Next.js standalone output plus Lanbao's runtime
# (scripts/runtime, bundled into lanbao.mjs), on Node 20, run by an unprivileged user.
# See docs/deploy.md.
#
#   docker build -t lanbao .
#   docker run --rm -e DATABASE_URL=… lanbao node lanbao.mjs migrate     # release step
#   docker run -p 3000:3000 -e DATABASE_URL=… -e NEXTAUTH_SECRET=… -e NEXTAUTH_URL=… \
#     -e STRIPE_SECRET_KEY=… -e STRIPE_WEBHOOK_SECRET=… -e LANBAO_STORAGE=s3 -e S3_BUCKET=… lanbao

# 1. Dependencies (dev ones too: the build needs them). Only the files npm needs, so this
#    layer is rebuilt only when they change.
FROM node:20-bookworm-slim AS deps
WORKDIR /src
COPY package.json package-lock.json ./
COPY scripts/prisma-generate.mjs scripts/prisma-generate.mjs
COPY prisma/schema.prisma prisma/schema.prisma
COPY prisma.config.ts ./
RUN npm ci --no-audit --no-fund

# 2. The build: `next build` (standalone output), then the folder completed to run alone.
FROM deps AS build
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1
RUN npx next build && npx tsx scripts/build-standalone.ts

# 3. What runs: the standalone folder only, no compilers, no dev dependencies, no source.
FROM node:20-bookworm-slim AS run
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000
WORKDIR /app
RUN groupadd --system --gid 1001 lanbao && useradd --system --uid 1001 --gid lanbao --home-dir /app lanbao
COPY --from=build --chown=lanbao:lanbao /src/.next/standalone ./
USER lanbao
EXPOSE 3000
# Liveness only: readiness (database, migrations) is /api/health, for the load balancer.
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# Node itself is PID 1 and handles SIGTERM (ordered stop within 10 s); run with --init
# if you want zombie reaping of anything else.
CMD ["node", "lanbao.mjs"]
