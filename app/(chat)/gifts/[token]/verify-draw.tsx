"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { bytesToHex, drawWinners, hexToBytes, type Hmac } from "@/lib/gifting/draw";

const webHmac: Hmac = async (key, message) => {
  const k = await crypto.subtle.importKey("raw", key as BufferSource, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return new Uint8Array(await crypto.subtle.sign("HMAC", k, message as BufferSource));
};

type Check = { commitmentOk: boolean; winnersOk: boolean; winners: string[] };

/**
 * "Check the draw": recomputes, in this browser, the seed's SHA-256 (it must equal the
 * commitment shown before the draw) and the winners from the seed and the entrants, with
 * the same code the server drew with (lib/gifting/draw.ts).
 */
export function VerifyDraw(props: { seed: string; commitment: string; entrantIds: string[]; units: number; winnerIds: string[] }) {
  const t = useTranslations("gift.lottery");
  const [check, setCheck] = useState<Check | null>(null);
  async function run() {
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", hexToBytes(props.seed) as BufferSource));
    const winners = await drawWinners(props.seed, props.entrantIds, props.units, webHmac);
    const same = (a: string[], b: string[]) => a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);
    setCheck({ commitmentOk: bytesToHex(digest) === props.commitment, winnersOk: same(winners, props.winnerIds), winners });
  }
  return (
    <div className="space-y-2">
      <Button type="button" variant="secondary" onClick={() => void run()} data-testid="check-draw">
        {t("check")}
      </Button>
      {check && (
        <p role="status" data-testid="check-draw-result" data-ok={check.commitmentOk && check.winnersOk} className="text-xs">
          {check.commitmentOk ? t("commitmentOk") : t("commitmentBad")} {check.winnersOk ? t("winnersOk") : t("winnersBad")}
        </p>
      )}
    </div>
  );
}
