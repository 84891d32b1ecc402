"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FieldError, inputClass } from "@/components/ui/field";

/** "yyyy-MM-ddTHH:mm" in the browser's time zone, for a datetime-local input. */
function localInput(d: Date) {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A lottery's draw time (sent as an absolute time) and who may enter. */
export function LotteryFields({ members, errors }: { members: { id: string; name: string }[]; errors: Record<string, string[]> }) {
  const t = useTranslations();
  const [drawLocal, setDrawLocal] = useState(() => localInput(new Date(Date.now() + 60 * 60_000)));
  const [entry, setEntry] = useState<"all" | "chosen">("all");
  const drawAt = drawLocal ? new Date(drawLocal) : null;
  const err = (k: string) => errors[k] && t(errors[k][0]);
  return (
    <>
      <div className="space-y-1">
        <label htmlFor="drawAtLocal" className="block text-sm font-medium text-gray-700">
          {t("gift.groupSend.drawAt")}
        </label>
        <input
          id="drawAtLocal"
          type="datetime-local"
          step={1}
          value={drawLocal}
          onChange={(e) => setDrawLocal(e.target.value)}
          className={inputClass}
          aria-invalid={errors.drawAt ? true : undefined}
          aria-describedby="draw-hint"
        />
        {/* The server gets the moment itself, not the wall-clock text of this browser's zone. */}
        <input type="hidden" name="drawAt" value={drawAt && !Number.isNaN(drawAt.getTime()) ? drawAt.toISOString() : ""} />
        <p id="draw-hint" className="text-xs text-gray-500">
          {t("gift.groupSend.drawHint")}
        </p>
        <FieldError message={err("drawAt")} />
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-gray-700">{t("gift.groupSend.whoMayEnter")}</legend>
        <div className="flex gap-4 text-sm">
          <label className="flex items-center gap-2">
            <input type="radio" name="entry" value="all" checked={entry === "all"} onChange={() => setEntry("all")} />
            {t("gift.groupSend.everyone")}
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="entry" value="chosen" checked={entry === "chosen"} onChange={() => setEntry("chosen")} />
            {t("gift.groupSend.chosen")}
          </label>
        </div>
        {entry === "chosen" && (
          <ul className="max-h-48 space-y-1 overflow-y-auto rounded-lg border border-gray-200 p-2 text-sm">
            {members.map((m) => (
              <li key={m.id}>
                <label className="flex items-center gap-2">
                  <input type="checkbox" name="eligibleUserId" value={m.id} />
                  {m.name}
                </label>
              </li>
            ))}
          </ul>
        )}
        <FieldError message={err("eligibleUserIds")} />
      </fieldset>
    </>
  );
}
