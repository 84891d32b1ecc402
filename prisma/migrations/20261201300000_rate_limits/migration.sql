-- Counters of the rate limits (lib/rate-limit), in the column layout of
-- rate-limiter-flexible's PostgreSQL store ("expire" is epoch milliseconds). Shared by
-- every server process, so a limit holds however many processes serve the app.
CREATE TABLE "RateLimit" (
    "key" TEXT NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,
    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key")
);

-- The periodic clean-up deletes by expiry.
CREATE INDEX "RateLimit_expire_idx" ON "RateLimit"("expire");
