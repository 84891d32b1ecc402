"use client";

import { useTranslations } from "next-intl";
import { FieldError } from "@/components/ui/field";
import { Avatar } from "./avatar";

export type PickableFriend = { id: string; name: string; lanbaoId: string };

/** A checkbox list of friends, for starting a group or adding to one. */
export function FriendPicker({
  friends,
  selected,
  onChange,
  legend,
  error,
}: {
  friends: PickableFriend[];
  selected: Set<string>;
  onChange: (next: Set<string>) => void;
  legend: string;
  error?: string;
}) {
  const t = useTranslations("chat");
  return (
    <fieldset className="space-y-2" aria-describedby={error ? "picker-error" : undefined}>
      <legend className="flex w-full items-baseline justify-between text-sm font-medium text-gray-700">
        <span>{legend}</span>
        <span className="text-xs font-normal text-gray-500">{t("selected", { count: selected.size })}</span>
      </legend>
      <ul className="divide-y divide-gray-100 overflow-hidden rounded-xl bg-white ring-1 ring-gray-200">
        {friends.map((f) => (
          <li key={f.id}>
            <label className="flex cursor-pointer items-center gap-3 px-3 py-2.5 hover:bg-gray-50">
              <input
                type="checkbox"
                name="memberIds"
                value={f.id}
                checked={selected.has(f.id)}
                onChange={(e) => {
                  const next = new Set(selected);
                  if (e.target.checked) next.add(f.id);
                  else next.delete(f.id);
                  onChange(next);
                }}
                className="size-5 accent-green-600"
              />
              <Avatar name={f.name} seed={f.id} size="sm" />
              <span className="min-w-0 flex-1">
                <span className="block truncate font-medium">{f.name}</span>
                <span className="block truncate text-xs text-gray-500">{f.lanbaoId}</span>
              </span>
            </label>
          </li>
        ))}
      </ul>
      <FieldError id="picker-error" message={error} />
    </fieldset>
  );
}
