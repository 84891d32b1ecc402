// Runs one decline in a process of its own, so a test can kill it at a chosen moment
// (tests/integration/refund-crash.test.ts). Arguments: database URL, Stripe base URL,
// user id, gift id.
import { createDb } from "../../lib/db/client.ts";
import { declineGift } from "../../lib/gifting/decline.ts";
import { createStripeClient } from "../../lib/payments/stripe.ts";

const [databaseUrl, stripeUrl, userId, giftId] = process.argv.slice(2);
const db = createDb(databaseUrl, { max: 2 });
const stripe = createStripeClient({ STRIPE_SANDBOX_URL: stripeUrl });
await declineGift(db, userId, { giftId }, { stripe });
console.log("declined");
await db.$disconnect();
