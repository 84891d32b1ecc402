// The hosted test checkout page: one self-contained HTML document (inline CSS, a few lines
// of inline JS, no external assets) that works on a phone. Element attributes used by the
// browser tests: buttons "Pay" / "Cancel" with data-testid="sandbox-pay" / "sandbox-cancel",
// the card field data-testid="sandbox-card", the error data-testid="sandbox-error".
import type Stripe from "stripe";
import { DECLINE_TEST_CARD, SUCCESS_TEST_CARD } from "./checkout.ts";
import { formatAmount } from "./money.ts";

function esc(value: unknown): string {
  return String(value ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.45 system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei",sans-serif;color:#1a1f36;background:#f6f8fa}
main{max-width:440px;margin:0 auto;padding:20px 16px 40px}
.badge{display:inline-block;font-size:12px;font-weight:600;letter-spacing:.04em;color:#8a4b00;background:#ffe8c2;border-radius:4px;padding:2px 8px}
h1{font-size:15px;font-weight:500;color:#697386;margin:14px 0 2px}
.total{font-size:32px;font-weight:700;margin:0 0 16px}
.card{background:#fff;border:1px solid #e3e8ee;border-radius:10px;padding:16px;margin-bottom:16px}
ul{list-style:none;margin:0;padding:0}
li{display:flex;justify-content:space-between;gap:12px;padding:6px 0}
li .qty{color:#697386;font-size:14px}
.sum{border-top:1px solid #e3e8ee;margin-top:8px;padding-top:10px;font-weight:600}
label{display:block;font-size:14px;font-weight:500;margin:12px 0 4px}
input{width:100%;font:inherit;padding:11px 12px;border:1px solid #cfd7df;border-radius:6px;background:#fff}
input[readonly]{background:#f6f8fa;color:#4f566b}
.row{display:flex;gap:10px}.row>div{flex:1}
button{font:inherit;cursor:pointer;border-radius:6px;width:100%;padding:13px;border:0;margin-top:12px}
.pay{background:#0570de;color:#fff;font-weight:600;font-size:17px}
.pay:focus-visible,.cancel:focus-visible,.link:focus-visible{outline:3px solid #8cc3ff;outline-offset:2px}
.cancel{background:#fff;color:#1a1f36;border:1px solid #cfd7df}
.link{background:none;color:#0570de;padding:6px;margin-top:6px;text-decoration:underline;font-size:14px}
.error{color:#b3093c;background:#fff0f3;border:1px solid #f5c2cf;border-radius:6px;padding:10px 12px;margin:12px 0 0}
.hint{font-size:13px;color:#697386;margin:14px 0 0}
.message{text-align:center;padding:40px 16px}
a{color:#0570de}
`;

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<span class="badge">TEST MODE · Stripe sandbox</span>
${body}
</main>
</body>
</html>`;
}

export interface CheckoutPageInput {
  session: Stripe.Checkout.Session;
  lineItems: Stripe.LineItem[];
  error?: string;
  card?: string;
  email?: string;
}

export function renderCheckoutPage({ session, lineItems, error, card, email }: CheckoutPageInput): string {
  const currency = session.currency ?? "usd";
  const total = formatAmount(session.amount_total ?? 0, currency);
  const items = lineItems
    .map(
      (item) =>
        `<li><span>${esc(item.description)} <span class="qty">× ${esc(item.quantity)}</span></span>` +
        `<span>${esc(formatAmount(item.amount_total, item.currency))}</span></li>`,
    )
    .join("\n");
  const fixedEmail = session.customer_email;
  const action = `/checkout/${encodeURIComponent(session.id)}`;
  const body = `
<h1>Pay Lanbao</h1>
<p class="total" data-testid="sandbox-total">${esc(total)}</p>
<section class="card" aria-label="Order summary">
<ul>
${items}
<li class="sum"><span>Total due</span><span>${esc(total)}</span></li>
</ul>
</section>
<form class="card" method="post" action="${action}/pay" id="checkout">
<label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="email" required
  value="${esc(fixedEmail ?? email ?? "")}"${fixedEmail ? " readonly" : ""} data-testid="sandbox-email">
<label for="card">Card number</label>
<input id="card" name="card" inputmode="numeric" autocomplete="cc-number" required
  value="${esc(card ?? SUCCESS_TEST_CARD)}" data-testid="sandbox-card">
<div class="row">
<div><label for="exp">Expiry</label><input id="exp" name="exp" autocomplete="cc-exp" value="12 / 34"></div>
<div><label for="cvc">CVC</label><input id="cvc" name="cvc" inputmode="numeric" autocomplete="cc-csc" value="123"></div>
</div>
${error ? `<p class="error" role="alert" data-testid="sandbox-error">${esc(error)}</p>` : ""}
<button type="submit" class="pay" data-testid="sandbox-pay">Pay</button>
<button type="submit" class="cancel" formaction="${action}/cancel" formnovalidate data-testid="sandbox-cancel">Cancel</button>
<button type="submit" class="link" name="simulate" value="decline" formnovalidate data-testid="sandbox-decline">Simulate a declined card</button>
<p class="hint">Test cards: ${esc(SUCCESS_TEST_CARD)} succeeds; ${esc(DECLINE_TEST_CARD)} is declined;
4000 0000 0000 9995 has insufficient funds. No real payment is made.</p>
</form>
<script>
// One submission only: a double tap must not post Pay twice.
var form = document.getElementById("checkout");
form.addEventListener("submit", function (e) {
  if (form.dataset.sent) { e.preventDefault(); return; }
  form.dataset.sent = "1";
});
// Coming back to this page from the browser history must allow paying again.
window.addEventListener("pageshow", function () { delete form.dataset.sent; });
</script>`;
  return layout(`Test checkout · ${total} · Lanbao`, body);
}

export function renderMessagePage(title: string, message: string, link?: { href: string; text: string }): string {
  return layout(
    `${title} · Lanbao test checkout`,
    `<div class="message">
<h1 style="font-size:20px;color:#1a1f36">${esc(title)}</h1>
<p data-testid="sandbox-message">${esc(message)}</p>
${link ? `<p><a href="${esc(link.href)}">${esc(link.text)}</a></p>` : ""}
</div>`,
  );
}
