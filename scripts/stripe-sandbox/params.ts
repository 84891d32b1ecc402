// Parameter checking in Stripe's style. Unknown parameters are rejected (as Stripe does),
// so a parameter the sandbox does not implement fails loudly in dev instead of being
// silently ignored and only behaving differently in production.
import { invalidInteger, invalidRequest, unknownParam } from "./errors.ts";
import { asArray, isObject, type FormObject, type FormValue } from "./form.ts";

export type Schema =
  | "string"
  | "metadata"
  /** A real Stripe parameter whose effect the sandbox does not simulate (only display/UX). */
  | "ignored"
  | { $list: Schema }
  | { [key: string]: Schema };

function isListSchema(schema: Schema): schema is { $list: Schema } {
  return typeof schema === "object" && Object.hasOwn(schema, "$list");
}

function child(prefix: string, key: string | number): string {
  return prefix ? `${prefix}[${key}]` : String(key);
}

/** Throws `parameter_unknown` for the first parameter the schema does not know. */
export function checkParams(value: FormValue, schema: Schema, path = ""): void {
  if (schema === "ignored" || value === "") return; // "" unsets a parameter in Stripe
  if (schema === "string") {
    if (typeof value !== "string") throw invalidRequest(`Invalid string: ${JSON.stringify(value)}`, { param: path });
    return;
  }
  if (schema === "metadata") {
    checkMetadata(value, path);
    return;
  }
  if (isListSchema(schema)) {
    asArray(value, path)?.forEach((item, i) => checkParams(item, schema.$list, child(path, i)));
    return;
  }
  if (!isObject(value)) throw invalidRequest("Invalid hash", { param: path });
  for (const [key, item] of Object.entries(value)) {
    const sub = (schema as { [key: string]: Schema })[key];
    if (sub === undefined || !Object.hasOwn(schema, key)) throw unknownParam(child(path, key));
    checkParams(item, sub, child(path, key));
  }
}

// Stripe's documented metadata limits.
function checkMetadata(value: FormValue, path: string): void {
  if (!isObject(value)) throw invalidRequest("Invalid hash", { param: path });
  const entries = Object.entries(value);
  if (entries.length > 50) {
    throw invalidRequest(`You can specify up to 50 metadata keys, but you passed ${entries.length}.`, { param: path });
  }
  for (const [key, item] of entries) {
    if (key.length > 40) {
      throw invalidRequest(
        `Metadata keys can have up to 40 characters, but you passed in a key that is ${key.length} characters.`,
        { param: child(path, key) },
      );
    }
    if (typeof item !== "string") throw invalidRequest("Invalid string", { param: child(path, key) });
    if (item.length > 500) {
      throw invalidRequest(
        `Metadata values can have up to 500 characters, but you passed in a value that is ${item.length} characters.`,
        { param: child(path, key) },
      );
    }
  }
}

export function getString(obj: FormObject | undefined, key: string): string | undefined {
  const value = obj?.[key];
  return typeof value === "string" && value !== "" ? value : undefined;
}

export function getInt(obj: FormObject | undefined, key: string, param: string): number | undefined {
  const value = getString(obj, key);
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value) || !Number.isSafeInteger(Number(value))) throw invalidInteger(param, value);
  return Number(value);
}

export function getObject(obj: FormObject | undefined, key: string): FormObject | undefined {
  const value = obj?.[key];
  return isObject(value) ? value : undefined;
}

/** Metadata as stored: empty values are how Stripe callers unset keys, so they are dropped. */
export function getMetadata(obj: FormObject | undefined, key: string): Record<string, string> {
  const value = getObject(obj, key) ?? {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) if (typeof v === "string" && v !== "") out[k] = v;
  return out;
}

export function getStringList(obj: FormObject | undefined, key: string, param: string): string[] {
  return (asArray(obj?.[key], param) ?? []).filter((v): v is string => typeof v === "string" && v !== "");
}

export function oneOf<T extends string>(value: string, allowed: readonly T[], param: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  const list = allowed.length > 1 ? `${allowed.slice(0, -1).join(", ")}, or ${allowed.at(-1)}` : allowed[0];
  throw invalidRequest(`Invalid ${param}: must be one of ${list}`, { param });
}
