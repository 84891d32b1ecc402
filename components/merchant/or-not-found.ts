import { notFound } from "next/navigation";
import { DomainError } from "@/lib/validation/result";

/**
 * For console pages: a service's "not found / not yours" refusal becomes the 404 page,
 * so another merchant's ids show nothing at all.
 */
export async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (err) {
    if (err instanceof DomainError) notFound();
    throw err;
  }
}
