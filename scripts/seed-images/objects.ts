// Reusable illustrated objects (bags, cups, tins, boxes, books, jewellery...), each a
// function of its position and colours returning SVG. Light comes from the upper left.
import { cylinder, linear, radial, seal, shadow, text, uid, vtext } from "./kit.ts";

// ─── Coffee ──────────────────────────────────────────────────────────────────

export function bean(x: number, y: number, rot: number, s = 1, color = "#6b3f22") {
  return (
    `<g transform="translate(${x} ${y}) rotate(${rot}) scale(${s})">` +
    `<ellipse rx="27" ry="19" fill="${color}"/>` +
    `<ellipse rx="27" ry="19" fill="#000" opacity="0.12" transform="translate(2 3)"/>` +
    `<ellipse rx="27" ry="19" fill="${color}" transform="translate(-1 -1)"/>` +
    `<ellipse cx="-8" cy="-8" rx="12" ry="5" fill="#fff" opacity="0.22"/>` +
    `<path d="M-22 3 C-8 -9 8 11 22 -3" stroke="#2b170b" stroke-width="4" fill="none" stroke-linecap="round"/>` +
    `</g>`
  );
}

/** A little heap of coffee beans centred at (x, y). */
export function beanPile(x: number, y: number, s = 1, color?: string) {
  const spots: [number, number, number][] = [
    [-70, 8, 20],
    [-30, 16, -30],
    [12, 10, 60],
    [55, 18, -10],
    [-48, -14, 80],
    [-6, -10, 10],
    [36, -8, -50],
    [90, 6, 35],
    [-95, 20, -60],
  ];
  return (
    shadow(x, y + 24 * s, 120 * s, 16 * s, 0.25) +
    spots.map(([dx, dy, r]) => bean(x + dx * s, y + dy * s, r, s, color)).join("")
  );
}

/** A stand-up pouch (coffee beans, tea, snacks) standing on the table at (x, bottom). */
export function pouch(o: {
  x: number;
  bottom: number;
  w?: number;
  h?: number;
  body: string;
  band: string;
  label: string;
  ink: string;
  title: string;
  sub: string;
  note?: string;
  motif?: string;
  valve?: boolean;
  labelH?: number;
}) {
  const w = o.w ?? 320;
  const h = o.h ?? 440;
  const l = o.x - w / 2;
  const r = o.x + w / 2;
  const top = o.bottom - h;
  const path = `M${l} ${top + 30} L${r} ${top + 30} L${r + 8} ${o.bottom - 46} Q${r + 6} ${o.bottom} ${r - 34} ${o.bottom} L${l + 34} ${o.bottom} Q${l - 6} ${o.bottom} ${l - 8} ${o.bottom - 46} Z`;
  const [shadeDef, shade] = linear(
    [
      [0, "#ffffff", 0.22],
      [0.25, "#ffffff", 0.05],
      [0.6, "#000000", 0],
      [1, "#000000", 0.28],
    ],
    0,
    0,
    1,
    0,
  );
  const crimp = Array.from({ length: Math.floor(w / 14) }, (_, i) => {
    const cx = l + 10 + i * 14;
    return `<line x1="${cx}" y1="${top + 6}" x2="${cx}" y2="${top + 30}" stroke="#000" stroke-opacity="0.14" stroke-width="3"/>`;
  }).join("");
  const lw = w - 90;
  const lh = o.labelH ?? 210;
  const ly = top + (o.valve === false ? 90 : 140);
  return (
    `<defs>${shadeDef}</defs>` +
    shadow(o.x + 20, o.bottom + 4, w * 0.6, 22) +
    `<path d="${path}" fill="${o.body}"/>` +
    `<rect x="${l}" y="${top}" width="${w}" height="34" rx="6" fill="${o.band}"/>` +
    crimp +
    `<line x1="${l + 26}" y1="${top + 40}" x2="${l + 20}" y2="${o.bottom - 20}" stroke="#000" stroke-opacity="0.1" stroke-width="3"/>` +
    `<line x1="${r - 26}" y1="${top + 40}" x2="${r - 20}" y2="${o.bottom - 20}" stroke="#000" stroke-opacity="0.1" stroke-width="3"/>` +
    (o.valve === false
      ? ""
      : `<circle cx="${o.x}" cy="${top + 88}" r="17" fill="${o.band}"/><circle cx="${o.x}" cy="${top + 88}" r="8" fill="${o.body}"/>`) +
    `<rect x="${o.x - lw / 2}" y="${ly}" width="${lw}" height="${lh}" rx="16" fill="${o.label}"/>` +
    (o.motif ?? "") +
    text(o.x, ly + lh * 0.56, o.title, { size: o.title.length > 9 ? 26 : 34, fill: o.ink, weight: 700, spacing: 3 }) +
    text(o.x, ly + lh * 0.78, o.sub, { size: 28, fill: o.ink, serif: true, weight: 600 }) +
    (o.note ? text(o.x, ly + lh + 46, o.note, { size: 22, fill: o.label, weight: 500, spacing: 2 }) : "") +
    `<path d="${path}" fill="${shade}"/>`
  );
}

