// Checkout Sessions (mode=payment, hosted page): creation with Stripe's validation, the
// payment itself (PaymentIntent + Charge), expiry, and the events these produce.
import type Stripe from "stripe";
import type { RequestInfo, SandboxContext } from "./context.ts";
import { cardDeclined, invalidRequest, missingParam, resourceMissing } from "./errors.ts";
import { asArray, isObject, type FormObject } from "./form.ts";
import { formatAmount } from "./money.ts";
import {
  checkParams,
  getInt,
  getMetadata,
  getObject,
  getString,
  getStringList,
  oneOf,
  type Schema,
} from "./params.ts";
import { clone, newId, nowSeconds } from "./store.ts";

const CREATE_SCHEMA: Schema = {
  mode: "string",
  ui_mode: "string",
  success_url: "string",
  cancel_url: "string",
  line_items: {
    $list: {
      price: "string",
      quantity: "string",
      price_data: {
        currency: "string",
        unit_amount: "string",
        product_data: { name: "string", description: "string", images: { $list: "string" }, metadata: "metadata" },
      },
    },
  },
  metadata: "metadata",
  client_reference_id: "string",
  customer_email: "string",
  expires_at: "string",
  payment_intent_data: { metadata: "metadata", description: "string", receipt_email: "string" },
  expand: { $list: "string" },
  // Presentation-only parameters: echoed on the session, no behaviour to simulate.
  locale: "string",
  submit_type: "string",
  payment_method_types: { $list: "string" },
};

const MAX_AMOUNT = 99_999_999; // Stripe's ceiling for an amount in minor units (8 digits)

function validUrl(value: string, param: string): string {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) {
    throw invalidRequest("Not a valid URL", { code: "url_invalid", param });
  }
  return value;
}

function positiveInt(item: FormObject | undefined, key: string, param: string): number {
  const value = getInt(item, key, param);
  if (value === undefined) throw missingParam(param);
  if (value < 1) {
    throw invalidRequest("This value must be greater than or equal to 1.", { code: "parameter_invalid_integer", param });
  }
  if (value > MAX_AMOUNT) {
    throw invalidRequest(`This value must be less than or equal to ${MAX_AMOUNT}.`, {
      code: "parameter_invalid_integer",
      param,
    });
  }
  return value;
}

interface LineItemInput {
  name: string;
  description: string | null;
  images: string[];
  productMetadata: Record<string, string>;
  currency: string;
  unitAmount: number;
  quantity: number;
}

function parseLineItems(params: FormObject): LineItemInput[] {
  const items = asArray(params.line_items, "line_items");
  if (!items || items.length === 0) throw missingParam("line_items");
  if (items.length > 100) throw invalidRequest("You can specify up to 100 line items.", { param: "line_items" });
  return items.map((raw, i) => {
    const p = `line_items[${i}]`;
    if (!isObject(raw)) throw invalidRequest("Invalid hash", { param: p });
    const price = getString(raw, "price");
    // The sandbox has no Price objects, so every price id is unknown, as it would be on a fresh account.
    if (price) throw resourceMissing("price", price, `${p}[price]`);
    const priceData = getObject(raw, "price_data");
    if (!priceData) throw missingParam(`${p}[price_data]`);
    const currency = getString(priceData, "currency");
    if (!currency) throw missingParam(`${p}[price_data][currency]`);
    if (!/^[a-zA-Z]{3}$/.test(currency)) {
      throw invalidRequest(`Invalid currency: ${currency}`, { code: "parameter_invalid_string", param: `${p}[price_data][currency]` });
    }
    const unitAmount = positiveInt(priceData, "unit_amount", `${p}[price_data][unit_amount]`);
    const productData = getObject(priceData, "product_data");
    if (!productData) throw missingParam(`${p}[price_data][product_data]`);
    const name = getString(productData, "name");
    if (!name) throw missingParam(`${p}[price_data][product_data][name]`);
    const images = getStringList(productData, "images", `${p}[price_data][product_data][images]`);
    if (images.length > 8) {
      throw invalidRequest("You can specify up to 8 images.", { param: `${p}[price_data][product_data][images]` });
    }
    images.forEach((img, j) => validUrl(img, `${p}[price_data][product_data][images][${j}]`));
    const quantity = positiveInt(raw, "quantity", `${p}[quantity]`);
    return {
      name,
      description: getString(productData, "description") ?? null,
      images,
      productMetadata: getMetadata(productData, "metadata"),
      currency: currency.toLowerCase(),
      unitAmount,
      quantity,
    };
  });
}

