// The address a request came from, for the per-address limits. Next.js fills
// X-Forwarded-For with the socket's address only when the request has none, so the
// header is only as trustworthy as what stands in front of the app:
// LANBAO_TRUSTED_PROXIES says how many proxies append to it (nginx with
// $proxy_add_x_forwarded_for, a load balancer…), and the address is the one the outermost
// of them saw. With none (the default), it is the last entry — the socket's address,
// unless the client wrote the header itself; docs/security.md says what that means.

type Env = Record<string, string | undefined>;

export function trustedProxies(env: Env = process.env): number {
  const raw = env.LANBAO_TRUSTED_PROXIES?.trim();
  if (!raw) return 0;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`LANBAO_TRUSTED_PROXIES="${raw}" is not a whole number of proxies.`);
  return n;
}

/**
 * The client's address from an X-Forwarded-For value, normalised for use as a limit key:
 * IPv4-mapped IPv6 becomes IPv4, and IPv6 is cut to its /64 network (one household or
 * server usually holds a whole /64, so single addresses in it would be free to rotate).
 */
export function clientAddress(forwardedFor: string | null | undefined, proxies = trustedProxies()): string {
  const hops = (forwardedFor ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (hops.length === 0) return "unknown";
  const picked = hops[Math.max(0, hops.length - Math.max(proxies, 1))];
  return normaliseAddress(picked);
}

export function normaliseAddress(raw: string): string {
  let a = raw.trim().toLowerCase();
  // "[::1]:1234" or "1.2.3.4:1234" from some proxies.
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed) a = bracketed[1];
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(a)) a = a.replace(/:\d+$/, "");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  if (mapped) return mapped[1];
  if (!a.includes(":")) return a;
  return `${ipv6Network(a)}::/64`;
}

/** The first four groups of an IPv6 address, expanded ("2001:db8::1" → "2001:db8:0:0"). */
function ipv6Network(a: string): string {
  const [head, tail = ""] = a.split("%")[0].split("::");
  const left = head ? head.split(":") : [];
  const right = a.includes("::") && tail ? tail.split(":") : [];
  const groups = a.includes("::") ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right] : left;
  return groups
    .slice(0, 4)
    .map((g) => (g.replace(/^0+(?=.)/, "") || "0"))
    .join(":");
}