/** A ceramic cup on a saucer, seen from above at an angle. art: "heart" | "rosetta" | "black". */
export function cup(o: {
  cx: number;
  cy: number;
  s?: number;
  color: string;
  light: string;
  dark: string;
  saucer?: string;
  art?: "heart" | "rosetta" | "black" | "espresso";
}) {
  const s = o.s ?? 1;
  const [bodyDef, body] = cylinder(o.color, o.light, o.dark);
  const [coffeeDef, coffee] = radial(
    o.art === "black"
      ? [
          [0, "#5a3320"],
          [1, "#2a160c"],
        ]
      : o.art === "espresso"
        ? [
            [0, "#d9a066"],
            [0.7, "#a8672f"],
            [1, "#6e3d1a"],
          ]
        : [
            [0, "#d7a273"],
            [0.75, "#b77a47"],
            [1, "#8a5228"],
          ],
  );
  const saucer = o.saucer ?? o.color;
  const art =
    o.art === "heart"
      ? `<g transform="translate(0 6) scale(1 0.32)"><path d="M0 70 C-95 5 -112 -70 -52 -92 C-22 -102 0 -76 0 -58 C0 -76 22 -102 52 -92 C112 -70 95 5 0 70 Z" fill="#f8ecdc"/><path d="M0 70 C-40 40 -50 10 -30 -10" stroke="#e9d4bb" stroke-width="6" fill="none"/></g>`
      : o.art === "rosetta"
        ? `<g transform="translate(0 4) scale(1 0.32)">${Array.from({ length: 7 }, (_, i) => {
            const y = -95 + i * 26;
            const rx = 92 - i * 10;
            return `<path d="M${-rx} ${y} Q0 ${y + 46} ${rx} ${y}" stroke="#f8ecdc" stroke-width="13" fill="none" stroke-linecap="round"/>`;
          }).join("")}<line x1="0" y1="-110" x2="0" y2="95" stroke="#f8ecdc" stroke-width="7"/></g>`
        : o.art === "espresso"
          ? `<ellipse cx="-20" cy="-2" rx="40" ry="10" fill="#e8b986" opacity="0.6"/>`
          : `<ellipse cx="-40" cy="-8" rx="50" ry="9" fill="#fff" opacity="0.12"/>`;
  return (
    `<defs>${bodyDef}${coffeeDef}</defs>` +
    `<g transform="translate(${o.cx} ${o.cy}) scale(${s})">` +
    shadow(10, 175, 250, 40, 0.25) +
    `<ellipse cx="0" cy="150" rx="245" ry="72" fill="${o.dark}"/>` +
    `<ellipse cx="0" cy="142" rx="245" ry="70" fill="${saucer}"/>` +
    `<ellipse cx="0" cy="140" rx="150" ry="40" fill="#000" opacity="0.08"/>` +
    `<path d="M150 20 C262 2 262 128 120 136" stroke="${o.dark}" stroke-width="30" fill="none" stroke-linecap="round"/>` +
    `<path d="M150 20 C255 4 255 120 124 130" stroke="${o.color}" stroke-width="20" fill="none" stroke-linecap="round"/>` +
    `<path d="M-168 0 C-164 112 -112 168 0 170 C112 168 164 112 168 0 Z" fill="${body}"/>` +
    `<ellipse cx="0" cy="0" rx="168" ry="54" fill="${o.light}"/>` +
    `<ellipse cx="0" cy="4" rx="150" ry="45" fill="${coffee}"/>` +
    art +
    `</g>`
  );
}

