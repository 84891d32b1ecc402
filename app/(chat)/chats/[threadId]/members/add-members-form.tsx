"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FriendPicker, type PickableFriend } from "@/components/chat/friend-picker";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field";
import { addMembersSchema } from "@/lib/chat/schemas";
import { fieldErrorsOf, type FieldErrors } from "@/lib/validation/result";
import { addMembersAction } from "../../actions";

export function AddMembersForm({ threadId, friends }: { threadId: string; friends: PickableFriend[] }) {
  const t = useTranslations();
  const router = useRouter();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string>();
  const [status, setStatus] = useState<string>();
  const [pending, setPending] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setFormError(undefined);
    setStatus(undefined);
    const parsed = addMembersSchema.safeParse({ threadId, memberIds: [...selected] });
    if (!parsed.success) return setErrors(fieldErrorsOf(parsed.error));
    setErrors({});
    setPending(true);
    const res = await addMembersAction(parsed.data).catch(() => null);
    setPending(false);
    if (!res) return setFormError("chat.errors.failed");
    if (!res.ok) {
      setErrors(res.fieldErrors);
      return setFormError(res.formError);
    }
    setSelected(new Set());
    setStatus(t("chat.added", { count: res.data.added }));
    router.refresh();
  }

  const err = (k: string) => errors[k] && t(errors[k][0]);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FriendPicker friends={friends} selected={selected} onChange={setSelected} legend={t("chat.addMembers")} error={err("memberIds")} />
      <FieldError message={formError && t(formError)} />
      {status && (
        <p role="status" className="text-sm text-green-700">
          {status}
        </p>
      )}
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? t("chat.adding") : t("chat.add")}
      </Button>
    </form>
  );
}
