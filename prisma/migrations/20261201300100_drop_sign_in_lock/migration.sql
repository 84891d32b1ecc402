-- Sign-in abuse is handled by growing waits (lib/auth/sign-in.ts, lib/rate-limit)
-- instead of a per-account lock that anyone knowing an email could trigger.
ALTER TABLE "User" DROP COLUMN "failedSignIns",
DROP COLUMN "lockedUntil";
