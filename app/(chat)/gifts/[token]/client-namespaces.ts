/**
 * The message namespaces the gift page's client components read (its forms and buttons),
 * and those its actions' refusals come from (gift, checkout, vouchers, address, validation,
 * limits, common). A recipient opens this page from a chat link on a phone: every other
 * namespace would be sent along for nothing. tests/unit/client-messages.test.ts checks the
 * list against the components and the services' error keys.
 */
export const GIFT_PAGE_NAMESPACES = ["common", "validation", "limits", "gift", "address", "checkout", "vouchers"] as const;
