import bcrypt from "bcryptjs";

// Cost 10 keeps a sign-in near 60 ms on a small server while staying well above guessing speed.
const COST = 10;

export function hashPassword(plain: string): Promise<string> {
  return bcrypt.hash(plain, COST);
}

export function verifyPassword(plain: string, hash: string): Promise<boolean> {
  return bcrypt.compare(plain, hash);
}
