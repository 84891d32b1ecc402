import Link from "@/components/ui/link";
import { buttonClass } from "@/components/ui/button";

/** Body of the not-found.tsx files: what is missing and one way on. */
export function NotFoundNotice({ title, body, href, linkLabel }: { title: string; body: string; href: string; linkLabel: string }) {
  return (
    <div className="mx-auto flex min-h-[40vh] max-w-md flex-col items-center justify-center gap-3 px-4 text-center">
      <h1 className="text-xl font-semibold">{title}</h1>
      <p className="text-sm text-gray-600">{body}</p>
      <Link href={href} className={buttonClass("secondary")}>
        {linkLabel}
      </Link>
    </div>
  );
}
