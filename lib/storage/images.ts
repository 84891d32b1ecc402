// What an uploaded image may be: JPEG, PNG or WebP, at most 2 MB, recognised by its bytes
// (magic numbers), never by the file name or the type the browser claims.
import { DomainError } from "@/lib/validation/result";

export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;

export const IMAGE_TYPES = {
  jpeg: { ext: "jpg", contentType: "image/jpeg" },
  png: { ext: "png", contentType: "image/png" },
  webp: { ext: "webp", contentType: "image/webp" },
} as const;

export type ImageType = keyof typeof IMAGE_TYPES;

const startsWith = (bytes: Uint8Array, sig: number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);

/** The image type the bytes really are, or null. */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
  if (bytes.length >= 3 && startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  if (bytes.length >= 8 && startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  // "RIFF" <size> "WEBP"
  if (bytes.length >= 12 && startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) {
    return "webp";
  }
  return null;
}

/**
 * Checks an upload; returns its real type. Throws DomainError (field "image") with an
 * i18n key: merchant.errors.imageEmpty / imageTooLarge / imageType.
 */
export function validateImage(bytes: Uint8Array, field = "image"): ImageType {
  if (bytes.length === 0) throw new DomainError("merchant.errors.imageEmpty", field);
  if (bytes.length > MAX_IMAGE_BYTES) throw new DomainError("merchant.errors.imageTooLarge", field);
  const type = sniffImageType(bytes);
  if (!type) throw new DomainError("merchant.errors.imageType", field);
  return type;
}