function buildLineItem(input: LineItemInput, created: number): Stripe.LineItem {
  const amount = input.unitAmount * input.quantity;
  const price = {
    id: newId("price"),
    object: "price",
    active: false, // prices made from price_data are inline and inactive, as in Stripe
    billing_scheme: "per_unit",
    created,
    currency: input.currency,
    custom_unit_amount: null,
    livemode: false,
    lookup_key: null,
    metadata: {},
    nickname: null,
    product: newId("prod"),
    recurring: null,
    tax_behavior: "unspecified",
    tiers_mode: null,
    transform_quantity: null,
    type: "one_time",
    unit_amount: input.unitAmount,
    // Stripe sends decimals as strings; the SDK turns this into its Decimal type.
    unit_amount_decimal: String(input.unitAmount) as unknown as Stripe.Price["unit_amount_decimal"],
  } satisfies Stripe.Price;
  return {
    id: newId("li"),
    object: "item",
    adjustable_quantity: null,
    amount_discount: 0,
    amount_subtotal: amount,
    amount_tax: 0,
    amount_total: amount,
    currency: input.currency,
    description: input.name,
    metadata: {},
    price,
    quantity: input.quantity,
  };
}

export function createSession(ctx: SandboxContext, params: FormObject): Stripe.Checkout.Session {
  checkParams(params, CREATE_SCHEMA);
  const mode = getString(params, "mode");
  if (!mode) throw missingParam("mode");
  oneOf(mode, ["payment", "setup", "subscription"], "mode");
  if (mode !== "payment") {
    throw invalidRequest(`The Lanbao Stripe sandbox implements only mode=payment (got ${mode}).`, { param: "mode" });
  }
  const uiMode = getString(params, "ui_mode") ?? "hosted_page";
  if (uiMode !== "hosted_page") {
    throw invalidRequest(`The Lanbao Stripe sandbox implements only ui_mode=hosted_page (got ${uiMode}).`, {
      param: "ui_mode",
    });
  }
  const successUrl = getString(params, "success_url");
  if (!successUrl) throw missingParam("success_url");
  validUrl(successUrl, "success_url");
  if (successUrl.includes("%7BCHECKOUT_SESSION_ID%7D")) {
    // Stripe replaces only the literal placeholder; an encoded one reaches the app unreplaced.
    ctx.log("warning: success_url contains an URL-encoded {CHECKOUT_SESSION_ID}, which Stripe does not replace");
  }
  const cancelUrl = getString(params, "cancel_url");
  if (cancelUrl) validUrl(cancelUrl, "cancel_url");

  const inputs = parseLineItems(params);
  const currency = inputs[0].currency;
  if (inputs.some((i) => i.currency !== currency)) {
    throw invalidRequest("All line items must use the same currency.", { param: "line_items" });
  }
  const total = inputs.reduce((sum, i) => sum + i.unitAmount * i.quantity, 0);
  if (total > MAX_AMOUNT) {
    throw invalidRequest(`The total amount must be no more than ${formatAmount(MAX_AMOUNT, currency)}.`, {
      code: "amount_too_large",
      param: "line_items",
    });
  }

  const customerEmail = getString(params, "customer_email") ?? null;
  if (customerEmail !== null && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(customerEmail)) {
    throw invalidRequest(`Invalid email address: ${customerEmail}`, { code: "email_invalid", param: "customer_email" });
  }
  const clientReferenceId = getString(params, "client_reference_id") ?? null;
  if (clientReferenceId !== null && clientReferenceId.length > 200) {
    throw invalidRequest("client_reference_id must be at most 200 characters.", { param: "client_reference_id" });
  }

  const created = nowSeconds();
  const expiresAt = getInt(params, "expires_at", "expires_at") ?? created + 24 * 3600;
  // Stripe's window is 30 minutes to 24 hours after creation (a few seconds of slack for
  // callers that compute it from their own clock just before the request).
  if (expiresAt < created + 30 * 60 - 5) {
    throw invalidRequest("The `expires_at` timestamp must be at least 30 minutes from Checkout Session creation.", {
      param: "expires_at",
    });
  }
  if (expiresAt > created + 24 * 3600 + 5) {
    throw invalidRequest("The `expires_at` timestamp must be less than 24 hours from Checkout Session creation.", {
      param: "expires_at",
    });
  }

  const piData = getObject(params, "payment_intent_data");
  const id = newId("cs");
  const lineItems = inputs.map((input) => buildLineItem(input, created));
  const paymentMethodTypes = getStringList(params, "payment_method_types", "payment_method_types");
  const session: Stripe.Checkout.Session = {
    id,
    object: "checkout.session",
    adaptive_pricing: null,
    after_expiration: null,
    allow_promotion_codes: null,
    allowed_payment_method_types: null,
    amount_subtotal: total,
    amount_total: total,
    automatic_tax: { enabled: false, liability: null, provider: null, status: null },
    billing_address_collection: null,
    cancel_url: cancelUrl ?? null,
    client_reference_id: clientReferenceId,
    client_secret: null,
    collected_information: null,
    consent: null,
    consent_collection: null,
    created,
    currency,
    currency_conversion: null,
    custom_fields: [],
    custom_text: { after_submit: null, shipping_address: null, submit: null, terms_of_service_acceptance: null },
    customer: null,
    customer_account: null,
    customer_creation: "if_required",
    customer_details: customerEmail
      ? { address: null, business_name: null, email: customerEmail, individual_name: null, name: null, phone: null, tax_exempt: "none", tax_ids: null }
      : null,
    customer_email: customerEmail,
    discounts: [],
    expires_at: expiresAt,
    integration_identifier: null,
    invoice: null,
    invoice_creation: { enabled: false, invoice_data: { account_tax_ids: null, custom_fields: null, description: null, footer: null, issuer: null, metadata: {}, rendering_options: null } },
    livemode: false,
    locale: (getString(params, "locale") as Stripe.Checkout.Session.Locale | undefined) ?? null,
    managed_payments: null,
    metadata: getMetadata(params, "metadata"),
    mode: "payment",
    origin_context: null,
    payment_intent: null, // created when the customer pays (Stripe API ≥ 2022-08-01)
    payment_link: null,
    payment_method_collection: "if_required",
    payment_method_configuration_details: null,
    payment_method_options: {},
    payment_method_types: paymentMethodTypes.length ? paymentMethodTypes : ["card"],
    payment_status: "unpaid",
    permissions: null,
    recovered_from: null,
    saved_payment_method_options: null,
    setup_intent: null,
    shipping_address_collection: null,
    shipping_cost: null,
    shipping_options: [],
    status: "open",
    submit_type: (getString(params, "submit_type") as Stripe.Checkout.Session.SubmitType | undefined) ?? null,
    subscription: null,
    success_url: successUrl,
    total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
    ui_mode: "hosted_page",
    url: `${ctx.publicUrl()}/checkout/${id}`,
    wallet_options: null,
  };
  ctx.store.sessions.set(id, session);
  ctx.store.lineItems.set(id, lineItems);
  ctx.store.intentData.set(id, {
    metadata: getMetadata(piData, "metadata"),
    description: getString(piData, "description") ?? null,
    receiptEmail: getString(piData, "receipt_email") ?? null,
  });
  return session;
}


