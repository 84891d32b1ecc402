import { randomInt } from "node:crypto";

// No 0/o/1/l/i: a Lanbao ID is read aloud and typed by friends.
const ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";

/** A new public handle: "lb" + 8 characters, e.g. lb7k2m9qxa. Uniqueness is the database's job. */
export function newLanbaoId(): string {
  let id = "lb";
  for (let i = 0; i < 8; i++) id += ALPHABET[randomInt(ALPHABET.length)];
  return id;
}
