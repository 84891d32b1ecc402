"use client";

import { useEffect, useState } from "react";

const MAX_BYTES = 2 * 1024 * 1024;
const TYPES = ["image/jpeg", "image/png", "image/webp"];

export type PhotoState = { key: string | null; preview: string | null; busy: boolean; error: string | null };

/**
 * One photo for an after-sales request, uploaded on its own to POST /after-sales/photos
 * (server actions cap bodies at 1 MB). Returns its storage key for the form to post, a
 * local preview, and an i18n error key when the upload is refused.
 */
export function usePhotoUpload() {
  const [state, setState] = useState<PhotoState>({ key: null, preview: null, busy: false, error: null });
  useEffect(() => () => void (state.preview && URL.revokeObjectURL(state.preview)), [state.preview]);

  async function choose(file: File | undefined) {
    if (!file) return;
    // Quick checks for fast feedback; the server checks the bytes themselves.
    if (!TYPES.includes(file.type)) return setState((s) => ({ ...s, error: "merchant.errors.imageType" }));
    if (file.size > MAX_BYTES) return setState((s) => ({ ...s, error: "merchant.errors.imageTooLarge" }));
    setState((s) => ({ ...s, busy: true, error: null }));
    const body = new FormData();
    body.set("file", file);
    try {
      const res = await fetch("/after-sales/photos", { method: "POST", body });
      const data = (await res.json()) as { ok: boolean; key?: string; error?: string };
      if (data.ok && data.key) setState({ key: data.key, preview: URL.createObjectURL(file), busy: false, error: null });
      else setState((s) => ({ ...s, busy: false, error: data.error ?? "merchant.errors.uploadFailed" }));
    } catch {
      setState((s) => ({ ...s, busy: false, error: "merchant.errors.uploadFailed" }));
    }
  }

  const remove = () => setState({ key: null, preview: null, busy: false, error: null });
  return { ...state, choose, remove };
}