/** A paper takeaway cup with lid and sleeve, standing at (x, bottom). */
export function takeaway(o: { x: number; bottom: number; cup: string; sleeve: string; lid: string; logo: string; logoInk: string; mark: string }) {
  const t = o.bottom - 380;
  const [cupDef, cupFill] = cylinder(o.cup, "#ffffff", "#c9c9c9");
  const [sleeveDef, sleeveFill] = linear(
    [
      [0, "#000", 0.18],
      [0.3, "#fff", 0.12],
      [0.6, "#000", 0],
      [1, "#000", 0.25],
    ],
    0,
    0,
    1,
    0,
  );
  return (
    `<defs>${cupDef}${sleeveDef}</defs>` +
    shadow(o.x + 20, o.bottom + 4, 140, 20) +
    `<path d="M${o.x - 125} ${t + 40} L${o.x + 125} ${t + 40} L${o.x + 95} ${o.bottom} Q${o.x} ${o.bottom + 12} ${o.x - 95} ${o.bottom} Z" fill="${cupFill}"/>` +
    `<path d="M${o.x - 114} ${t + 130} L${o.x + 114} ${t + 130} L${o.x + 104} ${t + 270} L${o.x - 104} ${t + 270} Z" fill="${o.sleeve}"/>` +
    `<path d="M${o.x - 114} ${t + 130} L${o.x + 114} ${t + 130} L${o.x + 104} ${t + 270} L${o.x - 104} ${t + 270} Z" fill="${sleeveFill}"/>` +
    `<circle cx="${o.x}" cy="${t + 200}" r="48" fill="${o.logo}"/>` +
    text(o.x, t + 218, o.mark, { size: 46, fill: o.logoInk, serif: true, weight: 700 }) +
    `<rect x="${o.x - 138}" y="${t + 14}" width="276" height="36" rx="14" fill="${o.lid}"/>` +
    `<path d="M${o.x - 120} ${t + 16} Q${o.x - 116} ${t - 20} ${o.x - 70} ${t - 22} L${o.x + 70} ${t - 22} Q${o.x + 116} ${t - 20} ${o.x + 120} ${t + 16} Z" fill="${o.lid}"/>` +
    `<rect x="${o.x - 138}" y="${t + 14}" width="276" height="10" rx="5" fill="#fff" opacity="0.25"/>` +
    `<ellipse cx="${o.x + 40}" cy="${t - 14}" rx="26" ry="6" fill="#000" opacity="0.3"/>`
  );
}

