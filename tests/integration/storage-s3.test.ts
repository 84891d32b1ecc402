// The S3 backend of lib/storage against a real S3-compatible server (s3rver, in this
// process), reached through a recording proxy so the requests themselves are checked:
// path-style addressing, the bucket and prefix, SigV4 signing with the configured key.
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { imageStore, readImage, saveImage, deleteImage, imageExists } from "../../lib/storage/index.ts";
import { s3ConfigFromEnv, s3Store } from "../../lib/storage/s3.ts";

// A real 1×1 PNG.
const PNG = Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082", "hex");

type Seen = { method: string; url: string; headers: http.IncomingHttpHeaders; bodySha256: string };
const seen: Seen[] = [];
const dir = mkdtempSync(path.join(os.tmpdir(), "lanbao-s3-"));
let s3rver: S3rver;
let proxy: http.Server;
let endpoint = "";

beforeAll(async () => {
  s3rver = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory: dir, configureBuckets: [{ name: "lanbao-test", configs: [] }] });
  const { port: s3Port } = (await s3rver.run()) as { port: number };
  proxy = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, bodySha256: createHash("sha256").update(body).digest("hex") });
      const out = http.request({ host: "127.0.0.1", port: s3Port, method: req.method, path: req.url, headers: req.headers }, (up) => {
        res.writeHead(up.statusCode!, up.headers);
        up.pipe(res);
      });
      out.end(body);
    });
  });
  await new Promise<void>((r) => proxy.listen(0, "127.0.0.1", () => r()));
  endpoint = `http://127.0.0.1:${(proxy.address() as { port: number }).port}`;
});

afterAll(async () => {
  await new Promise((r) => proxy.close(r));
  await s3rver.close();
  rmSync(dir, { recursive: true, force: true });
});

const env = () => ({
  LANBAO_STORAGE: "s3",
  S3_BUCKET: "lanbao-test",
  S3_REGION: "cn-north-1",
  S3_ENDPOINT: endpoint,
  S3_FORCE_PATH_STYLE: "1",
  S3_ACCESS_KEY_ID: "S3RVER",
  S3_SECRET_ACCESS_KEY: "S3RVER",
});

describe("S3 image store", () => {
  it("stores, reads, checks and deletes through the storage interface", async () => {
    const store = s3Store(s3ConfigFromEnv(env()));
    const key = "0123456789abcdef0123456789abcdef.png";
    expect(await store.exists(key)).toBe(false);
    expect(await store.get(key)).toBeNull();
    await store.put(key, new Uint8Array(PNG));
    expect(await store.exists(key)).toBe(true);
    expect(Buffer.from((await store.get(key))!)).toEqual(PNG);
    await store.delete(key);
    expect(await store.exists(key)).toBe(false);
  });

  it("is what the app uses when LANBAO_STORAGE=s3: an upload through it is readable through any other process's store", async () => {
    Object.assign(process.env, env());
    try {
      const saved = await saveImage(new Uint8Array(PNG));
      expect(saved.url).toBe(`/uploads/${saved.key}`);
      // Another process = another client with the same settings.
      const other = s3Store(s3ConfigFromEnv(env()));
      expect(Buffer.from((await other.get(saved.key))!)).toEqual(PNG);
      expect(await readImage(saved.key)).toMatchObject({ contentType: "image/png" });
      expect(await imageExists(saved.key)).toBe(true);
      await deleteImage(saved.key);
      expect(await imageExists(saved.key)).toBe(false);
      expect(imageStore()).toBe(imageStore()); // one client per configuration
    } finally {
      for (const k of Object.keys(env())) delete process.env[k];
    }
  });

  it("sends signed, path-style requests for the configured bucket, prefix and region", async () => {
    seen.length = 0;
    const store = s3Store({ ...s3ConfigFromEnv(env()), prefix: "img/" });
    const key = "fedcba9876543210fedcba9876543210.png";
    await store.put(key, new Uint8Array(PNG));
    const put = seen.find((r) => r.method === "PUT")!;
    expect(put.url.split("?")[0]).toBe(`/lanbao-test/img/${key}`);
    expect(put.headers["content-type"]).toBe("image/png");
    // Signature V4 with our key, our region, the s3 service; the payload hash signed is the body's.
    expect(put.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=S3RVER\/\d{8}\/cn-north-1\/s3\/aws4_request, SignedHeaders=[a-z0-9;-]*host[a-z0-9;-]*x-amz-content-sha256[a-z0-9;-]*, Signature=[0-9a-f]{64}$/,
    );
    expect(put.headers["x-amz-content-sha256"]).toBe(put.bodySha256);
    await store.delete(key);
    expect(seen.some((r) => r.method === "DELETE" && r.url.split("?")[0] === `/lanbao-test/img/${key}`)).toBe(true);
  });

  it("says what is missing when chosen without a bucket", () => {
    expect(() => imageStore({ LANBAO_STORAGE: "s3" })).toThrow(/needs S3_BUCKET/);
    expect(() => imageStore({ LANBAO_STORAGE: "ftp" })).toThrow(/not a storage backend/);
  });
});
