// The shipping address snapshot as services take it (an order, a gift claim). Kept apart from
// ./format.ts, which client components import: zod in that file would ship to the browser.
import { z } from "zod";
import type { ShippingAddress } from "./format";

/** An address as it is copied onto an order or a claim (already validated by lib/address/schema). */
export const shippingSnapshotSchema = z.object({
  name: z.string(),
  phone: z.string(),
  province: z.string(),
  city: z.string(),
  district: z.string(),
  detail: z.string(),
});

// The schema and the type stay the same shape.
true satisfies z.infer<typeof shippingSnapshotSchema> extends ShippingAddress ? (ShippingAddress extends z.infer<typeof shippingSnapshotSchema> ? true : false) : false;
