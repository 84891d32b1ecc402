import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import QRCode from "qrcode";
import { ShareButtons } from "./share-buttons";

/** The app's own address for links people open elsewhere: NEXTAUTH_URL, else this request's host. */
async function appOrigin(): Promise<string> {
  const configured = process.env.NEXTAUTH_URL?.replace(/\/$/, "");
  if (configured) return configured;
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost";
  return `${h.get("x-forwarded-proto") ?? "http"}://${host}`;
}

/**
 * What the sender of a passphrase gift shares: the link (copy, the system share sheet, or a
 * QR code to scan) and the passphrase, which the link alone does not reveal. Shown to the
 * sender only, while nobody has claimed the gift.
 */
export async function PassphraseShare({ token, passphrase }: { token: string; passphrase: string }) {
  const t = await getTranslations("gift.passphrase");
  const url = `${await appOrigin()}/gifts/${token}`;
  // Drawn on the server as SVG: no script, sharp at any size. It holds the link only; the
  // passphrase is told apart (read aloud, or sent in the invitation text).
  const qr = await QRCode.toString(url, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return (
    <section className="space-y-3 rounded-xl bg-lanbao-50 p-4" aria-labelledby="passphrase-share-title" data-testid="passphrase-share">
      <h2 id="passphrase-share-title" className="text-sm font-semibold text-lanbao-800">
        {t("shareTitle")}
      </h2>
      <p className="text-xs text-gray-600">{t("shareHint")}</p>
      <div>
        <p className="text-xs text-gray-500">{t("passphraseIs")}</p>
        <p className="font-mono text-2xl font-semibold tracking-widest text-lanbao-700" data-testid="gift-passphrase">
          {passphrase}
        </p>
      </div>
      <div>
        <p className="text-xs text-gray-500">{t("linkIs")}</p>
        <p className="break-all font-mono text-xs text-gray-700" data-testid="gift-share-link">
          {url}
        </p>
      </div>
      <ShareButtons url={url} passphrase={passphrase} />
      <div
        role="img"
        aria-label={t("qrLabel")}
        className="mx-auto size-44 rounded-lg bg-white p-2 [&>svg]:size-full"
        data-testid="gift-qr"
        dangerouslySetInnerHTML={{ __html: qr }}
      />
    </section>
  );
}