/** A voucher ticket with a tear-off stub. Drawn with its top-left at the origin, then placed. */
export function ticket(o: {
  x: number;
  y: number;
  rot: number;
  w?: number;
  h?: number;
  color: string;
  color2: string;
  ink?: string;
  kicker: string;
  title: string;
  sub: string;
  stub: string;
}) {
  const w = o.w ?? 460;
  const h = o.h ?? 240;
  const xs = Math.round(w * 0.7);
  const n = 18;
  const path = `M16 0 H${xs - n} A${n} ${n} 0 0 0 ${xs + n} 0 H${w - 16} Q${w} 0 ${w} 16 V${h - 16} Q${w} ${h} ${w - 16} ${h} H${xs + n} A${n} ${n} 0 0 0 ${xs - n} ${h} H16 Q0 ${h} 0 ${h - 16} V16 Q0 0 16 0 Z`;
  const [fillDef, fill] = linear(
    [
      [0, o.color],
      [1, o.color2],
    ],
    0,
    0,
    1,
    1,
  );
  const ink = o.ink ?? "#ffffff";
  return (
    `<defs>${fillDef}</defs>` +
    `<g transform="translate(${o.x} ${o.y}) rotate(${o.rot})">` +
    `<path d="${path}" fill="#000" opacity="0.18" transform="translate(8 14)" filter="url(#blur4)"/>` +
    `<path d="${path}" fill="${fill}"/>` +
    `<rect x="16" y="16" width="${xs - 40}" height="${h - 32}" rx="10" fill="none" stroke="${ink}" stroke-opacity="0.35" stroke-width="2"/>` +
    `<line x1="${xs}" y1="${n + 8}" x2="${xs}" y2="${h - n - 8}" stroke="${ink}" stroke-opacity="0.7" stroke-width="3" stroke-dasharray="8 8"/>` +
    text(40, 60, o.kicker, { size: 19, fill: ink, weight: 700, anchor: "start", spacing: 4, opacity: 0.85 }) +
    text(40, 134, o.title, { size: o.title.length > 8 ? 40 : 58, fill: ink, weight: 800, anchor: "start" }) +
    text(40, 190, o.sub, { size: 32, fill: ink, serif: true, weight: 600, anchor: "start" }) +
    vtext(xs + (w - xs) / 2, 70, o.stub, { size: 34, fill: ink, serif: true, weight: 700, step: 40 }) +
    `</g>`
  );
}

// ─── Tea ─────────────────────────────────────────────────────────────────────

/** A cylindrical tin with a lid, standing at (x, bottom). */
export function tin(o: {
  x: number;
  bottom: number;
  w: number;
  h: number;
  body: string;
  light: string;
  dark: string;
  lid: string;
  lidLight: string;
  lidDark: string;
  label?: string;
  content?: string;
}) {
  const rx = o.w / 2;
  const ry = o.w * 0.12;
  const top = o.bottom - o.h;
  const lidH = Math.round(o.h * 0.2);
  const [bodyDef, body] = cylinder(o.body, o.light, o.dark);
  const [lidDef, lid] = cylinder(o.lid, o.lidLight, o.lidDark);
  const [shineDef, shine] = linear(
    [
      [0, "#000", 0.25],
      [0.3, "#fff", 0.18],
      [0.5, "#fff", 0],
      [0.85, "#000", 0.05],
      [1, "#000", 0.3],
    ],
    0,
    0,
    1,
    0,
  );
  return (
    `<defs>${bodyDef}${lidDef}${shineDef}</defs>` +
    shadow(o.x + 24, o.bottom + 6, rx * 1.25, ry * 1.6) +
    `<path d="M${o.x - rx} ${top + lidH} V${o.bottom} A${rx} ${ry} 0 0 0 ${o.x + rx} ${o.bottom} V${top + lidH} Z" fill="${body}"/>` +
    (o.label ?? "") +
    `<path d="M${o.x - rx} ${top + lidH} V${o.bottom} A${rx} ${ry} 0 0 0 ${o.x + rx} ${o.bottom} V${top + lidH} Z" fill="${shine}"/>` +
    `<path d="M${o.x - rx - 5} ${top} V${top + lidH} A${rx + 5} ${ry} 0 0 0 ${o.x + rx + 5} ${top + lidH} V${top} Z" fill="${lid}"/>` +
    `<ellipse cx="${o.x}" cy="${top}" rx="${rx + 5}" ry="${ry}" fill="${o.lidLight}"/>` +
    `<ellipse cx="${o.x}" cy="${top}" rx="${rx - 12}" ry="${ry - 6}" fill="${o.lid}" opacity="0.5"/>` +
    (o.content ?? "")
  );
}

/** A tea leaf with a midrib. */
export function leaf(x: number, y: number, rot: number, s = 1, color = "#5f8f3a", vein = "#3f6a24") {
  return (
    `<g transform="translate(${x} ${y}) rotate(${rot}) scale(${s})">` +
    `<path d="M-46 0 C-24 -24 24 -24 46 0 C24 22 -24 22 -46 0 Z" fill="${color}"/>` +
    `<path d="M-42 0 C-10 -3 20 -2 44 0" stroke="${vein}" stroke-width="3" fill="none"/>` +
    `<path d="M-30 -10 C-14 -18 10 -18 28 -10" stroke="#fff" stroke-opacity="0.25" stroke-width="4" fill="none"/>` +
    `</g>`
  );
}

