"use client";

import { useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { FieldError } from "@/components/ui/field";

export type UploadedImage = {
  /** What the form posts: "id:<image id>" for a kept image, "key:<storage key>" for a new upload. */
  ref: string;
  url: string;
};

const MAX_BYTES = 2 * 1024 * 1024;
const TYPES = ["image/jpeg", "image/png", "image/webp"];

/** Uploads one file to POST /uploads; resolves to its storage key and URL or an i18n error key. */
async function upload(file: File): Promise<{ ok: true; key: string; url: string } | { ok: false; error: string }> {
  // Quick checks for fast feedback; the server checks the bytes themselves.
  if (!TYPES.includes(file.type)) return { ok: false, error: "merchant.errors.imageType" };
  if (file.size > MAX_BYTES) return { ok: false, error: "merchant.errors.imageTooLarge" };
  const body = new FormData();
  body.set("file", file);
  try {
    const res = await fetch("/uploads", { method: "POST", body });
    const data = (await res.json()) as { ok: boolean; key?: string; url?: string; error?: string };
    return data.ok && data.key && data.url ? { ok: true, key: data.key, url: data.url } : { ok: false, error: data.error ?? "merchant.errors.uploadFailed" };
  } catch {
    return { ok: false, error: "merchant.errors.uploadFailed" };
  }
}

/**
 * Image list with upload, remove and reorder. Posts one hidden `name` input per image,
 * in order. With max=1 it is a single-image picker (a shop cover) that posts "" when
 * the image was removed.
 */
export function ImageUploader({
  name,
  label,
  hint,
  initial,
  max,
  error,
  emptyValue,
}: {
  name: string;
  label: string;
  hint?: string;
  initial: UploadedImage[];
  max: number;
  error?: string;
  /** Posted when the list is empty (e.g. "" = remove the cover); nothing is posted otherwise. */
  emptyValue?: string;
}) {
  const t = useTranslations();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [images, setImages] = useState<UploadedImage[]>(initial);
  const [busy, setBusy] = useState(0);
  const [uploadError, setUploadError] = useState<string>();
  const [touched, setTouched] = useState(false);

  async function onFiles(files: FileList | null) {
    if (!files?.length) return;
    setUploadError(undefined);
    const room = max === 1 ? 1 : max - images.length;
    const chosen = [...files].slice(0, Math.max(0, room));
    if (files.length > chosen.length) setUploadError("merchant.errors.tooManyImages");
    setBusy((n) => n + chosen.length);
    for (const file of chosen) {
      const result = await upload(file);
      setBusy((n) => n - 1);
      if (!result.ok) {
        setUploadError(result.error);
        continue;
      }
      setTouched(true);
      setImages((list) => (max === 1 ? [{ ref: `key:${result.key}`, url: result.url }] : [...list, { ref: `key:${result.key}`, url: result.url }]));
    }
    if (input.current) input.current.value = "";
  }

  const move = (i: number, by: number) =>
    setImages((list) => {
      const next = [...list];
      const [item] = next.splice(i, 1);
      next.splice(i + by, 0, item);
      return next;
    });

  const shownError = uploadError ? (t.has(uploadError) ? t(uploadError) : uploadError) : error;
  const single = max === 1;
  // A list posts every image in order; a single picker posts only a change: the new key, or emptyValue when removed.
  const posted = single
    ? touched
      ? [images[0] ? images[0].ref.replace(/^key:/, "") : (emptyValue ?? "")]
      : []
    : images.map((img) => img.ref);

  return (
    <div className="space-y-2">
      <span className="block text-sm font-medium text-gray-700" id={`${id}-label`}>
        {label}
      </span>
      {posted.map((value, i) => (
        <input key={`${i}-${value}`} type="hidden" name={name} value={value} />
      ))}
      <ul className="flex flex-wrap gap-2" aria-labelledby={`${id}-label`} data-testid="image-list">
        {images.map((img, i) => (
          <li key={img.ref} className="relative w-24 overflow-hidden rounded-lg bg-gray-100 ring-1 ring-gray-200" data-testid="image-item">
            {/* eslint-disable-next-line @next/next/no-img-element -- a local preview */}
            <img src={img.url} alt="" width={96} height={96} className="size-24 object-cover" />
            {i === 0 && max > 1 && (
              <span className="absolute top-1 left-1 rounded bg-black/60 px-1 text-[10px] text-white">{t("merchant.product.coverImage")}</span>
            )}
            <div className="flex justify-between bg-white text-xs">
              {max > 1 && (
                <button type="button" className="px-1.5 py-1 disabled:opacity-30" disabled={i === 0} onClick={() => move(i, -1)} aria-label={t("merchant.product.moveEarlier", { n: i + 1 })}>
                  ←
                </button>
              )}
              <button
                type="button"
                className="px-1.5 py-1 text-red-600"
                onClick={() => {
                  setTouched(true);
                  setImages((list) => list.filter((_, j) => j !== i));
                }}
                aria-label={t("merchant.product.removeImage", { n: i + 1 })}
              >
                ✕
              </button>
              {max > 1 && (
                <button type="button" className="px-1.5 py-1 disabled:opacity-30" disabled={i === images.length - 1} onClick={() => move(i, 1)} aria-label={t("merchant.product.moveLater", { n: i + 1 })}>
                  →
                </button>
              )}
            </div>
          </li>
        ))}
        {(max === 1 || images.length < max) && (
          <li>
            <label
              htmlFor={`${id}-file`}
              className="flex size-24 cursor-pointer flex-col items-center justify-center gap-1 rounded-lg border-2 border-dashed border-gray-300 text-center text-xs text-gray-500 hover:border-lanbao-500"
            >
              <span aria-hidden className="text-xl">＋</span>
              {busy > 0 ? t("merchant.product.uploading") : max === 1 && images.length ? t("merchant.product.replaceImage") : t("merchant.product.addImages")}
            </label>
            <input
              ref={input}
              id={`${id}-file`}
              type="file"
              accept="image/jpeg,image/png,image/webp"
              multiple={max > 1}
              className="sr-only"
              data-testid={`${name}-file-input`}
              onChange={(e) => void onFiles(e.target.files)}
            />
          </li>
        )}
      </ul>
      {busy > 0 && (
        <p role="status" className="text-xs text-gray-500" data-testid="uploading">
          {t("merchant.product.uploading")}
        </p>
      )}
      {hint && !shownError && <p className="text-xs text-gray-500">{hint}</p>}
      <FieldError id={`${name}-error`} message={shownError} />
    </div>
  );
}
