// Uploaded images in an S3-compatible bucket (AWS S3, MinIO, Cloudflare R2, Aliyun OSS,
// Tencent COS…), so every app process sees every upload. The app still serves them at
// /uploads/<key> (app/uploads/[key]/route.ts), which keeps the bucket private and the
// URLs the same whatever the backend; a CDN in front of /uploads/* caches them for good.
import type { S3Client } from "@aws-sdk/client-s3";
import type { ImageStore } from "./index";

export type S3StoreConfig = {
  bucket: string;
  region: string;
  /** For S3-compatible services: their URL (https://minio.internal:9000). Unset: AWS. */
  endpoint?: string;
  /** Bucket in the path rather than the host name (MinIO and most self-hosted servers). */
  forcePathStyle: boolean;
  /** Key prefix inside the bucket, e.g. "uploads/". */
  prefix: string;
  /** Unset: the SDK's own chain (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, instance roles…). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
};

type Env = Record<string, string | undefined>;

/** The S3 settings from the environment; throws one line naming what is missing. */
export function s3ConfigFromEnv(env: Env = process.env): S3StoreConfig {
  const bucket = env.S3_BUCKET?.trim();
  if (!bucket) throw new Error("LANBAO_STORAGE=s3 needs S3_BUCKET (and S3_REGION, and S3_ENDPOINT for a non-AWS service).");
  const id = env.S3_ACCESS_KEY_ID?.trim();
  const secret = env.S3_SECRET_ACCESS_KEY?.trim();
  return {
    bucket,
    region: env.S3_REGION?.trim() || "us-east-1",
    endpoint: env.S3_ENDPOINT?.trim() || undefined,
    forcePathStyle: /^(1|true|yes)$/i.test(env.S3_FORCE_PATH_STYLE?.trim() ?? ""),
    prefix: env.S3_PREFIX ?? "uploads/",
    credentials: id && secret ? { accessKeyId: id, secretAccessKey: secret } : undefined,
  };
}

const isMissing = (err: unknown) => {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === "NoSuchKey" || e?.name === "NotFound" || e?.$metadata?.httpStatusCode === 404;
};

export function s3Store(config: S3StoreConfig): ImageStore {
  let client: Promise<{ s3: S3Client; sdk: typeof import("@aws-sdk/client-s3") }> | undefined;
  // Loaded on first use: processes that keep images on disk never load the SDK.
  const connect = () =>
    (client ??= import("@aws-sdk/client-s3").then((sdk) => ({
      sdk,
      s3: new sdk.S3Client({
        region: config.region,
        endpoint: config.endpoint,
        forcePathStyle: config.forcePathStyle,
        credentials: config.credentials,
        maxAttempts: 3,
        // Checksums only where S3 requires them: many S3-compatible servers do not take
        // the newer streaming-checksum uploads the SDK would otherwise send.
        requestChecksumCalculation: "WHEN_REQUIRED",
        responseChecksumValidation: "WHEN_REQUIRED",
      }),
    })));
  const Key = (key: string) => `${config.prefix}${key}`;
  const Bucket = config.bucket;

  return {
    async put(key, bytes) {
      const { s3, sdk } = await connect();
      const { contentTypeOfKey } = await import("./index");
      await s3.send(new sdk.PutObjectCommand({ Bucket, Key: Key(key), Body: bytes, ContentType: contentTypeOfKey(key) }));
    },
    async get(key) {
      const { s3, sdk } = await connect();
      try {
        const res = await s3.send(new sdk.GetObjectCommand({ Bucket, Key: Key(key) }));
        return res.Body ? await res.Body.transformToByteArray() : null;
      } catch (err) {
        if (isMissing(err)) return null;
        throw err;
      }
    },
    async exists(key) {
      const { s3, sdk } = await connect();
      try {
        await s3.send(new sdk.HeadObjectCommand({ Bucket, Key: Key(key) }));
        return true;
      } catch (err) {
        if (isMissing(err)) return false;
        throw err;
      }
    },
    async delete(key) {
      const { s3, sdk } = await connect();
      await s3.send(new sdk.DeleteObjectCommand({ Bucket, Key: Key(key) }));
    },
  };
}
