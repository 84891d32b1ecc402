"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

export function PrintButton() {
  const t = useTranslations("slip");
  return (
    <Button onClick={() => window.print()} data-testid="print-slips">
      {t("printNow")}
    </Button>
  );
}
