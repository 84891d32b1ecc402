// Lanbao's HTTP server: Node's http server around Next.js's request handler (a Next.js
// "custom server"), in the same process as the rest of the runtime. It exists for what
// `next start` cannot give: one JSON log line per request with its status and duration,
// a request id, and a shutdown that Lanbao controls (drain, then close streams).
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { Socket } from "node:net";
import { sessionTokenOf } from "../../lib/auth/session-cookie.ts";
import { userIdOfSessionToken } from "../../lib/auth/session-token.ts";
import { logEvent, withRequestContext, type RequestContext } from "../../lib/log/index.ts";
import { loadRoutes, routeOf, type RoutePattern } from "../../lib/log/routes.ts";

export type HttpServerOptions = {
  dev: boolean;
  dir: string;
  distDir: string;
  port: number;
  /** Address to bind; unset: every interface, IPv4 and IPv6. */
  hostname?: string;
  /** Log every request (production) or skip Next's own asset and dev-tool requests (dev). */
  logAssets: boolean;
};

export type LanbaoHttpServer = {
  server: http.Server;
  /** Stops accepting, lets running requests finish for up to `graceMs`, then cuts the rest (live streams). */
  close(graceMs: number): Promise<void>;
};

const REQUEST_ID = /^[\w.:-]{1,64}$/;
/** The signed-in user's id from the session cookie, or null (for the request's log line). */
async function sessionUserId(req: http.IncomingMessage): Promise<string | null> {
  const header = req.headers.cookie;
  if (!header) return null;
  const cookies = header.split(";").flatMap((part) => {
    const eq = part.indexOf("=");
    return eq > 0 ? [{ name: part.slice(0, eq).trim(), value: safeDecode(part.slice(eq + 1).trim()) }] : [];
  });
  const token = sessionTokenOf(cookies);
  return token ? userIdOfSessionToken(token) : null;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Starts Next.js in this process and listens; resolves once the port is bound. */
export async function startHttpServer(opts: HttpServerOptions): Promise<LanbaoHttpServer> {
  const { default: next } = await import("next");
  const server = http.createServer();
  // Behind a load balancer: keep idle connections open longer than its own idle timeout
  // (commonly 60 s), so it never reuses a connection this server is closing.
  server.keepAliveTimeout = Number(process.env.KEEP_ALIVE_TIMEOUT) || 65_000;
  server.headersTimeout = server.keepAliveTimeout + 1_000;

  const app = next({ dev: opts.dev, dir: opts.dir, port: opts.port, hostname: opts.hostname ?? "localhost", httpServer: server });
  await app.prepare();
  const handle = app.getRequestHandler();
  let routes: RoutePattern[] = loadRoutes(opts.dir, opts.distDir, opts.dev);
  let routesAt = Date.now();

  server.on("request", (req: http.IncomingMessage, res: http.ServerResponse) => {
    const started = performance.now();
    const incoming = req.headers["x-request-id"];
    const requestId = typeof incoming === "string" && REQUEST_ID.test(incoming) ? incoming : randomBytes(8).toString("hex");
    res.setHeader("x-request-id", requestId);
    const context: RequestContext = { requestId };
    const pathname = (req.url ?? "/").split("?")[0];
    const quiet = !opts.logAssets && (pathname.startsWith("/_next/") || pathname.startsWith("/__nextjs"));

    let logged = false;
    const writeLine = () => {
      if (logged || quiet) return;
      logged = true;
      // In dev new route folders appear while the server runs.
      if (opts.dev && Date.now() - routesAt > 5_000) {
        routes = loadRoutes(opts.dir, opts.distDir, opts.dev);
        routesAt = Date.now();
      }
      const durationMs = Math.round(performance.now() - started);
      void sessionUserId(req).then((userId) =>
        logEvent({
          kind: "request",
          requestId,
          method: req.method,
          route: routeOf(pathname, routes),
          status: res.statusCode,
          durationMs,
          userId,
          // A response cut before it finished (client gone, server stopping): say so.
          ...(res.writableFinished ? {} : { aborted: true }),
        }),
      );
    };
    res.once("finish", writeLine);
    res.once("close", writeLine);
    withRequestContext(context, () => {
      handle(req, res).catch((err: unknown) => {
        logEvent({ kind: "error", requestId, route: routeOf(pathname, routes), error: err });
        if (!res.headersSent) res.statusCode = 500;
        res.end();
      });
    });
  });

  const sockets = new Set<Socket>();
  server.on("connection", (s: Socket) => {
    sockets.add(s);
    s.once("close", () => sockets.delete(s));
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.hostname, () => {
      server.off("error", reject);
      resolve();
    });
  });

  return {
    server,
    async close(graceMs) {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const timer = setTimeout(() => {
        // Live-update streams never end on their own; browsers reconnect to another process.
        server.closeAllConnections();
        for (const s of sockets) s.destroy();
      }, graceMs);
      await closed;
      clearTimeout(timer);
      // Next's own clean-up (in dev: the bundler writing its cache) gets a moment, not the
      // whole stop budget.
      const nextClose = (app as unknown as { close?: () => Promise<void> }).close?.().catch(() => {});
      await Promise.race([nextClose, new Promise((r) => setTimeout(r, opts.dev ? 1_500 : 3_000).unref())]);
    },
  };
}
