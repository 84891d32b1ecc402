import { getImageProps } from "next/image";

/**
 * A plain <img> with a responsive srcset from Next's image optimiser (resized, WebP), so
 * phones download a picture their screen needs, not the 800 px original. Server-side
 * only: getImageProps adds no client JavaScript, unlike <Image>.
 */
export function SizedImage({
  src,
  alt,
  width,
  height,
  sizes,
  priority = false,
  className,
}: {
  src: string;
  alt: string;
  /** Intrinsic size of the original (sets the aspect ratio and the largest useful width). */
  width: number;
  height: number;
  /** How wide it is shown, as the `sizes` attribute. */
  sizes: string;
  /** The page's main picture: loaded first, never lazily. */
  priority?: boolean;
  className?: string;
}) {
  const { props } = getImageProps({
    src,
    alt,
    width,
    height,
    sizes,
    quality: 75,
    loading: priority ? "eager" : "lazy",
    fetchPriority: priority ? "high" : "auto",
    decoding: "async",
    className,
  });
  // eslint-disable-next-line @next/next/no-img-element, jsx-a11y/alt-text -- props from getImageProps, alt included
  return <img {...props} />;
}
