"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FriendPicker, type PickableFriend } from "@/components/chat/friend-picker";
import { Button } from "@/components/ui/button";
import { Field, FieldError } from "@/components/ui/field";
import { createGroupSchema, GROUP_TITLE_MAX } from "@/lib/chat/schemas";
import { fieldErrorsOf, type FieldErrors } from "@/lib/validation/result";
import { createGroupAction } from "../actions";

export function NewGroupForm({ friends }: { friends: PickableFriend[] }) {
  const t = useTranslations();
  const router = useRouter();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string>();
  const [pending, setPending] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const input = { title: String(new FormData(e.currentTarget).get("title") ?? ""), memberIds: [...selected] };
    setFormError(undefined);
    const parsed = createGroupSchema.safeParse(input);
    if (!parsed.success) return setErrors(fieldErrorsOf(parsed.error));
    setErrors({});
    setPending(true);
    const res = await createGroupAction(parsed.data).catch(() => null);
    if (res?.ok) return router.push(`/chats/${res.data.threadId}`);
    setPending(false);
    if (!res) return setFormError("chat.errors.failed");
    setErrors(res.fieldErrors);
    setFormError(res.formError);
  }

  const err = (k: string) => errors[k] && t(errors[k][0]);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      <Field id="title" name="title" label={t("chat.groupName")} placeholder={t("chat.groupNamePlaceholder")} maxLength={GROUP_TITLE_MAX} error={err("title")} />
      <FriendPicker friends={friends} selected={selected} onChange={setSelected} legend={t("chat.pickFriends")} error={err("memberIds")} />
      <FieldError message={formError && t(formError)} />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? t("chat.creating") : t("chat.createGroup")}
      </Button>
    </form>
  );
}
