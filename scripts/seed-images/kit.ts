// Small SVG toolkit for the seed illustrations: gradients, soft shadows, text and the
// product / cover frames. Everything is drawn in an 800×800 space (products) or
// 1200×480 (covers); drawings are plain SVG strings.

let counter = 0;
/** A document-unique id for gradients and clip paths. */
export const uid = (prefix: string) => `${prefix}${++counter}`;

export type Stop = readonly [offset: number, color: string, opacity?: number];

const stops = (s: readonly Stop[]) =>
  s.map(([o, c, a]) => `<stop offset="${o}" stop-color="${c}"${a === undefined ? "" : ` stop-opacity="${a}"`}/>`).join("");

/** Linear gradient in bounding-box units; returns [defs, url]. */
export function linear(s: readonly Stop[], x1 = 0, y1 = 0, x2 = 0, y2 = 1): [string, string] {
  const id = uid("lg");
  return [`<linearGradient id="${id}" x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}">${stops(s)}</linearGradient>`, `url(#${id})`];
}

/** Radial gradient in bounding-box units; returns [defs, url]. */
export function radial(s: readonly Stop[], cx = 0.5, cy = 0.5, r = 0.5, fx = cx, fy = cy): [string, string] {
  const id = uid("rg");
  return [
    `<radialGradient id="${id}" cx="${cx}" cy="${cy}" r="${r}" fx="${fx}" fy="${fy}">${stops(s)}</radialGradient>`,
    `url(#${id})`,
  ];
}

/** A horizontal cylinder shading (dark edges, highlight left of centre). */
export function cylinder(base: string, light: string, dark: string): [string, string] {
  return linear(
    [
      [0, dark],
      [0.12, base],
      [0.32, light],
      [0.55, base],
      [0.88, base],
      [1, dark],
    ],
    0,
    0,
    1,
    0,
  );
}

/** A soft contact shadow on the table. */
export const shadow = (cx: number, cy: number, rx: number, ry: number, opacity = 0.22) =>
  `<ellipse cx="${cx}" cy="${cy}" rx="${rx}" ry="${ry}" fill="#2a1d12" opacity="${opacity}" filter="url(#soft)"/>`;

export const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export const SANS = "Noto Sans CJK SC, DejaVu Sans, sans-serif";
export const SERIF = "Noto Serif CJK SC, DejaVu Serif, serif";

export function text(
  x: number,
  y: number,
  s: string,
  o: {
    size: number;
    fill: string;
    weight?: number;
    serif?: boolean;
    anchor?: "start" | "middle" | "end";
    spacing?: number;
    opacity?: number;
    italic?: boolean;
  },
) {
  return (
    `<text x="${x}" y="${y}" font-family="${o.serif ? SERIF : SANS}" font-size="${o.size}" ` +
    `font-weight="${o.weight ?? 400}" fill="${o.fill}" text-anchor="${o.anchor ?? "middle"}"` +
    (o.spacing ? ` letter-spacing="${o.spacing}"` : "") +
    (o.opacity !== undefined ? ` opacity="${o.opacity}"` : "") +
    (o.italic ? ` font-style="italic"` : "") +
    `>${esc(s)}</text>`
  );
}

/** Chinese text set vertically, one character under the other. */
export function vtext(x: number, y: number, s: string, o: Parameters<typeof text>[3] & { step?: number }) {
  const step = o.step ?? o.size * 1.08;
  return [...s].map((ch, i) => text(x, y + i * step, ch, o)).join("");
}

/** A square red seal (印章) with white characters. */
export function seal(x: number, y: number, size: number, chars: string, color = "#c0392b") {
  const c = [...chars];
  const inner =
    c.length === 1
      ? text(x + size / 2, y + size * 0.74, c[0], { size: size * 0.7, fill: "#fff", serif: true, weight: 700 })
      : c
          .slice(0, 4)
          .map((ch, i) => {
            // Two columns read right to left, like a real seal.
            const col = i < 2 ? 1 : 0;
            const row = i % 2;
            return text(x + size * (0.28 + 0.44 * col), y + size * (0.43 + 0.42 * row), ch, {
              size: size * 0.38,
              fill: "#fff",
              serif: true,
              weight: 700,
            });
          })
          .join("");
  return `<rect x="${x}" y="${y}" width="${size}" height="${size}" rx="${size * 0.08}" fill="${color}"/>${inner}`;
}

export type Backdrop = { top: string; bottom: string; table: string };

function defsCommon() {
  return (
    `<filter id="soft" x="-50%" y="-50%" width="200%" height="200%"><feGaussianBlur stdDeviation="16"/></filter>` +
    `<filter id="blur4" x="-50%" y="-50%" width="200%" height="200%"><feGaussianBlur stdDeviation="4"/></filter>`
  );
}

/** 800×800 product shot: soft backdrop, a table edge, the drawing on top. */
export function productFrame(b: Backdrop, body: string) {
  const [bgDef, bg] = radial(
    [
      [0, "#ffffff", 0.9],
      [0.55, b.top],
      [1, b.bottom],
    ],
    0.5,
    0.38,
    0.75,
  );
  const [tableDef, table] = linear([
    [0, b.table],
    [1, b.bottom],
  ]);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="800" viewBox="0 0 800 800">` +
    `<defs>${defsCommon()}${bgDef}${tableDef}</defs>` +
    `<rect width="800" height="800" fill="${b.top}"/>` +
    `<rect width="800" height="800" fill="${bg}"/>` +
    `<path d="M0 590 C220 575 580 575 800 590 L800 800 L0 800 Z" fill="${table}" opacity="0.55"/>` +
    body +
    `</svg>`
  );
}

/** 1200×480 shop cover: backdrop, a faint name, and drawings placed along the table. */
export function coverFrame(
  b: Backdrop & { accent: string },
  name: string,
  items: { draw: () => string; x: number; scale: number; y?: number }[],
) {
  const [bgDef, bg] = radial(
    [
      [0, "#ffffff", 0.85],
      [0.6, b.top],
      [1, b.bottom],
    ],
    0.62,
    0.3,
    0.8,
  );
  const [tableDef, table] = linear([
    [0, b.table],
    [1, b.bottom],
  ]);
  // A scatter of soft dots in the accent colour, fixed positions.
  const dots = [
    [90, 70, 46],
    [260, 400, 30],
    [1130, 60, 60],
    [1010, 420, 24],
    [560, 40, 20],
    [760, 440, 16],
  ]
    .map(([x, y, r]) => `<circle cx="${x}" cy="${y}" r="${r}" fill="${b.accent}" opacity="0.12"/>`)
    .join("");
  const placed = items
    .map(
      (it) =>
        `<g transform="translate(${it.x - 400 * it.scale} ${(it.y ?? 440) - 640 * it.scale}) scale(${it.scale})">${it.draw()}</g>`,
    )
    .join("");
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="480" viewBox="0 0 1200 480">` +
    `<defs>${defsCommon()}${bgDef}${tableDef}</defs>` +
    `<rect width="1200" height="480" fill="${b.top}"/>` +
    `<rect width="1200" height="480" fill="${bg}"/>` +
    dots +
    text(60, 200, name, { size: 150, fill: b.accent, serif: true, weight: 700, anchor: "start", opacity: 0.1 }) +
    `<path d="M0 400 C300 388 900 388 1200 400 L1200 480 L0 480 Z" fill="${table}" opacity="0.55"/>` +
    placed +
    `</svg>`
  );
}
