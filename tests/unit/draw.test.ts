import { createHash, createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { drawOrder, drawWinners, hexToBytes, type Hmac } from "../../lib/gifting/draw.ts";

const hmac: Hmac = async (key, message) => new Uint8Array(createHmac("sha256", key).update(message).digest());
const SEED = "5f".repeat(32);
const ENTRANTS = ["u-delta", "u-alpha", "u-echo", "u-charlie", "u-bravo", "u-foxtrot", "u-golf"];

describe("the lottery draw", () => {
  it("sorts entrants by code unit and drops duplicates", () => {
    expect(drawOrder(["b", "B", "a", "b", "ä"])).toEqual(["B", "a", "b", "ä"]);
  });

  it("is pinned: these seeds and entrants always give these winners", async () => {
    expect(await drawWinners(SEED, ENTRANTS, 3, hmac)).toEqual(["u-golf", "u-echo", "u-charlie"]);
    expect(await drawWinners("00".repeat(32), ENTRANTS, 2, hmac)).toEqual(["u-bravo", "u-foxtrot"]);
    expect(await drawWinners("ff".repeat(32), ["x", "y"], 1, hmac)).toEqual(["y"]);
  });

  it("follows the documented steps (checked by hand for two entrants)", async () => {
    for (const seed of [SEED, "00".repeat(32), "ab".repeat(32), "ff".repeat(32)]) {
      // Block 0 of the stream, first big-endian uint32; with two entrants every value is accepted.
      const first = createHmac("sha256", hexToBytes(seed)).update("lanbao-draw:0").digest().readUInt32BE(0);
      const list = ["p", "q"];
      const j = first % 2;
      [list[1], list[j]] = [list[j], list[1]];
      expect(await drawWinners(seed, ["q", "p"], 1, hmac)).toEqual([list[0]]);
    }
  });

  it("gives distinct winners from the entrants, never more than the units or the entrants", async () => {
    const many = Array.from({ length: 50 }, (_, i) => `user-${i}`);
    for (let k = 0; k < 20; k++) {
      const seed = createHash("sha256").update(String(k)).digest("hex");
      const winners = await drawWinners(seed, many, 7, hmac);
      expect(new Set(winners).size).toBe(7);
      for (const w of winners) expect(many).toContain(w);
    }
    expect(await drawWinners(SEED, ["only"], 5, hmac)).toEqual(["only"]);
    expect(await drawWinners(SEED, [], 5, hmac)).toEqual([]);
  });

  it("does not depend on the order entrants arrive in", async () => {
    const shuffled = [...ENTRANTS].reverse();
    expect(await drawWinners(SEED, shuffled, 3, hmac)).toEqual(await drawWinners(SEED, ENTRANTS, 3, hmac));
  });

  it("gives every entrant the same chance (10,000 draws of 1 in 4)", async () => {
    const counts = new Map<string, number>();
    for (let k = 0; k < 10_000; k++) {
      const seed = createHash("sha256").update(`fair-${k}`).digest("hex");
      const [w] = await drawWinners(seed, ["a", "b", "c", "d"], 1, hmac);
      counts.set(w, (counts.get(w) ?? 0) + 1);
    }
    for (const c of counts.values()) expect(Math.abs(c - 2500)).toBeLessThan(200); // ~4.6 standard deviations
  });
});