/** A small porcelain tea cup (no handle). */
export function teaCup(cx: number, bottom: number, s: number, color: string, light: string, dark: string, tea = "#c9a24a") {
  const [def, fill] = cylinder(color, light, dark);
  return (
    `<defs>${def}</defs><g transform="translate(${cx} ${bottom}) scale(${s})">` +
    shadow(10, 4, 90, 14, 0.22) +
    `<path d="M-80 -110 C-78 -40 -50 -6 -28 -2 L-30 0 L30 0 L28 -2 C50 -6 78 -40 80 -110 Z" fill="${fill}"/>` +
    `<ellipse cx="0" cy="-110" rx="80" ry="20" fill="${light}"/>` +
    `<ellipse cx="0" cy="-106" rx="68" ry="15" fill="${tea}"/>` +
    `<ellipse cx="-16" cy="-109" rx="26" ry="4" fill="#fff" opacity="0.35"/>` +
    `</g>`
  );
}

// ─── Boxes, books, paper ─────────────────────────────────────────────────────

/** A box in oblique view: front face at (x, y, w, h), depth going up-right. */
export function box(o: {
  x: number;
  y: number;
  w: number;
  h: number;
  d?: number;
  front: string;
  top: string;
  side: string;
  ribbon?: string;
  ribbonDark?: string;
  bow?: boolean;
  face?: string;
}) {
  const d = o.d ?? 90;
  const dx = d * 0.75;
  const dy = d * 0.55;
  const { x, y, w, h } = o;
  const topFace = `M${x} ${y} L${x + dx} ${y - dy} L${x + w + dx} ${y - dy} L${x + w} ${y} Z`;
  const sideFace = `M${x + w} ${y} L${x + w + dx} ${y - dy} L${x + w + dx} ${y + h - dy} L${x + w} ${y + h} Z`;
  let ribbon = "";
  if (o.ribbon) {
    const rw = 34;
    const cx = x + w / 2;
    ribbon =
      `<rect x="${cx - rw / 2}" y="${y}" width="${rw}" height="${h}" fill="${o.ribbon}"/>` +
      `<path d="M${cx - rw / 2} ${y} L${cx - rw / 2 + dx} ${y - dy} L${cx + rw / 2 + dx} ${y - dy} L${cx + rw / 2} ${y} Z" fill="${o.ribbon}"/>` +
      `<path d="M${x + dx / 2} ${y - dy / 2 - rw / 2} L${x + w + dx / 2} ${y - dy / 2 - rw / 2} L${x + w + dx / 2} ${y - dy / 2 + rw / 2 - 6} L${x + dx / 2} ${y - dy / 2 + rw / 2 - 6} Z" fill="${o.ribbonDark ?? o.ribbon}" opacity="0.9"/>` +
      `<path d="M${x + w} ${y + h / 2 - rw / 2} L${x + w + dx} ${y + h / 2 - rw / 2 - dy} L${x + w + dx} ${y + h / 2 + rw / 2 - dy} L${x + w} ${y + h / 2 + rw / 2} Z" fill="${o.ribbonDark ?? o.ribbon}"/>` +
      `<rect x="${x}" y="${y + h / 2 - rw / 2}" width="${w}" height="${rw}" fill="${o.ribbon}"/>`;
    if (o.bow) {
      const bx = x + w / 2 + dx / 2;
      const by = y - dy / 2 - 6;
      ribbon +=
        `<path d="M${bx} ${by} C${bx - 90} ${by - 90} ${bx - 120} ${by + 10} ${bx} ${by} Z" fill="${o.ribbon}" stroke="${o.ribbonDark ?? o.ribbon}" stroke-width="4"/>` +
        `<path d="M${bx} ${by} C${bx + 90} ${by - 90} ${bx + 120} ${by + 10} ${bx} ${by} Z" fill="${o.ribbon}" stroke="${o.ribbonDark ?? o.ribbon}" stroke-width="4"/>` +
        `<path d="M${bx} ${by} L${bx - 40} ${by + 60} M${bx} ${by} L${bx + 44} ${by + 54}" stroke="${o.ribbon}" stroke-width="16" stroke-linecap="round"/>` +
        `<circle cx="${bx}" cy="${by}" r="16" fill="${o.ribbonDark ?? o.ribbon}"/>`;
    }
  }
  return (
    shadow(x + w / 2 + dx / 2 + 20, y + h + 2, w / 2 + dx, 24) +
    `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="${o.front}"/>` +
    `<path d="${topFace}" fill="${o.top}"/>` +
    `<path d="${sideFace}" fill="${o.side}"/>` +
    (o.face ?? "") +
    ribbon
  );
}

