// The gift lottery's draw, as a pure function anyone can run again (the lottery page does,
// in the browser). docs/group-gifts.md states it in words.
//
//   seed        32 random bytes, drawn when the lottery is created and kept secret until
//               the draw; the card shows only SHA-256(seed) (the commitment).
//   entrants    the user ids of everyone who entered, sorted by code unit (plain `<`).
//   stream      HMAC-SHA256(key = seed, message = "lanbao-draw:" + block) for block = 0, 1,
//               2, …, each block read as eight big-endian unsigned 32-bit numbers, in order.
//   shuffle     Fisher–Yates from the end: for i = n-1 down to 1, take numbers from the
//               stream until one is below limit = 2^32 - (2^32 mod (i+1)) (so every j is
//               equally likely), j = number mod (i+1), swap entries i and j.
//   winners     the first min(units, n) entries of the shuffled list.
//
// The HMAC and the hash are passed in, so the server (node:crypto) and the browser (Web
// Crypto) share this code exactly.

export type Hmac = (key: Uint8Array, message: Uint8Array) => Promise<Uint8Array>;

const TWO_32 = 0x1_0000_0000;

export function hexToBytes(hex: string): Uint8Array {
  if (!/^(?:[0-9a-f]{2})+$/i.test(hex)) throw new Error("not a hex string");
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

export function bytesToHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Unsigned 32-bit numbers from the seed's HMAC stream, block after block. */
function numberStream(seed: Uint8Array, hmac: Hmac) {
  const encoder = new TextEncoder();
  let block = 0;
  let buffer: number[] = [];
  return async (): Promise<number> => {
    if (buffer.length === 0) {
      const mac = await hmac(seed, encoder.encode(`lanbao-draw:${block++}`));
      const view = new DataView(mac.buffer, mac.byteOffset, mac.byteLength);
      buffer = Array.from({ length: 8 }, (_, k) => view.getUint32(k * 4, false));
    }
    return buffer.shift()!;
  };
}

/** Entrant ids in the order the draw uses them. */
export function drawOrder(entrantIds: string[]): string[] {
  return [...new Set(entrantIds)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The winners, in the order they were drawn. */
export async function drawWinners(seedHex: string, entrantIds: string[], units: number, hmac: Hmac): Promise<string[]> {
  const list = drawOrder(entrantIds);
  const next = numberStream(hexToBytes(seedHex), hmac);
  for (let i = list.length - 1; i >= 1; i--) {
    const range = i + 1;
    const limit = TWO_32 - (TWO_32 % range);
    let r = await next();
    while (r >= limit) r = await next();
    const j = r % range;
    [list[i], list[j]] = [list[j], list[i]];
  }
  return list.slice(0, Math.max(0, Math.min(units, list.length)));
}
