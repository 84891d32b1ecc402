// The orders behind an analytics page, as CSV (lib/analytics/csv.ts): the same query
// parameters as the page, checked the same way. Only the shop's owner gets a file; another
// merchant's shop answers exactly like one that does not exist.
import { getTranslations } from "next-intl/server";
import { userAction } from "@/lib/actions/safe-action";
import { csvChunks, CSV_COLUMNS, type CsvLabels } from "@/lib/analytics/csv";
import { analyticsQuerySchema, resolveAnalyticsScope } from "@/lib/analytics/scope";
import { safeReturnPath } from "@/lib/auth/session";
import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";

const resolveExport = userAction(analyticsQuerySchema, (input, { user }) => resolveAnalyticsScope(db, user.id, input));

export async function GET(request: Request) {
  const url = new URL(request.url);
  const result = await resolveExport(Object.fromEntries(url.searchParams) as Record<string, string>);
  if (!result.ok) {
    if (result.formError === "common.signedOut") {
      const back = safeReturnPath(`${url.pathname}${url.search}`);
      return Response.redirect(new URL(`/sign-in?callbackUrl=${encodeURIComponent(back)}`, url), 303);
    }
    if (Object.keys(result.fieldErrors).length > 0) return Response.json({ errors: result.fieldErrors }, { status: 400 });
    return new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  const scope = result.data;
  const [t, to] = await Promise.all([getTranslations("analytics"), getTranslations("orders")]);
  const labels: CsvLabels = {
    columns: Object.fromEntries(CSV_COLUMNS.map((c) => [c, t(`csv.${c}`)])) as CsvLabels["columns"],
    kind: (k) => (k === "GIFT" ? t("kinds.gift") : t("kinds.self")),
    status: (s) => (to.has(`status.${s}`) ? to(`status.${s}`) : s),
  };
  const chunks = csvChunks(db, scope, labels);
  const encoder = new TextEncoder();
  // One page of orders per pull: the file streams out as it is read, never whole in memory.
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  const name = `lanbao-gifting-${scope.shop ? "shop-" : ""}${scope.from}-${scope.to}.csv`;
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${name}"`,
      "cache-control": "private, no-store",
    },
  });
}