/** The session, with Stripe's expiry applied first (a session past expires_at is expired). */
export function findSession(ctx: SandboxContext, id: string, param = "id"): Stripe.Checkout.Session {
  const session = ctx.store.sessions.get(id);
  if (!session) throw resourceMissing("checkout.session", id, param);
  expireIfDue(ctx, session);
  return session;
}

function markExpired(ctx: SandboxContext, session: Stripe.Checkout.Session, request: RequestInfo): void {
  session.status = "expired";
  session.url = null; // Stripe: "only present when the session is active"
  ctx.webhooks.emit<Stripe.CheckoutSessionExpiredEvent>("checkout.session.expired", session, { request });
}

function expireIfDue(ctx: SandboxContext, session: Stripe.Checkout.Session): void {
  if (session.status === "open" && nowSeconds() >= session.expires_at) {
    ctx.log(`checkout session ${session.id} reached expires_at`);
    markExpired(ctx, session, { id: null, idempotency_key: null });
  }
}

/** Called periodically so expiry produces its event even if nobody looks at the session. */
export function expireDueSessions(ctx: SandboxContext): void {
  for (const session of ctx.store.sessions.values()) expireIfDue(ctx, session);
}

export function expireSession(ctx: SandboxContext, id: string, request: RequestInfo): Stripe.Checkout.Session {
  const session = findSession(ctx, id);
  if (session.status !== "open") {
    throw invalidRequest(
      `Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${session.status}".`,
      { replayable: true },
    );
  }
  markExpired(ctx, session, request);
  return session;
}

