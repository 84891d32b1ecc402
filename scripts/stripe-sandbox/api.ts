// The /v1 endpoints Lanbao uses, and Stripe's generic request features around them:
// `expand[]` (dotted paths, ids replaced by the objects) and cursor-paginated lists.
import type Stripe from "stripe";
import { createSession, expireSession, findSession } from "./checkout.ts";
import type { RequestInfo, SandboxContext } from "./context.ts";
import { invalidRequest, resourceMissing, unrecognizedUrl } from "./errors.ts";
import type { FormObject } from "./form.ts";
import { checkParams, getInt, getString, getStringList, type Schema } from "./params.ts";
import { createRefund, findRefund } from "./refunds.ts";
import { clone } from "./store.ts";

export interface ApiRequest {
  method: string;
  path: string;
  params: FormObject;
  request: RequestInfo;
}

type JsonObject = { [key: string]: unknown };
type Handler = (ctx: SandboxContext, req: ApiRequest, id: string) => JsonObject;

const RETRIEVE_SCHEMA: Schema = { expand: { $list: "string" } };
const LIST_SCHEMA: Schema = {
  expand: { $list: "string" },
  limit: "string",
  starting_after: "string",
  ending_before: "string",
};

function list<T extends { id: string }>(items: T[], url: string, params: FormObject): Stripe.ApiList<T> {
  const limit = getInt(params, "limit", "limit") ?? 10;
  if (limit < 1 || limit > 100) {
    throw invalidRequest("This value must be between 1 and 100.", { code: "parameter_invalid_integer", param: "limit" });
  }
  const after = getString(params, "starting_after");
  const before = getString(params, "ending_before");
  let start = 0;
  let end = items.length;
  if (after) {
    const i = items.findIndex((item) => item.id === after);
    if (i === -1) throw resourceMissing("object", after, "starting_after");
    start = i + 1;
  } else if (before) {
    const i = items.findIndex((item) => item.id === before);
    if (i === -1) throw resourceMissing("object", before, "ending_before");
    end = i;
    start = Math.max(0, end - limit);
  }
  const page = items.slice(start, Math.min(end, start + limit));
  const hasMore = before ? start > 0 : start + page.length < end;
  return { object: "list", data: clone(page), has_more: hasMore, url };
}

function lineItemsList(ctx: SandboxContext, sessionId: string, params: FormObject): Stripe.ApiList<Stripe.LineItem> {
  const items = ctx.store.lineItems.get(sessionId) ?? [];
  return list(items, `/v1/checkout/sessions/${sessionId}/line_items`, params);
}

/**
 * Applies `expand[]`: each dotted path replaces an id with its object, `data` walks into a
 * list, and a session's `line_items` (absent unless expanded) becomes its first page.
 */
function expand(ctx: SandboxContext, root: JsonObject, params: FormObject): JsonObject {
  const paths = getStringList(params, "expand", "expand");
  paths.forEach((path, index) => {
    const segments = path.split(".");
    if (segments.length > 4) {
      throw invalidRequest(`You cannot expand more than 4 levels of a property. Property: ${path}`, {
        param: `expand[${index}]`,
      });
    }
    const walk = (obj: JsonObject, rest: string[]): void => {
      const [field, ...tail] = rest;
      if (obj.object === "list" && field === "data" && Array.isArray(obj.data)) {
        if (tail.length) (obj.data as JsonObject[]).forEach((item) => walk(item, tail));
        return;
      }
      let value = obj[field];
      if (obj.object === "checkout.session" && field === "line_items") {
        value = lineItemsList(ctx, String(obj.id), {});
      } else if (typeof value === "string") {
        const found = ctx.store.byId(value);
        if (!found) throw invalidRequest(`This property cannot be expanded (${field}).`, { param: `expand[${index}]` });
        value = clone(found);
      } else if (value === null) {
        return; // Stripe leaves an empty reference null
      } else if (typeof value !== "object" || value === undefined) {
        throw invalidRequest(`This property cannot be expanded (${field}).`, { param: `expand[${index}]` });
      }
      obj[field] = value;
      if (tail.length) walk(value as JsonObject, tail);
    };
    walk(root, segments);
  });
  return root;
}

function respond(ctx: SandboxContext, object: object, params: FormObject): JsonObject {
  return expand(ctx, clone(object) as JsonObject, params);
}

function retrieve(find: (ctx: SandboxContext, id: string) => object): Handler {
  return (ctx, req, id) => {
    checkParams(req.params, RETRIEVE_SCHEMA);
    return respond(ctx, find(ctx, id), req.params);
  };
}

function mapLookup<T extends object>(kind: string, pick: (ctx: SandboxContext) => Map<string, T>) {
  return (ctx: SandboxContext, id: string): T => {
    const found = pick(ctx).get(id);
    if (!found) throw resourceMissing(kind, id);
    return found;
  };
}

const ID = "([^/]+)";
const routes: Array<{ method: string; pattern: RegExp; handler: Handler }> = [
  {
    method: "POST",
    pattern: /^\/v1\/checkout\/sessions$/,
    handler: (ctx, req) => respond(ctx, createSession(ctx, req.params), req.params),
  },
  {
    method: "GET",
    pattern: new RegExp(`^/v1/checkout/sessions/${ID}$`),
    handler: retrieve((ctx, id) => findSession(ctx, id)),
  },
  {
    method: "GET",
    pattern: new RegExp(`^/v1/checkout/sessions/${ID}/line_items$`),
    handler: (ctx, req, id) => {
      checkParams(req.params, LIST_SCHEMA);
      findSession(ctx, id);
      return expand(ctx, lineItemsList(ctx, id, req.params) as unknown as JsonObject, req.params);
    },
  },
  {
    method: "POST",
    pattern: new RegExp(`^/v1/checkout/sessions/${ID}/expire$`),
    handler: (ctx, req, id) => {
      checkParams(req.params, RETRIEVE_SCHEMA);
      return respond(ctx, expireSession(ctx, id, req.request), req.params);
    },
  },
  {
    method: "GET",
    pattern: new RegExp(`^/v1/payment_intents/${ID}$`),
    handler: retrieve(mapLookup("payment_intent", (ctx) => ctx.store.paymentIntents)),
  },
  {
    method: "GET",
    pattern: new RegExp(`^/v1/charges/${ID}$`),
    handler: retrieve(mapLookup("charge", (ctx) => ctx.store.charges)),
  },
  {
    method: "POST",
    pattern: /^\/v1\/refunds$/,
    handler: (ctx, req) => respond(ctx, createRefund(ctx, req.params, req.request), req.params),
  },
  {
    method: "GET",
    pattern: new RegExp(`^/v1/refunds/${ID}$`),
    handler: retrieve(findRefund),
  },
  {
    method: "GET",
    pattern: new RegExp(`^/v1/events/${ID}$`),
    handler: retrieve((ctx, id) => {
      const record = ctx.webhooks.events.get(id);
      if (!record) throw resourceMissing("event", id);
      return record.event;
    }),
  },
];

export function handleApi(ctx: SandboxContext, req: ApiRequest): JsonObject {
  for (const route of routes) {
    const match = route.method === req.method ? route.pattern.exec(req.path) : null;
    if (match) {
      let id = match[1] ?? "";
      try {
        id = decodeURIComponent(id);
      } catch {
        // keep it as sent; the lookup reports it as missing
      }
      return route.handler(ctx, req, id);
    }
  }
  throw unrecognizedUrl(req.method, req.path);
}
