import NextLink from "next/link";
import type { ComponentProps } from "react";

/**
 * next/link without prefetching: every page here is rendered per request (the CSP nonce)
 * and none has a loading.tsx above the pages a first visit opens, so a prefetch brings
 * back only the route tree (about 1 kB) while the server renders for it. A product page
 * made 28 such requests as it loaded (two per link, more for links that redirect to
 * sign-in), each run through the server and read on the phone's main thread while the
 * page was still becoming interactive. A tap fetches the page in one request either way.
 * Pass `prefetch` to ask for it on a link where it pays.
 */
export default function Link(props: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={false} {...props} />;
}
