// Decoding of Stripe's v1 request encoding: application/x-www-form-urlencoded with bracket
// notation (`line_items[0][price_data][unit_amount]=1200`, `metadata[orderId]=42`,
// `expand[]=line_items`). The SDK sends the same encoding in GET query strings.
//
// Like Stripe's own parser, indexed keys (`a[0]`) decode to objects keyed "0", "1"...;
// handlers call `asArray` where the API expects a list. This keeps `metadata[0]=x` an
// ordinary metadata key instead of silently turning metadata into an array.
import { invalidRequest } from "./errors.ts";

export type FormValue = string | FormValue[] | FormObject;
export interface FormObject {
  [key: string]: FormValue;
}

// Keys that would reach Object.prototype through plain-object assignment.
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

function decodeComponent(s: string): string {
  const plus = s.replace(/\+/g, " ");
  try {
    return decodeURIComponent(plus);
  } catch {
    return plus; // malformed %-escape: keep it literal rather than rejecting the request
  }
}

/** Splits `a[b][0][]` into ["a", "b", "0", ""]; a key without valid brackets is one segment. */
function splitKey(key: string): string[] {
  const open = key.indexOf("[");
  if (open <= 0) return [key];
  const rest = key.slice(open);
  const segments = [key.slice(0, open)];
  const re = /\[([^\[\]]*)\]/gy;
  let m: RegExpExecArray | null;
  let consumed = 0;
  while ((m = re.exec(rest))) {
    segments.push(m[1]);
    consumed = re.lastIndex;
  }
  return consumed === rest.length ? segments : [key];
}

function malformed(key: string): never {
  throw invalidRequest(`Invalid request: the parameter ${key} is malformed.`, { param: key });
}

export function decodeForm(body: string): FormObject {
  const root: FormObject = {};
  if (!body) return root;
  for (const pair of body.split("&")) {
    if (!pair) continue;
    const eq = pair.indexOf("=");
    const rawKey = decodeComponent(eq === -1 ? pair : pair.slice(0, eq));
    const value = decodeComponent(eq === -1 ? "" : pair.slice(eq + 1));
    const segments = splitKey(rawKey);
    if (segments.some((s) => FORBIDDEN_KEYS.has(s))) malformed(rawKey);

    let container: FormObject | FormValue[] = root;
    for (let i = 0; i < segments.length; i++) {
      const seg = segments[i];
      const last = i === segments.length - 1;
      if (Array.isArray(container)) {
        // Only `[]` (append) is meaningful inside a list built with `[]`.
        if (seg !== "") malformed(rawKey);
        if (last) {
          container.push(value);
        } else {
          const child: FormObject = {};
          container.push(child);
          container = child;
        }
        continue;
      }
      if (seg === "" && i === 0) malformed(rawKey);
      if (last) {
        container[seg] = value;
        break;
      }
      const nextIsAppend = segments[i + 1] === "";
      let child: FormValue | undefined = container[seg];
      if (child === undefined || typeof child === "string") {
        child = nextIsAppend ? [] : {};
        container[seg] = child;
      } else if (Array.isArray(child) !== nextIsAppend) {
        malformed(rawKey); // `a[]=1&a[x]=2` mixes list and hash syntax
      }
      container = child as FormObject | FormValue[];
    }
  }
  return root;
}

/** A list parameter, sent either as `a[]=` or as `a[0]=`, `a[1]=` (the SDK's form). */
export function asArray(value: FormValue | undefined, param: string): FormValue[] | undefined {
  if (value === undefined || value === "") return undefined;
  if (Array.isArray(value)) return value;
  if (typeof value === "object") {
    const keys = Object.keys(value);
    if (keys.every((k) => /^\d+$/.test(k))) {
      return keys.sort((a, b) => Number(a) - Number(b)).map((k) => value[k]);
    }
  }
  throw invalidRequest(`Invalid array`, { param });
}

export function isObject(value: FormValue | undefined): value is FormObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
