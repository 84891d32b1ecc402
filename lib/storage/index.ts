// The one storage interface for uploaded images, served by app/uploads/[key]/route.ts
// whatever the backend. LANBAO_STORAGE chooses it:
//   disk (default)  files on the app's disk (LANBAO_UPLOADS_DIR, default
//                   <LANBAO_DATA_DIR>/uploads, git-ignored): one machine only;
//   s3              an S3-compatible bucket (lib/storage/s3.ts): any number of app processes.
import { randomBytes } from "node:crypto";
import { mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { IMAGE_TYPES, validateImage, type ImageType } from "./images";
import { s3ConfigFromEnv, s3Store } from "./s3";

export { MAX_IMAGE_BYTES, sniffImageType, validateImage } from "./images";

export type StoredImage = { key: string; url: string; contentType: string };

export interface ImageStore {
  put(key: string, bytes: Uint8Array): Promise<void>;
  get(key: string): Promise<Uint8Array | null>;
  exists(key: string): Promise<boolean>;
  delete(key: string): Promise<void>;
}

/** Keys are random (128 bits) and carry their type: "<32 hex>.<jpg|png|webp>". */
const KEY_PATTERN = /^[0-9a-f]{32}\.(jpg|png|webp)$/;

export function isStorageKey(value: unknown): value is string {
  return typeof value === "string" && KEY_PATTERN.test(value);
}

export function contentTypeOfKey(key: string): string {
  const ext = key.slice(key.lastIndexOf(".") + 1);
  const found = Object.values(IMAGE_TYPES).find((t) => t.ext === ext);
  return found?.contentType ?? "application/octet-stream";
}

export function uploadsDir(env: Record<string, string | undefined> = process.env): string {
  // A runtime location, not part of the app: keep the bundler from tracing it.
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), env.LANBAO_UPLOADS_DIR || path.join(env.LANBAO_DATA_DIR || ".data", "uploads"));
}

/** Files on local disk, one per key. */
export function localDiskStore(dir: string): ImageStore {
  const file = (key: string) => {
    if (!isStorageKey(key)) throw new Error(`Not a storage key: ${key}`);
    return path.join(dir, key.slice(0, 2), key);
  };
  return {
    async put(key, bytes) {
      const f = file(key);
      await mkdir(path.dirname(f), { recursive: true });
      await writeFile(f, bytes, { flag: "wx" });
    },
    async get(key) {
      try {
        return new Uint8Array(await readFile(file(key)));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw err;
      }
    },
    async exists(key) {
      try {
        return (await stat(file(key))).isFile();
      } catch {
        return false;
      }
    },
    async delete(key) {
      await rm(file(key), { force: true });
    },
  };
}

let override: ImageStore | undefined;
let s3: { settings: string; store: ImageStore } | undefined;

/** The store in use; read from the environment on each call so tests can point it elsewhere. */
export function imageStore(env: Record<string, string | undefined> = process.env): ImageStore {
  if (override) return override;
  const backend = env.LANBAO_STORAGE?.trim() || "disk";
  if (backend === "disk") return localDiskStore(uploadsDir(env));
  if (backend === "s3") {
    const config = s3ConfigFromEnv(env);
    const settings = JSON.stringify(config);
    // One client (and its connection pool) per configuration.
    if (s3?.settings !== settings) s3 = { settings, store: s3Store(config) };
    return s3.store;
  }
  throw new Error(`LANBAO_STORAGE=${backend} is not a storage backend: use disk or s3.`);
}

/** For tests and alternative backends. */
export function setImageStore(store: ImageStore | undefined) {
  override = store;
}

/** Public URL of a stored image. */
export function urlFor(key: string): string {
  return `/uploads/${key}`;
}

/** Validates (type by content, size) and stores an image; throws DomainError on a bad file. */
export async function saveImage(bytes: Uint8Array, opts: { field?: string } = {}): Promise<StoredImage> {
  const type: ImageType = validateImage(bytes, opts.field);
  const key = `${randomBytes(16).toString("hex")}.${IMAGE_TYPES[type].ext}`;
  await imageStore().put(key, bytes);
  return { key, url: urlFor(key), contentType: IMAGE_TYPES[type].contentType };
}

/** Removes a stored image; a missing one is fine. */
export async function deleteImage(key: string): Promise<void> {
  if (isStorageKey(key)) await imageStore().delete(key);
}

export async function imageExists(key: string): Promise<boolean> {
  return isStorageKey(key) && imageStore().exists(key);
}

export async function readImage(key: string): Promise<{ bytes: Uint8Array; contentType: string } | null> {
  if (!isStorageKey(key)) return null;
  const bytes = await imageStore().get(key);
  return bytes ? { bytes, contentType: contentTypeOfKey(key) } : null;
}
