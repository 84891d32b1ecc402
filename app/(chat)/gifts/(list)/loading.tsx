// The gifts list only: a loading.tsx in app/(chat)/gifts/ would also stand above the gift
// page a recipient opens from the chat (/gifts/[token]), whose placeholder then became that
// page's largest paint and held the gift back (docs/performance.md).
export { RouteLoading as default } from "@/components/shell/route-loading";