// Stripe's test cards for the outcomes a buyer can hit (https://docs.stripe.com/testing).
const DECLINING_CARDS: Record<string, { code: string; declineCode: string; message: string }> = {
  "4000000000000002": { code: "card_declined", declineCode: "generic_decline", message: "Your card was declined." },
  "4000000000009995": { code: "card_declined", declineCode: "insufficient_funds", message: "Your card has insufficient funds." },
  "4000000000009987": { code: "card_declined", declineCode: "lost_card", message: "Your card was declined." },
  "4000000000000069": { code: "expired_card", declineCode: "expired_card", message: "Your card has expired." },
  "4000000000000127": { code: "incorrect_cvc", declineCode: "incorrect_cvc", message: "Your card's security code is incorrect." },
};
export const DECLINE_TEST_CARD = "4000 0000 0000 0002";
export const SUCCESS_TEST_CARD = "4242 4242 4242 4242";

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

function cardBrand(digits: string): string {
  if (digits.startsWith("4")) return "visa";
  if (/^(5[1-5]|2[2-7])/.test(digits)) return "mastercard";
  if (/^3[47]/.test(digits)) return "amex";
  if (digits.startsWith("62")) return "unionpay";
  return "unknown";
}

/** Returns the card's digits, or throws the card_error Stripe would give for it. */
export function checkCard(card: string): string {
  const digits = card.replace(/[\s-]/g, "");
  const declined = DECLINING_CARDS[digits];
  if (declined) throw cardDeclined(declined.message, declined.declineCode, declined.code);
  if (!/^\d{12,19}$/.test(digits) || !luhnValid(digits)) {
    throw cardDeclined("Your card number is incorrect.", "incorrect_number", "incorrect_number");
  }
  return digits;
}

export interface PaymentResult {
  session: Stripe.Checkout.Session;
  eventId: string;
  firstAttempt: Promise<boolean>;
}

