import Link from "@/components/ui/link";
import { useTranslations } from "next-intl";

/** From the gift sheet to the gift's timeline on the gifts page. */
export function TrackGiftLink({ giftId, as }: { giftId: string; as: "recipient" | "sender" }) {
  const t = useTranslations("tracking");
  return (
    <Link href={`/gifts/${as === "sender" ? "sent" : "received"}/${giftId}`} className="block pt-1 text-sm text-lanbao-600" data-testid="gift-timeline-link">
      {t("openTimeline")}
    </Link>
  );
}