/** A standing hardcover book, front cover at (x, y, w, h), pages showing at the top and right. */
export function book(o: { x: number; y: number; w: number; h: number; cover: string; spine: string; art: string; d?: number }) {
  const d = o.d ?? 46;
  const dx = d * 0.8;
  const dy = d * 0.5;
  const { x, y, w, h } = o;
  const lines = Array.from({ length: 7 }, (_, i) => {
    const t = (i + 1) / 8;
    return `<line x1="${x + w + dx * t}" y1="${y - dy * t + 4}" x2="${x + w + dx * t}" y2="${y + h - dy * t - 4}" stroke="#c9bfae" stroke-width="1.5"/>`;
  }).join("");
  const clip = uid("bk");
  return (
    `<defs><clipPath id="${clip}"><rect x="${x}" y="${y}" width="${w}" height="${h}" rx="6"/></clipPath></defs>` +
    shadow(x + w / 2 + 40, y + h + 4, w * 0.65, 22) +
    `<path d="M${x + 4} ${y} L${x + dx + 4} ${y - dy} L${x + w + dx} ${y - dy} L${x + w} ${y} Z" fill="${o.spine}"/>` +
    `<path d="M${x + w} ${y + 6} L${x + w + dx - 6} ${y - dy + 8} L${x + w + dx - 6} ${y + h - dy - 2} L${x + w} ${y + h - 6} Z" fill="#f4ecdd"/>` +
    lines +
    `<path d="M${x + 10} ${y + 2} L${x + dx + 4} ${y - dy + 6} L${x + w + dx - 8} ${y - dy + 6} L${x + w - 4} ${y + 2} Z" fill="#f7f0e2"/>` +
    `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="6" fill="${o.cover}"/>` +
    `<g clip-path="url(#${clip})">${o.art}` +
    `<rect x="${x}" y="${y}" width="18" height="${h}" fill="#000" opacity="0.12"/>` +
    `<line x1="${x + 22}" y1="${y}" x2="${x + 22}" y2="${y + h}" stroke="#000" stroke-opacity="0.15" stroke-width="3"/></g>`
  );
}

// ─── Jewellery ───────────────────────────────────────────────────────────────

export function pearl(cx: number, cy: number, r: number) {
  const [def, fill] = radial(
    [
      [0, "#ffffff"],
      [0.45, "#f8f1ea"],
      [0.8, "#e6d6cb"],
      [1, "#c9b3a6"],
    ],
    0.4,
    0.35,
    0.65,
  );
  return (
    `<defs>${def}</defs>` +
    `<circle cx="${cx}" cy="${cy}" r="${r}" fill="${fill}"/>` +
    `<ellipse cx="${cx - r * 0.32}" cy="${cy - r * 0.38}" rx="${r * 0.22}" ry="${r * 0.14}" fill="#fff" opacity="0.9"/>` +
    `<ellipse cx="${cx + r * 0.3}" cy="${cy + r * 0.45}" rx="${r * 0.4}" ry="${r * 0.16}" fill="#f3d9e0" opacity="0.5"/>`
  );
}

export const gold = (): [string, string] =>
  linear(
    [
      [0, "#fff1b8"],
      [0.35, "#f2c94c"],
      [0.65, "#c9962a"],
      [1, "#8a6414"],
    ],
    0,
    0,
    1,
    1,
  );

export { seal };