/** What happens when the buyer presses Pay: card check, PaymentIntent + Charge, event. */
export function paySession(ctx: SandboxContext, id: string, input: { card: string; email?: string }): PaymentResult {
  const session = findSession(ctx, id);
  if (session.status !== "open") {
    throw invalidRequest(`This Checkout Session is ${session.status} and can no longer be paid.`, {
      status: 409,
      param: "id",
    });
  }
  const digits = checkCard(input.card);
  const email = session.customer_email ?? input.email?.trim() ?? "";
  if (!email) throw missingParam("email");

  const created = nowSeconds();
  const amount = session.amount_total ?? 0;
  const currency = session.currency ?? "usd";
  const intentData = ctx.store.intentData.get(session.id);
  const piId = newId("pi");
  const chargeId = newId("ch");
  const paymentMethodId = newId("pm");
  const brand = cardBrand(digits);

  const charge: Stripe.Charge = {
    id: chargeId,
    object: "charge",
    amount,
    amount_captured: amount,
    amount_refunded: 0,
    application: null,
    application_fee: null,
    application_fee_amount: null,
    balance_transaction: newId("txn"),
    billing_details: { address: null, email, name: null, phone: null, tax_id: null },
    calculated_statement_descriptor: "LANBAO",
    captured: true,
    created,
    currency,
    customer: null,
    description: intentData?.description ?? null,
    disputed: false,
    failure_balance_transaction: null,
    failure_code: null,
    failure_message: null,
    fraud_details: {},
    livemode: false,
    metadata: { ...intentData?.metadata }, // Stripe copies the PaymentIntent's metadata
    on_behalf_of: null,
    outcome: {
      advice_code: null,
      network_advice_code: null,
      network_decline_code: null,
      network_status: "approved_by_network",
      reason: null,
      risk_level: "normal",
      seller_message: "Payment complete.",
      type: "authorized",
    },
    paid: true,
    payment_intent: piId,
    payment_method: paymentMethodId,
    payment_method_details: {
      type: "card",
      card: {
        amount_authorized: amount,
        authorization_code: null,
        brand,
        checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: "pass" },
        country: "US",
        electronic_commerce_indicator: null,
        exp_month: 12,
        exp_year: new Date().getFullYear() + 3,
        funding: "credit",
        installments: null,
        last4: digits.slice(-4),
        mandate: null,
        network: brand,
        network_transaction_id: null,
        regulated_status: "unregulated",
        three_d_secure: null,
        transaction_link_id: null,
        wallet: null,
      },
    },
    receipt_email: intentData?.receiptEmail ?? null,
    receipt_number: null,
    receipt_url: null,
    refunded: false,
    review: null,
    shipping: null,
    source: null,
    source_transfer: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: "succeeded",
    transfer_data: null,
    transfer_group: null,
  };

  const paymentIntent: Stripe.PaymentIntent = {
    id: piId,
    object: "payment_intent",
    allowed_payment_method_types: null,
    amount,
    amount_capturable: 0,
    amount_received: amount,
    application: null,
    application_fee_amount: null,
    automatic_payment_methods: null,
    canceled_at: null,
    cancellation_reason: null,
    capture_method: "automatic_async",
    client_secret: `${piId}_secret_${newId("s").slice(2)}`,
    confirmation_method: "automatic",
    created,
    currency,
    customer: null,
    customer_account: null,
    description: intentData?.description ?? null,
    excluded_payment_method_types: null,
    last_payment_error: null,
    latest_charge: chargeId,
    livemode: false,
    managed_payments: null,
    metadata: { ...intentData?.metadata },
    next_action: null,
    on_behalf_of: null,
    payment_method: paymentMethodId,
    payment_method_configuration_details: null,
    payment_method_options: null,
    payment_method_types: ["card"],
    payment_record: null,
    processing: null,
    receipt_email: intentData?.receiptEmail ?? null,
    review: null,
    setup_future_usage: null,
    shipping: null,
    source: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: "succeeded",
    transfer_group: null,
  };

  ctx.store.charges.set(chargeId, charge);
  ctx.store.paymentIntents.set(piId, paymentIntent);
  session.status = "complete";
  session.payment_status = "paid";
  session.payment_intent = piId;
  session.url = null;
  session.customer_details = {
    address: null,
    business_name: null,
    email,
    individual_name: null,
    name: null,
    phone: null,
    tax_exempt: "none",
    tax_ids: [],
  };
  ctx.log(`checkout session ${session.id} paid (${formatAmount(amount, currency)}, ${paymentIntent.id})`);
  const { record, firstAttempt } = ctx.webhooks.emit<Stripe.CheckoutSessionCompletedEvent>(
    "checkout.session.completed",
    session,
  );
  return { session: clone(session), eventId: record.event.id, firstAttempt };
}
