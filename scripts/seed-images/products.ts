// One illustration per seeded product (keys as in prisma/seed/catalogue.ts), drawn in
// an 800×800 space on a soft backdrop, objects standing on a table around y = 640.
import type { Backdrop } from "./kit.ts";
import { cylinder, linear, radial, seal, shadow, text, uid, vtext } from "./kit.ts";
import { bean, beanPile, book, box, cup, gold, leaf, pearl, pouch, takeaway, teaCup, ticket, tin } from "./objects.ts";

export type Art = { backdrop: Backdrop; draw: () => string };

const BD = {
  cream: { top: "#f6efe4", bottom: "#e4d3bd", table: "#d9c3a5" },
  sky: { top: "#eaf1f8", bottom: "#c9d9ea", table: "#b9cde2" },
  lilac: { top: "#f2edf6", bottom: "#d9cfe6", table: "#cbbfdc" },
  peach: { top: "#fbefe6", bottom: "#f0d2bd", table: "#e7c0a6" },
  rose: { top: "#fbeef0", bottom: "#efd0d6", table: "#e6bcc5" },
  mint: { top: "#eef6ef", bottom: "#cfe3d3", table: "#bcd7c2" },
  sage: { top: "#f0f3ea", bottom: "#d6dfc8", table: "#c5d2b3" },
  sand: { top: "#f7f1e6", bottom: "#e2d5bf", table: "#d5c3a6" },
  lemon: { top: "#fcf6e3", bottom: "#f1e0ae", table: "#e9d295" },
  stone: { top: "#f1f1f0", bottom: "#d7d7d4", table: "#c6c6c2" },
  navy: { top: "#eef0f6", bottom: "#cfd5e6", table: "#bdc5dd" },
  jade: { top: "#eef5f1", bottom: "#cfe2d8", table: "#bcd6c9" },
  gold: { top: "#faf4e6", bottom: "#ecdcb6", table: "#e2cd9c" },
  tea: { top: "#f5efe3", bottom: "#dccdb1", table: "#cdb996" },
} satisfies Record<string, Backdrop>;

// ─── Pieces only one or two drawings use ─────────────────────────────────────

function mountains(x: number, y: number, ink: string) {
  return (
    `<circle cx="${x + 46}" cy="${y + 18}" r="14" fill="${ink}" opacity="0.55"/>` +
    `<path d="M${x - 78} ${y + 70} L${x - 34} ${y + 20} L${x - 6} ${y + 48} L${x + 26} ${y + 8} L${x + 80} ${y + 70} Z" fill="${ink}"/>`
  );
}

function flower(x: number, y: number, r: number, petal: string, centre: string, rot = 0) {
  const petals = Array.from({ length: 5 }, (_, i) => {
    const a = (i * 72 + rot) * (Math.PI / 180);
    return `<ellipse cx="${x + Math.cos(a) * r * 0.55}" cy="${y + Math.sin(a) * r * 0.55}" rx="${r * 0.5}" ry="${r * 0.3}" transform="rotate(${i * 72 + rot} ${x + Math.cos(a) * r * 0.55} ${y + Math.sin(a) * r * 0.55})" fill="${petal}"/>`;
  }).join("");
  return petals + `<circle cx="${x}" cy="${y}" r="${r * 0.2}" fill="${centre}"/>`;
}

function sachet(x: number, y: number, rot: number, band: string, ink: string) {
  return (
    `<g transform="translate(${x} ${y}) rotate(${rot})">` +
    `<rect x="-92" y="-130" width="184" height="260" rx="10" fill="#000" opacity="0.16" transform="translate(8 10)" filter="url(#blur4)"/>` +
    `<rect x="-92" y="-130" width="184" height="260" rx="10" fill="#fbf7f0"/>` +
    `<rect x="-92" y="-130" width="184" height="70" rx="10" fill="${band}"/>` +
    `<rect x="-92" y="-80" width="184" height="20" fill="${band}"/>` +
    Array.from({ length: 12 }, (_, i) => `<line x1="${-86 + i * 15}" y1="-130" x2="${-86 + i * 15}" y2="-118" stroke="#fff" stroke-opacity="0.5" stroke-width="3"/>`).join("") +
    text(0, -76, "DRIP", { size: 30, fill: "#fff", weight: 800, spacing: 6 }) +
    bean(0, 0, -20, 1.3, "#6b3f22") +
    text(0, 72, "挂耳咖啡", { size: 30, fill: ink, serif: true, weight: 700 }) +
    text(0, 104, "10 g · BLUE BEAN", { size: 15, fill: ink, weight: 600, spacing: 2, opacity: 0.7 }) +
    `</g>`
  );
}

function mooncake(cx: number, cy: number, s: number) {
  const [topDef, top] = radial(
    [
      [0, "#e9b06a"],
      [0.7, "#c98a3a"],
      [1, "#a8651f"],
    ],
    0.4,
    0.35,
    0.7,
  );
  const scallops = Array.from({ length: 20 }, (_, i) => {
    const a = (i / 20) * Math.PI * 2;
    return `<circle cx="${Math.cos(a) * 112}" cy="${Math.sin(a) * 58}" r="15" fill="#b97a30"/>`;
  }).join("");
  return (
    `<defs>${topDef}</defs><g transform="translate(${cx} ${cy}) scale(${s})">` +
    shadow(14, 70, 150, 26, 0.28) +
    `<path d="M-124 0 V46 A124 64 0 0 0 124 46 V0 Z" fill="#9a5a1c"/>` +
    `<path d="M-124 0 V46 A124 64 0 0 0 124 46 V0 Z" fill="#000" opacity="0.08"/>` +
    scallops +
    `<ellipse rx="114" ry="59" fill="${top}"/>` +
    `<ellipse rx="86" ry="44" fill="none" stroke="#a0611f" stroke-width="5"/>` +
    `<ellipse rx="76" ry="39" fill="none" stroke="#f3c98a" stroke-width="2" opacity="0.7"/>` +
    `<g transform="scale(1 0.52)">` +
    text(2, 26, "莲蓉", { size: 64, fill: "#f3c98a", serif: true, weight: 900, opacity: 0.8 }) +
    text(0, 22, "莲蓉", { size: 64, fill: "#96561a", serif: true, weight: 900 }) +
    `</g></g>`
  );
}

function candy(x: number, y: number, rot: number, fill: string, bits: string) {
  return (
    `<g transform="translate(${x} ${y}) rotate(${rot})">` +
    `<path d="M-64 -22 L-98 -40 L-92 0 L-98 40 L-64 22 Z" fill="#ffffff" opacity="0.9"/>` +
    `<path d="M64 -22 L98 -40 L92 0 L98 40 L64 22 Z" fill="#ffffff" opacity="0.9"/>` +
    `<path d="M-94 -20 L-70 -8 M-94 20 L-70 8 M94 -20 L70 -8 M94 20 L70 8" stroke="#d8d0c4" stroke-width="3"/>` +
    `<rect x="-68" y="-34" width="136" height="68" rx="16" fill="#000" opacity="0.12" transform="translate(4 6)"/>` +
    `<rect x="-68" y="-34" width="136" height="68" rx="16" fill="${fill}"/>` +
    [
      [-38, -10],
      [-8, 12],
      [24, -14],
      [44, 8],
      [-48, 14],
      [6, -16],
    ]
      .map(([bx, by]) => `<ellipse cx="${bx}" cy="${by}" rx="8" ry="6" fill="${bits}"/>`)
      .join("") +
    `<rect x="-68" y="-34" width="136" height="68" rx="16" fill="#ffffff" opacity="0.35"/>` +
    `<rect x="-56" y="-28" width="100" height="10" rx="5" fill="#fff" opacity="0.6"/>` +
    `</g>`
  );
}

function almond(x: number, y: number, rot: number) {
  return `<g transform="translate(${x} ${y}) rotate(${rot})"><path d="M-26 0 C-18 -18 14 -16 28 0 C14 16 -18 18 -26 0 Z" fill="#a9683a"/><path d="M-16 -4 C-4 -8 8 -8 18 -3 M-14 5 C0 2 10 3 18 4" stroke="#7c4523" stroke-width="2.5" fill="none"/><ellipse cx="-4" cy="-8" rx="10" ry="3" fill="#fff" opacity="0.2"/></g>`;
}
function cashew(x: number, y: number, rot: number) {
  return `<g transform="translate(${x} ${y}) rotate(${rot})"><path d="M-30 -6 C-30 -30 20 -34 30 -8 C34 4 22 10 14 2 C6 -10 -12 -12 -16 4 C-20 14 -32 8 -30 -6 Z" fill="#ead2a2"/><path d="M-22 -10 C-14 -24 12 -26 22 -12" stroke="#fff" stroke-opacity="0.5" stroke-width="4" fill="none"/></g>`;
}
function walnut(x: number, y: number, rot: number) {
  return `<g transform="translate(${x} ${y}) rotate(${rot})"><path d="M-28 0 C-30 -22 -6 -26 0 -14 C6 -26 30 -22 28 0 C30 20 6 26 0 14 C-6 26 -30 20 -28 0 Z" fill="#a57647"/><path d="M-18 -6 C-10 2 -18 8 -10 14 M18 -6 C10 2 18 8 10 14 M0 -12 V12" stroke="#6e4622" stroke-width="3" fill="none"/></g>`;
}
function cranberry(x: number, y: number) {
  return `<ellipse cx="${x}" cy="${y}" rx="12" ry="9" fill="#b3263a"/><ellipse cx="${x - 3}" cy="${y - 3}" rx="4" ry="2.5" fill="#fff" opacity="0.4"/>`;
}

function mangoSlice(x: number, y: number, rot: number, s = 1) {
  return (
    `<g transform="translate(${x} ${y}) rotate(${rot}) scale(${s})">` +
    `<path d="M-60 8 C-50 -30 30 -34 62 -6 C70 4 60 20 40 22 C10 26 -30 30 -52 24 C-62 20 -64 14 -60 8 Z" fill="#f08a1c"/>` +
    `<path d="M-50 4 C-30 -16 20 -20 52 -4" stroke="#ffc04d" stroke-width="6" fill="none" opacity="0.8"/>` +
    `<path d="M-40 14 C-10 8 20 8 44 12" stroke="#d46b0c" stroke-width="3" fill="none" opacity="0.6"/>` +
    `</g>`
  );
}

function truffle(cx: number, cy: number, r: number, dusted: boolean) {
  const [def, fill] = radial(
    dusted
      ? [
          [0, "#8a5a3c"],
          [0.7, "#5e3a26"],
          [1, "#3b2418"],
        ]
      : [
          [0, "#6a4030"],
          [0.6, "#3f2419"],
          [1, "#24140d"],
        ],
    0.38,
    0.32,
    0.7,
  );
  const specks = dusted
    ? Array.from({ length: 10 }, (_, i) => {
        const a = i * 2.4;
        const d = (i % 4) * r * 0.18 + r * 0.15;
        return `<circle cx="${cx + Math.cos(a) * d}" cy="${cy + Math.sin(a) * d}" r="${2 + (i % 3)}" fill="#b07a55" opacity="0.8"/>`;
      }).join("")
    : `<path d="M${cx - r * 0.6} ${cy - r * 0.1} q${r * 0.3} ${-r * 0.3} ${r * 0.6} 0 t${r * 0.6} 0" stroke="#6f4634" stroke-width="4" fill="none"/>`;
  return (
    `<defs>${def}</defs>` +
    `<ellipse cx="${cx}" cy="${cy + r * 0.55}" rx="${r * 1.15}" ry="${r * 0.45}" fill="#c9962a"/>` +
    `<ellipse cx="${cx}" cy="${cy + r * 0.5}" rx="${r * 1.0}" ry="${r * 0.36}" fill="#8a6414" opacity="0.5"/>` +
    `<circle cx="${cx}" cy="${cy}" r="${r}" fill="${fill}"/>` +
    specks +
    `<ellipse cx="${cx - r * 0.35}" cy="${cy - r * 0.42}" rx="${r * 0.28}" ry="${r * 0.14}" fill="#fff" opacity="0.25"/>`
  );
}

function eggRoll(x: number, y: number, len: number, rot = 0) {
  const [def, fill] = linear([
    [0, "#f9d98c"],
    [0.45, "#e6a94a"],
    [1, "#b06e22"],
  ]);
  const stripes = Array.from({ length: Math.floor(len / 26) }, (_, i) => {
    const sx = -len / 2 + 16 + i * 26;
    return `<path d="M${sx} -34 L${sx + 18} 34" stroke="#b8741f" stroke-width="5" opacity="0.45"/>`;
  }).join("");
  return (
    `<defs>${def}</defs><g transform="translate(${x} ${y}) rotate(${rot})">` +
    `<rect x="${-len / 2}" y="-36" width="${len}" height="72" rx="36" fill="${fill}"/>` +
    stripes +
    `<ellipse cx="${len / 2 - 18}" cy="0" rx="20" ry="36" fill="#e7ad52"/>` +
    `<path d="M${len / 2 - 18} -24 a14 24 0 1 1 -1 48 a9 16 0 1 1 1 -32 a5 8 0 1 1 0 14" stroke="#a86516" stroke-width="4" fill="none"/>` +
    `</g>`
  );
}

function pen(x: number, y: number, rot: number, s = 1) {
  const [brassDef, brass] = linear([
    [0, "#fbe3a3"],
    [0.35, "#d9ab52"],
    [0.75, "#a8782c"],
    [1, "#6f4e18"],
  ]);
  const [blackDef, black] = linear([
    [0, "#5a5a5a"],
    [0.4, "#222"],
    [1, "#000"],
  ]);
  const [nibDef, nib] = gold();
  return (
    `<defs>${brassDef}${blackDef}${nibDef}</defs>` +
    `<g transform="translate(${x} ${y}) rotate(${rot}) scale(${s})">` +
    `<rect x="-250" y="-10" width="520" height="48" rx="24" fill="#000" opacity="0.2" filter="url(#blur4)" transform="translate(6 16)"/>` +
    `<rect x="-260" y="-26" width="250" height="52" rx="24" fill="${brass}"/>` +
    `<rect x="-30" y="-28" width="14" height="56" rx="3" fill="#8a6420"/>` +
    `<rect x="-20" y="-23" width="200" height="46" rx="18" fill="${brass}"/>` +
    `<path d="M176 -20 L232 -14 L232 14 L176 20 Z" fill="${black}"/>` +
    `<path d="M230 -16 C262 -14 300 -6 322 0 C300 6 262 14 230 16 Z" fill="${nib}"/>` +
    `<line x1="252" y1="0" x2="322" y2="0" stroke="#6f4e18" stroke-width="2"/>` +
    `<circle cx="252" cy="0" r="4" fill="#6f4e18"/>` +
    `<rect x="-220" y="-36" width="170" height="14" rx="7" fill="${brass}" stroke="#8a6420" stroke-width="2"/>` +
    `<rect x="-250" y="-18" width="480" height="8" rx="4" fill="#fff" opacity="0.35"/>` +
    `</g>`
  );
}

function redPanda(cx: number, cy: number) {
  return (
    `<path d="M${cx - 120} ${cy - 60} L${cx - 140} ${cy - 150} L${cx - 50} ${cy - 110} Z" fill="#c4501f"/>` +
    `<path d="M${cx - 116} ${cy - 80} L${cx - 126} ${cy - 130} L${cx - 76} ${cy - 108} Z" fill="#3b1d10"/>` +
    `<path d="M${cx + 120} ${cy - 60} L${cx + 140} ${cy - 150} L${cx + 50} ${cy - 110} Z" fill="#c4501f"/>` +
    `<path d="M${cx + 116} ${cy - 80} L${cx + 126} ${cy - 130} L${cx + 76} ${cy - 108} Z" fill="#3b1d10"/>` +
    `<ellipse cx="${cx}" cy="${cy}" rx="150" ry="120" fill="#d9652b"/>` +
    `<ellipse cx="${cx - 70}" cy="${cy + 40}" rx="56" ry="44" fill="#fff7ea"/>` +
    `<ellipse cx="${cx + 70}" cy="${cy + 40}" rx="56" ry="44" fill="#fff7ea"/>` +
    `<ellipse cx="${cx}" cy="${cy + 62}" rx="56" ry="42" fill="#fff7ea"/>` +
    `<ellipse cx="${cx - 54}" cy="${cy - 44}" rx="24" ry="12" fill="#fff7ea" transform="rotate(-15 ${cx - 54} ${cy - 44})"/>` +
    `<ellipse cx="${cx + 54}" cy="${cy - 44}" rx="24" ry="12" fill="#fff7ea" transform="rotate(15 ${cx + 54} ${cy - 44})"/>` +
    `<path d="M${cx - 60} ${cy - 10} L${cx - 90} ${cy + 80}" stroke="#8a3414" stroke-width="14" stroke-linecap="round" opacity="0.55"/>` +
    `<path d="M${cx + 60} ${cy - 10} L${cx + 90} ${cy + 80}" stroke="#8a3414" stroke-width="14" stroke-linecap="round" opacity="0.55"/>` +
    `<circle cx="${cx - 52}" cy="${cy - 6}" r="18" fill="#24130a"/><circle cx="${cx - 46}" cy="${cy - 12}" r="6" fill="#fff"/>` +
    `<circle cx="${cx + 52}" cy="${cy - 6}" r="18" fill="#24130a"/><circle cx="${cx + 58}" cy="${cy - 12}" r="6" fill="#fff"/>` +
    `<ellipse cx="${cx}" cy="${cy + 38}" rx="18" ry="12" fill="#24130a"/>` +
    `<path d="M${cx - 22} ${cy + 62} Q${cx} ${cy + 80} ${cx} ${cy + 56} Q${cx} ${cy + 80} ${cx + 22} ${cy + 62}" stroke="#24130a" stroke-width="5" fill="none" stroke-linecap="round"/>` +
    `<ellipse cx="${cx - 92}" cy="${cy + 30}" rx="16" ry="9" fill="#f2a08a" opacity="0.7"/>` +
    `<ellipse cx="${cx + 92}" cy="${cy + 30}" rx="16" ry="9" fill="#f2a08a" opacity="0.7"/>`
  );
}

function oolongBall(x: number, y: number, r: number) {
  return (
    `<path d="M${x - r} ${y} C${x - r} ${y - r * 1.2} ${x + r * 1.1} ${y - r * 1.1} ${x + r} ${y + r * 0.1} C${x + r * 0.9} ${y + r} ${x - r * 0.8} ${y + r * 1.1} ${x - r} ${y} Z" fill="#34492a"/>` +
    `<path d="M${x - r * 0.6} ${y - r * 0.1} q${r * 0.5} ${-r * 0.6} ${r * 1.1} ${-r * 0.1}" stroke="#6b8a4a" stroke-width="3" fill="none"/>` +
    `<path d="M${x - r * 0.2} ${y + r * 0.5} q${r * 0.4} ${-r * 0.3} ${r * 0.8} 0" stroke="#22331b" stroke-width="2" fill="none"/>`
  );
}

function blackTeaCurl(x: number, y: number, rot: number) {
  return (
    `<g transform="translate(${x} ${y}) rotate(${rot})">` +
    `<path d="M-34 6 C-20 -12 6 -10 14 -2 C22 6 30 4 36 -4" stroke="#3a2216" stroke-width="10" fill="none" stroke-linecap="round"/>` +
    `<path d="M22 4 C28 4 32 0 36 -4" stroke="#e0a73e" stroke-width="9" fill="none" stroke-linecap="round"/>` +
    `</g>`
  );
}

function teapot(cx: number, cy: number, body: string, light: string, dark: string) {
  const [def, fill] = radial(
    [
      [0, light],
      [0.55, body],
      [1, dark],
    ],
    0.38,
    0.32,
    0.75,
  );
  return (
    `<defs>${def}</defs>` +
    shadow(cx + 20, cy + 104, 170, 22, 0.25) +
    `<path d="M${cx - 118} ${cy + 4} C${cx - 170} ${cy - 10} ${cx - 196} ${cy - 60} ${cx - 214} ${cy - 98} L${cx - 196} ${cy - 106} C${cx - 176} ${cy - 70} ${cx - 150} ${cy - 46} ${cx - 110} ${cy - 40} Z" fill="${body}"/>` +
    `<path d="M${cx + 118} ${cy - 44} C${cx + 210} ${cy - 70} ${cx + 210} ${cy + 60} ${cx + 112} ${cy + 40}" stroke="${dark}" stroke-width="24" fill="none" stroke-linecap="round"/>` +
    `<path d="M${cx + 118} ${cy - 44} C${cx + 204} ${cy - 66} ${cx + 204} ${cy + 54} ${cx + 112} ${cy + 36}" stroke="${body}" stroke-width="14" fill="none" stroke-linecap="round"/>` +
    `<ellipse cx="${cx}" cy="${cy}" rx="140" ry="104" fill="${fill}"/>` +
    `<ellipse cx="${cx}" cy="${cy - 92}" rx="74" ry="18" fill="${dark}"/>` +
    `<path d="M${cx - 70} ${cy - 94} C${cx - 60} ${cy - 130} ${cx + 60} ${cy - 130} ${cx + 70} ${cy - 94} Z" fill="${fill}"/>` +
    `<circle cx="${cx}" cy="${cy - 132}" r="14" fill="${body}"/><circle cx="${cx - 4}" cy="${cy - 136}" r="5" fill="#fff" opacity="0.5"/>` +
    `<ellipse cx="${cx - 56}" cy="${cy - 40}" rx="34" ry="16" fill="#fff" opacity="0.35" transform="rotate(-25 ${cx - 56} ${cy - 40})"/>`
  );
}

function jasmineJar(x: number, bottom: number) {
  const w = 250;
  const h = 310;
  const top = bottom - h;
  const clip = uid("jar");
  const pearls: string[] = [];
  const colours = ["#7f8c52", "#98a567", "#b9bd8f", "#6f7c45", "#a7ae76"];
  let k = 0;
  for (let row = 0; row < 14; row++) {
    const py = bottom - 18 - row * 15;
    for (let col = 0; col < 16; col++) {
      const px = x - w / 2 + 14 + col * 15 + (row % 2) * 7;
      pearls.push(`<circle cx="${px}" cy="${py}" r="9" fill="${colours[(k = (k * 7 + 3) % 5)]}"/>`);
    }
  }
  const jar = `M${x - w / 2} ${top + 40} Q${x - w / 2} ${top + 20} ${x - w / 2 + 20} ${top + 20} L${x + w / 2 - 20} ${top + 20} Q${x + w / 2} ${top + 20} ${x + w / 2} ${top + 40} L${x + w / 2} ${bottom - 24} Q${x + w / 2} ${bottom} ${x + w / 2 - 24} ${bottom} L${x - w / 2 + 24} ${bottom} Q${x - w / 2} ${bottom} ${x - w / 2} ${bottom - 24} Z`;
  return (
    `<defs><clipPath id="${clip}"><path d="${jar}"/></clipPath></defs>` +
    shadow(x + 20, bottom + 4, w * 0.65, 20) +
    `<path d="${jar}" fill="#ffffff" opacity="0.35"/>` +
    `<g clip-path="url(#${clip})">${pearls.join("")}</g>` +
    `<path d="${jar}" fill="none" stroke="#ffffff" stroke-width="6" opacity="0.8"/>` +
    `<rect x="${x - w / 2 + 18}" y="${top + 50}" width="16" height="${h - 90}" rx="8" fill="#fff" opacity="0.55"/>` +
    `<rect x="${x - w / 2 + 10}" y="${top - 34}" width="${w - 20}" height="58" rx="12" fill="#b98a58"/>` +
    `<rect x="${x - w / 2 + 10}" y="${top - 34}" width="${w - 20}" height="14" rx="7" fill="#d6ad7c"/>` +
    Array.from({ length: 6 }, (_, i) => `<line x1="${x - w / 2 + 30 + i * 40}" y1="${top - 18}" x2="${x - w / 2 + 30 + i * 40}" y2="${top + 20}" stroke="#9a6e40" stroke-width="2"/>`).join("") +
    `<rect x="${x - 80}" y="${top + 110}" width="160" height="112" rx="10" fill="#fffaf0"/>` +
    text(x, top + 165, "茉莉龙珠", { size: 34, fill: "#3f6a38", serif: true, weight: 700 }) +
    text(x, top + 200, "JASMINE PEARLS", { size: 15, fill: "#3f6a38", weight: 700, spacing: 2 })
  );
}

function dripper(x: number, y: number, colour: string, light: string, dark: string) {
  const [def, fill] = cylinder(colour, light, dark);
  const [glassDef, glass] = linear(
    [
      [0, "#ffffff", 0.55],
      [0.3, "#ffffff", 0.15],
      [0.8, "#ffffff", 0.1],
      [1, "#ffffff", 0.45],
    ],
    0,
    0,
    1,
    0,
  );
  const server = `M${x - 120} ${y + 100} C${x - 150} ${y + 160} ${x - 150} ${y + 300} ${x - 100} ${y + 330} L${x + 100} ${y + 330} C${x + 150} ${y + 300} ${x + 150} ${y + 160} ${x + 120} ${y + 100} Z`;
  const clip = uid("srv");
  return (
    `<defs>${def}${glassDef}<clipPath id="${clip}"><path d="${server}"/></clipPath></defs>` +
    shadow(x + 20, y + 334, 170, 20) +
    `<path d="${server}" fill="#ffffff" opacity="0.3"/>` +
    `<g clip-path="url(#${clip})"><rect x="${x - 160}" y="${y + 230}" width="320" height="120" fill="#5a2f17"/><ellipse cx="${x}" cy="${y + 230}" rx="150" ry="14" fill="#7a4426"/></g>` +
    `<path d="${server}" fill="${glass}"/>` +
    `<path d="${server}" fill="none" stroke="#ffffff" stroke-width="5" opacity="0.85"/>` +
    `<path d="M${x + 132} ${y + 150} C${x + 200} ${y + 160} ${x + 200} ${y + 270} ${x + 128} ${y + 280}" stroke="#ffffff" stroke-width="14" fill="none" opacity="0.8"/>` +
    `<ellipse cx="${x}" cy="${y + 100}" rx="122" ry="20" fill="none" stroke="#ffffff" stroke-width="5" opacity="0.85"/>` +
    `<ellipse cx="${x}" cy="${y + 96}" rx="110" ry="18" fill="${dark}"/>` +
    `<path d="M${x - 140} ${y - 60} L${x - 52} ${y + 80} L${x + 52} ${y + 80} L${x + 140} ${y - 60} Z" fill="${fill}"/>` +
    `<path d="M${x - 40} ${y - 40} L${x - 30} ${y + 60} M${x} ${y - 44} V${y + 62} M${x + 40} ${y - 40} L${x + 30} ${y + 60}" stroke="#000" stroke-opacity="0.08" stroke-width="6"/>` +
    `<ellipse cx="${x}" cy="${y - 60}" rx="140" ry="30" fill="${light}"/>` +
    `<ellipse cx="${x}" cy="${y - 58}" rx="118" ry="22" fill="#f7f2ea"/>` +
    `<path d="M${x - 110} ${y - 60} L${x - 96} ${y - 84} L${x + 96} ${y - 84} L${x + 110} ${y - 60} Z" fill="#fbf8f2"/>` +
    `<ellipse cx="${x}" cy="${y - 54}" rx="80" ry="14" fill="#6a3a1d"/>` +
    `<path d="M${x + 126} ${y - 30} C${x + 190} ${y - 34} ${x + 190} ${y + 30} ${x + 100} ${y + 40}" stroke="${colour}" stroke-width="18" fill="none" stroke-linecap="round"/>`
  );
}

function pitcher(x: number, y: number, rot: number) {
  const [def, fill] = linear(
    [
      [0, "#f4f6f8"],
      [0.3, "#c9ced4"],
      [0.6, "#9aa1a9"],
      [1, "#6b727a"],
    ],
    0,
    0,
    1,
    0,
  );
  return (
    `<defs>${def}</defs><g transform="translate(${x} ${y}) rotate(${rot})">` +
    `<path d="M-80 -110 L80 -110 L100 110 Q0 124 -100 110 Z" fill="${fill}"/>` +
    `<path d="M-80 -110 L-118 -132 L-60 -118 Z" fill="#c9ced4"/>` +
    `<ellipse cx="0" cy="-110" rx="80" ry="14" fill="#e6e9ec"/>` +
    `<path d="M86 -60 C140 -56 140 40 94 50" stroke="#9aa1a9" stroke-width="16" fill="none" stroke-linecap="round"/>` +
    `<rect x="-60" y="-80" width="14" height="170" rx="7" fill="#fff" opacity="0.5"/>` +
    `</g>`
  );
}

// ─── The products ────────────────────────────────────────────────────────────

export const PRODUCT_ART: Record<string, Art> = {
  "yunnan-beans": {
    backdrop: BD.sky,
    draw: () =>
      pouch({
        x: 350,
        bottom: 640,
        body: "#2f5d8a",
        band: "#22476c",
        label: "#f4ead8",
        ink: "#22476c",
        title: "YUNNAN",
        sub: "云南小粒咖啡",
        note: "SINGLE ORIGIN · 250 g",
        motif: mountains(350, 352, "#22476c"),
      }) + beanPile(590, 640, 1.05),
  },

  "latte-voucher": {
    backdrop: BD.cream,
    draw: () =>
      ticket({
        x: 170,
        y: 150,
        rot: -8,
        color: "#2f6fb0",
        color2: "#4f95d8",
        kicker: "BLUE BEAN",
        title: "LATTE",
        sub: "拿铁兑换券",
        stub: "兑换券",
      }) +
      cup({ cx: 420, cy: 470, s: 0.92, color: "#f4f0ea", light: "#ffffff", dark: "#cfc6b8", art: "heart" }),
  },

  "drip-bags": {
    backdrop: BD.peach,
    draw: () =>
      shadow(380, 610, 230, 22) +
      sachet(250, 440, -14, "#2f5d8a", "#22476c") +
      sachet(380, 420, 0, "#c0603a", "#7a3a20") +
      sachet(510, 440, 14, "#3d7a5a", "#24523a") +
      cup({ cx: 600, cy: 560, s: 0.5, color: "#ffffff", light: "#ffffff", dark: "#d6d0c6", art: "black" }),
  },

  "americano-voucher": {
    backdrop: BD.sand,
    draw: () =>
      ticket({
        x: 110,
        y: 260,
        rot: 7,
        color: "#b5652e",
        color2: "#e09a5a",
        kicker: "BLUE BEAN",
        title: "AMERICANO",
        sub: "美式咖啡兑换券",
        stub: "兑换券",
      }) +
      takeaway({
        x: 560,
        bottom: 650,
        cup: "#f7f7f5",
        sleeve: "#c9a27a",
        lid: "#2f5d8a",
        logo: "#2f5d8a",
        logoInk: "#ffffff",
        mark: "蓝",
      }),
  },

  "yirgacheffe-beans": {
    backdrop: BD.lilac,
    draw: () =>
      pouch({
        x: 350,
        bottom: 640,
        body: "#efe6d6",
        band: "#c7a66b",
        label: "#6d4a86",
        ink: "#ffffff",
        title: "YIRGACHEFFE",
        sub: "耶加雪菲",
        note: "ETHIOPIA · LIGHT ROAST",
        motif: flower(320, 380, 56, "#f4e9ff", "#f2c14e", 10) + flower(388, 372, 40, "#e3d0f5", "#f2c14e", 40),
      }) +
      beanPile(590, 640, 1.0, "#8c5a34") +
      flower(640, 560, 44, "#ffffff", "#f2c14e", 20),
  },

  "espresso-blend": {
    backdrop: BD.stone,
    draw: () =>
      pouch({
        x: 330,
        bottom: 640,
        body: "#2b2725",
        band: "#171412",
        label: "#e8772e",
        ink: "#ffffff",
        title: "ESPRESSO",
        sub: "意式拼配",
        note: "HOUSE BLEND · DARK",
        motif:
          `<path d="M295 370 h70 v28 a35 35 0 0 1 -70 0 Z" fill="#ffffff"/>` +
          `<path d="M365 378 c22 0 22 26 0 26" stroke="#ffffff" stroke-width="7" fill="none"/>` +
          `<path d="M318 356 c-6 -10 6 -16 0 -26 M340 356 c-6 -10 6 -16 0 -26" stroke="#ffffff" stroke-width="5" fill="none" stroke-linecap="round"/>`,
      }) +
      beanPile(600, 660, 0.9, "#3e2314") +
      cup({ cx: 590, cy: 520, s: 0.42, color: "#ffffff", light: "#ffffff", dark: "#d5d0c8", art: "espresso" }),
  },

  "pour-over-set": {
    backdrop: BD.sage,
    draw: () => dripper(400, 300, "#f3f0ea", "#ffffff", "#cfc8bc") + beanPile(640, 650, 0.7),
  },

  "mooncake-box": {
    backdrop: BD.rose,
    draw: () =>
      box({
        x: 190,
        y: 330,
        w: 380,
        h: 210,
        d: 150,
        front: "#b3202a",
        top: "#d53a3f",
        side: "#8a1820",
        face:
          `<rect x="214" y="352" width="332" height="166" fill="none" stroke="#e8b84a" stroke-width="4"/>` +
          `<circle cx="380" cy="435" r="62" fill="#e8b84a"/>` +
          `<circle cx="380" cy="435" r="52" fill="none" stroke="#b3202a" stroke-width="3"/>` +
          text(380, 458, "月", { size: 64, fill: "#b3202a", serif: true, weight: 900 }) +
          text(236, 384, "花好月圆", { size: 22, fill: "#e8b84a", serif: true, weight: 700, anchor: "start" }),
      }) +
      mooncake(280, 600, 0.95) +
      mooncake(530, 630, 0.95),
  },

  "daily-nuts": {
    backdrop: BD.sage,
    draw: () => {
      const nuts: string[] = [];
      const spots: [number, number, number, number][] = [
        [-150, -6, 0, 10],
        [-110, -26, 1, -20],
        [-70, -8, 2, 30],
        [-30, -30, 0, 60],
        [10, -10, 1, 10],
        [50, -28, 2, -40],
        [90, -6, 0, -10],
        [130, -22, 1, 40],
        [-130, 14, 2, 0],
        [-80, 20, 1, 70],
        [-30, 12, 0, -30],
        [20, 22, 2, 20],
        [70, 14, 1, -60],
        [120, 16, 0, 30],
        [-60, -44, 1, 10],
        [0, -50, 0, -20],
        [60, -46, 2, 40],
      ];
      for (const [dx, dy, kind, rot] of spots) {
        const nx = 470 + dx;
        const ny = 460 + dy;
        nuts.push(kind === 0 ? almond(nx, ny, rot) : kind === 1 ? cashew(nx, ny, rot) : walnut(nx, ny, rot));
      }
      [
        [400, 440],
        [520, 430],
        [455, 475],
        [580, 462],
        [350, 470],
      ].forEach(([cx, cy]) => nuts.push(cranberry(cx, cy)));
      const [bowlDef, bowl] = cylinder("#eef2f7", "#ffffff", "#bfcad8");
      return (
        pouch({
          x: 160,
          bottom: 600,
          w: 220,
          h: 320,
          body: "#5a8d4a",
          band: "#3f6b33",
          label: "#fdf8ec",
          ink: "#3f6b33",
          title: "DAILY",
          sub: "每日坚果",
          valve: false,
          labelH: 150,
        }) +
        `<defs>${bowlDef}</defs>` +
        shadow(490, 640, 240, 26) +
        `<ellipse cx="470" cy="470" rx="230" ry="64" fill="#d3dce8"/>` +
        nuts.join("") +
        `<path d="M240 470 C250 580 340 640 470 642 C600 640 690 580 700 470 C660 520 560 534 470 534 C380 534 280 520 240 470 Z" fill="${bowl}"/>` +
        `<path d="M262 520 C330 566 610 566 678 520" stroke="#4a78b5" stroke-width="8" fill="none" opacity="0.8"/>` +
        `<path d="M280 548 C350 590 590 590 660 548" stroke="#4a78b5" stroke-width="3" fill="none" opacity="0.6"/>` +
        almond(660, 680, 20) +
        cashew(300, 690, -10)
      );
    },
  },

  truffles: {
    backdrop: BD.peach,
    draw: () => {
      // Tray corners: front-left, front-right, back-right, back-left.
      const fl = [180, 560];
      const fr = [560, 560];
      const br = [640, 370];
      const bl = [260, 370];
      const at = (u: number, v: number) => [
        fl[0] + (fr[0] - fl[0]) * u + (bl[0] - fl[0]) * v,
        fl[1] + (bl[1] - fl[1]) * v,
      ];
      const balls: string[] = [];
      for (let row = 2; row >= 0; row--) {
        for (let col = 0; col < 3; col++) {
          const [cx, cy] = at((col + 0.5) / 3, (row + 0.5) / 3);
          balls.push(truffle(cx, cy - 18, 38 - row * 3, (row + col) % 2 === 0));
        }
      }
      const lid = `<g transform="translate(300 150) rotate(-10)"><rect x="0" y="0" width="400" height="230" rx="10" fill="#4a2c1e"/><rect x="0" y="90" width="400" height="40" fill="#d8b15a"/><rect x="18" y="18" width="364" height="194" rx="6" fill="none" stroke="#d8b15a" stroke-width="3"/>${text(200, 72, "TRUFFLES", { size: 40, fill: "#f3e2bd", weight: 700, spacing: 8 })}${text(200, 178, "松露巧克力", { size: 36, fill: "#f3e2bd", serif: true, weight: 700 })}</g>`;
      return (
        shadow(400, 300, 220, 20, 0.15) +
        lid +
        shadow(430, 610, 280, 30) +
        `<path d="M${fl} L${fr} L${fr[0]} ${fr[1] + 40} L${fl[0]} ${fl[1] + 40} Z" fill="#3a2116"/>` +
        `<path d="M${fr} L${br} L${br[0]} ${br[1] + 40} L${fr[0]} ${fr[1] + 40} Z" fill="#2a170f"/>` +
        `<path d="M${fl} L${fr} L${br} L${bl} Z" fill="#5a3626"/>` +
        `<path d="M${fl[0] + 14} ${fl[1] - 8} L${fr[0] - 10} ${fr[1] - 8} L${br[0] - 12} ${br[1] + 8} L${bl[0] + 10} ${bl[1] + 8} Z" fill="#f1e4cc"/>` +
        balls.join("")
      );
    },
  },

  nougat: {
    backdrop: BD.rose,
    draw: () =>
      box({
        x: 170,
        y: 270,
        w: 300,
        h: 240,
        d: 110,
        front: "#d8b98f",
        top: "#e6cda8",
        side: "#b99469",
        face:
          `<rect x="200" y="320" width="240" height="130" rx="8" fill="#fdf6ea"/>` +
          text(320, 384, "牛轧糖", { size: 52, fill: "#b2432f", serif: true, weight: 800 }) +
          text(320, 424, "MILK NOUGAT", { size: 20, fill: "#b2432f", weight: 700, spacing: 4 }),
      }) +
      shadow(500, 650, 240, 24) +
      candy(420, 610, -8, "#f5ead6", "#c99a5e") +
      candy(600, 620, 12, "#f5ead6", "#b3263a") +
      candy(300, 640, 6, "#f5ead6", "#c99a5e") +
      candy(520, 560, -20, "#f5ead6", "#c99a5e") +
      candy(660, 560, 30, "#f5ead6", "#b3263a"),
  },

  "dried-mango": {
    backdrop: BD.lemon,
    draw: () =>
      pouch({
        x: 370,
        bottom: 630,
        w: 330,
        body: "#f2b632",
        band: "#d48e16",
        label: "#fffaf0",
        ink: "#d06a12",
        title: "MANGO",
        sub: "芒果干",
        valve: false,
        labelH: 160,
        motif: "",
      }) +
      // A clear window in the bag, showing the slices inside.
      `<ellipse cx="370" cy="535" rx="105" ry="56" fill="#fff7e0" opacity="0.5"/>` +
      mangoSlice(340, 530, -10, 0.85) +
      mangoSlice(400, 548, 15, 0.8) +
      `<ellipse cx="370" cy="535" rx="105" ry="56" fill="none" stroke="#ffffff" stroke-width="6"/>` +
      `<ellipse cx="330" cy="510" rx="36" ry="10" fill="#fff" opacity="0.45" transform="rotate(-15 330 510)"/>` +
      shadow(560, 660, 150, 16) +
      mangoSlice(520, 650, -5) +
      mangoSlice(620, 640, 20, 0.9) +
      mangoSlice(580, 680, -15, 0.95),
  },

  "egg-rolls": {
    backdrop: BD.gold,
    draw: () =>
      tin({
        x: 300,
        bottom: 560,
        w: 260,
        h: 330,
        body: "#c0302e",
        light: "#e35a50",
        dark: "#7a1a18",
        lid: "#d9a93a",
        lidLight: "#f6d67a",
        lidDark: "#8a6414",
        label:
          `<rect x="170" y="370" width="260" height="110" fill="#e8b84a"/>` +
          text(300, 432, "香酥蛋卷", { size: 46, fill: "#8a1a18", serif: true, weight: 900 }) +
          text(300, 466, "EGG ROLLS", { size: 20, fill: "#8a1a18", weight: 700, spacing: 5 }),
      }) +
      shadow(520, 690, 230, 22) +
      eggRoll(450, 650, 260, -4) +
      eggRoll(600, 660, 240, 6) +
      eggRoll(530, 590, 250, 2),
  },

  "tang-poems": {
    backdrop: BD.sand,
    draw: () => {
      const x = 220;
      const y = 150;
      const w = 330;
      const h = 460;
      const [mistDef, mist] = linear([
        [0, "#6f7a80"],
        [1, "#d9d7cf", 0],
      ]);
      return (
        `<defs>${mistDef}</defs>` +
        book({
          x,
          y,
          w,
          h,
          cover: "#f3ede0",
          spine: "#d9cdb5",
          art:
            `<circle cx="${x + 110}" cy="${y + 150}" r="40" fill="#d8553f" opacity="0.9"/>` +
            `<path d="M${x} ${y + 330} L${x + 60} ${y + 240} L${x + 110} ${y + 290} L${x + 190} ${y + 190} L${x + 270} ${y + 300} L${x + w} ${y + 260} L${x + w} ${y + h} L${x} ${y + h} Z" fill="${mist}"/>` +
            `<path d="M${x} ${y + 390} L${x + 90} ${y + 320} L${x + 150} ${y + 360} L${x + 230} ${y + 300} L${x + w} ${y + 370} L${x + w} ${y + h} L${x} ${y + h} Z" fill="#4f5a60" opacity="0.85"/>` +
            `<rect x="${x + w - 96}" y="${y + 36}" width="62" height="250" fill="#fbf8f1" stroke="#3a3a3a" stroke-width="2"/>` +
            vtext(x + w - 65, y + 88, "唐诗三百首", { size: 42, fill: "#222", serif: true, weight: 900, step: 46 }) +
            seal(x + w - 90, y + 296, 48, "图鉴") +
            text(x + 40, y + h - 30, "TANG POEMS · ILLUSTRATED", { size: 14, fill: "#fbf8f1", weight: 700, anchor: "start", spacing: 2 }),
        }) +
        `<g transform="translate(600 560) rotate(-20)"><path d="M0 0 C30 -40 60 -90 110 -120" stroke="#5a3a2a" stroke-width="7" fill="none"/>${flower(40, -46, 36, "#f6c6d0", "#c8465e", 10)}${flower(96, -108, 30, "#f6c6d0", "#c8465e", 40)}${flower(74, -70, 22, "#fbe0e6", "#c8465e", 0)}</g>`
      );
    },
  },

  "yunnan-travel": {
    backdrop: BD.mint,
    draw: () => {
      const x = 230;
      const y = 150;
      const w = 330;
      const h = 460;
      return book({
        x,
        y,
        w,
        h,
        cover: "#2f8f8a",
        spine: "#226a66",
        art:
          `<circle cx="${x + 240}" cy="${y + 220}" r="46" fill="#fbe3a0"/>` +
          `<path d="M${x} ${y + 330} L${x + 80} ${y + 230} L${x + 140} ${y + 290} L${x + 220} ${y + 200} L${x + w} ${y + 300} L${x + w} ${y + h} L${x} ${y + h} Z" fill="#1f6f6a"/>` +
          `<path d="M${x} ${y + 370} C${x + 100} ${y + 340} ${x + 220} ${y + 360} ${x + w} ${y + 340} L${x + w} ${y + h} L${x} ${y + h} Z" fill="#7cbf6a"/>` +
          [0, 1, 2, 3].map((i) => `<path d="M${x} ${y + 392 + i * 18} C${x + 100} ${y + 370 + i * 18} ${x + 220} ${y + 388 + i * 18} ${x + w} ${y + 366 + i * 18}" stroke="#5ea24e" stroke-width="4" fill="none"/>`).join("") +
          text(x + 40, y + 86, "Slow Days", { size: 44, fill: "#ffffff", serif: true, weight: 700, anchor: "start" }) +
          text(x + 40, y + 134, "in Yunnan", { size: 44, fill: "#ffffff", serif: true, weight: 700, anchor: "start" }) +
          text(x + 40, y + 180, "云南慢时光", { size: 30, fill: "#fbe3a0", serif: true, weight: 700, anchor: "start" }),
      }) + `<g transform="translate(620 600) rotate(12)"><rect x="-60" y="-40" width="120" height="80" rx="6" fill="#fff"/><rect x="-52" y="-32" width="104" height="50" fill="#9fd1e6"/><path d="M-52 18 L-20 -10 L0 6 L24 -16 L52 18 Z" fill="#4e8f5a"/></g>`;
    },
  },

  "panda-picture-book": {
    backdrop: BD.lemon,
    draw: () => {
      const x = 210;
      const y = 170;
      const w = 380;
      const h = 430;
      return book({
        x,
        y,
        w,
        h,
        d: 30,
        cover: "#f7c948",
        spine: "#d9a92a",
        art:
          `<circle cx="${x + 60}" cy="${y + 380}" r="90" fill="#fbe08a"/>` +
          `<circle cx="${x + w - 30}" cy="${y + 120}" r="70" fill="#fbe08a"/>` +
          text(x + w / 2 + 10, y + 72, "小熊猫上学记", { size: 46, fill: "#5a2d12", serif: true, weight: 900 }) +
          redPanda(x + w / 2 + 10, y + 250) +
          text(x + w / 2 + 10, y + h - 28, "Little Panda Goes to School", { size: 20, fill: "#5a2d12", weight: 700 }),
      });
    },
  },

  "home-cooking": {
    backdrop: BD.peach,
    draw: () => {
      const x = 230;
      const y = 150;
      const w = 330;
      const h = 460;
      return book({
        x,
        y,
        w,
        h,
        cover: "#c23b2b",
        spine: "#8f2a1f",
        art:
          text(x + w / 2 + 8, y + 100, "家常菜谱", { size: 66, fill: "#ffffff", serif: true, weight: 900 }) +
          text(x + w / 2 + 8, y + 140, "HOME COOKING", { size: 20, fill: "#ffd9a8", weight: 700, spacing: 6 }) +
          `<path d="M${x + 140} ${y + 200} c-10 -20 10 -30 0 -50 M${x + 175} ${y + 200} c-10 -20 10 -30 0 -50 M${x + 210} ${y + 200} c-10 -20 10 -30 0 -50" stroke="#ffd9a8" stroke-width="5" fill="none" stroke-linecap="round" opacity="0.8"/>` +
          `<ellipse cx="${x + w / 2 + 8}" cy="${y + 250}" rx="120" ry="30" fill="#f7efe2"/>` +
          `<ellipse cx="${x + w / 2 + 8}" cy="${y + 250}" rx="104" ry="22" fill="#f1c27a"/>` +
          `<path d="M${x + 90} ${y + 248} c20 -10 30 10 50 0 s30 10 50 0 s30 10 50 0" stroke="#e0a94e" stroke-width="5" fill="none"/>` +
          `<circle cx="${x + 150}" cy="${y + 244}" r="10" fill="#4f8f3a"/><circle cx="${x + 200}" cy="${y + 240}" r="12" fill="#c2472b"/>` +
          `<path d="M${x + 52} ${y + 250} C${x + 60} ${y + 340} ${x + 120} ${y + 370} ${x + w / 2 + 8} ${y + 372} C${x + 230} ${y + 370} ${x + 290} ${y + 340} ${x + 296} ${y + 250} Z" fill="#f7efe2"/>` +
          `<path d="M${x + 80} ${y + 300} C${x + 140} ${y + 330} ${x + 220} ${y + 330} ${x + 270} ${y + 300}" stroke="#2f5d8a" stroke-width="6" fill="none"/>` +
          `<path d="M${x + 250} ${y + 170} L${x + 330} ${y + 280} M${x + 268} ${y + 160} L${x + 340} ${y + 266}" stroke="#6b4326" stroke-width="8" stroke-linecap="round"/>`,
      });
    },
  },

  "fountain-pen": {
    backdrop: BD.navy,
    draw: () =>
      `<g transform="translate(400 420) rotate(-6)">` +
      `<rect x="-260" y="-200" width="520" height="380" rx="6" fill="#000" opacity="0.12" filter="url(#blur4)" transform="translate(10 14)"/>` +
      `<rect x="-260" y="-200" width="520" height="380" rx="6" fill="#fbf8f1"/>` +
      Array.from({ length: 8 }, (_, i) => `<line x1="-230" y1="${-150 + i * 42}" x2="230" y2="${-150 + i * 42}" stroke="#c9d6e6" stroke-width="2"/>`).join("") +
      text(-210, -80, "见字如面", { size: 58, fill: "#1f3b6b", serif: true, weight: 500, anchor: "start" }) +
      text(-210, -4, "Dear friend,", { size: 40, fill: "#1f3b6b", serif: true, italic: true, anchor: "start" }) +
      `</g>` +
      pen(420, 520, -24, 1),
  },

  "linen-notebook": {
    backdrop: BD.stone,
    draw: () => {
      const linen = (x: number, y: number, w: number, h: number) =>
        Array.from({ length: Math.floor(h / 8) }, (_, i) => `<line x1="${x}" y1="${y + i * 8}" x2="${x + w}" y2="${y + i * 8}" stroke="#fff" stroke-opacity="0.08" stroke-width="2"/>`).join("") +
        Array.from({ length: Math.floor(w / 8) }, (_, i) => `<line x1="${x + i * 8}" y1="${y}" x2="${x + i * 8}" y2="${y + h}" stroke="#000" stroke-opacity="0.05" stroke-width="2"/>`).join("");
      const x = 250;
      const y = 130;
      const w = 300;
      const h = 420;
      return (
        book({
          x,
          y,
          w,
          h,
          d: 30,
          cover: "#5f7f99",
          spine: "#4a6680",
          art:
            linen(x, y, w, h) +
            `<rect x="${x + 70}" y="${y + 120}" width="170" height="90" rx="6" fill="none" stroke="#dfe8f0" stroke-width="3"/>` +
            text(x + 155, y + 164, "NOTES", { size: 30, fill: "#dfe8f0", weight: 700, spacing: 8 }) +
            text(x + 155, y + 198, "笔记", { size: 22, fill: "#dfe8f0", serif: true, weight: 600 }) +
            `<rect x="${x + w - 44}" y="${y}" width="16" height="${h}" fill="#2b2b2b"/>`,
        }) +
        `<path d="M${x + 200} ${y + h} l0 90 l14 -14 l14 14 l0 -90 Z" fill="#c23b2b"/>` +
        // A second notebook lying in front.
        `<g transform="translate(150 600)">` +
        shadow(260, 40, 300, 24) +
        `<path d="M0 40 L440 40 L440 58 L0 58 Z" fill="#efe7d8"/>` +
        `<path d="M440 40 L520 -40 L520 -22 L440 58 Z" fill="#e2d8c6"/>` +
        `<path d="M0 40 L80 -40 L520 -40 L440 40 Z" fill="#b9644a"/>` +
        `<path d="M380 40 L460 -40 L476 -40 L396 40 Z" fill="#2b2b2b"/>` +
        `<path d="M0 40 L80 -40 L520 -40 L440 40 Z" fill="#fff" opacity="0.06"/>` +
        `</g>`
      );
    },
  },

  "jade-bangle": {
    backdrop: BD.jade,
    draw: () => {
      const [jadeDef, jade] = radial(
        [
          [0, "#f1fbf4"],
          [0.45, "#b9e0c4"],
          [0.8, "#7fbf95"],
          [1, "#4f9a6f"],
        ],
        0.35,
        0.3,
        0.8,
      );
      const [cushionDef, cushion] = radial(
        [
          [0, "#e05a5a"],
          [1, "#8f1f24"],
        ],
        0.4,
        0.3,
        0.8,
      );
      const ring = (dx: number, dy: number) =>
        `M${400 + dx} ${200 + dy} a190 200 0 1 0 0.1 0 Z M${400 + dx} ${256 + dy} a142 146 0 1 1 -0.1 0 Z`;
      const clip = uid("ring");
      return (
        `<defs>${jadeDef}${cushionDef}<clipPath id="${clip}"><path d="${ring(0, 0)}" clip-rule="evenodd"/></clipPath></defs>` +
        shadow(410, 640, 300, 40, 0.3) +
        `<path d="M120 600 C120 520 680 520 680 600 C680 680 120 680 120 600 Z" fill="${cushion}"/>` +
        `<path d="M160 580 C300 550 520 550 640 580" stroke="#fff" stroke-opacity="0.25" stroke-width="6" fill="none"/>` +
        `<g transform="rotate(-8 400 400)">` +
        `<path d="${ring(16, 6)}" fill="#3f7f5a" fill-rule="evenodd"/>` +
        `<path d="${ring(0, 0)}" fill="${jade}" fill-rule="evenodd"/>` +
        `<g clip-path="url(#${clip})">` +
        `<ellipse cx="260" cy="470" rx="70" ry="30" fill="#5fae7c" opacity="0.45" transform="rotate(50 260 470)"/>` +
        `<ellipse cx="540" cy="300" rx="60" ry="22" fill="#5fae7c" opacity="0.35" transform="rotate(60 540 300)"/>` +
        `<ellipse cx="470" cy="580" rx="50" ry="18" fill="#ffffff" opacity="0.3"/>` +
        `<path d="M250 300 C270 250 320 222 380 214" stroke="#ffffff" stroke-width="14" fill="none" opacity="0.7" stroke-linecap="round"/>` +
        `<path d="M560 460 C556 520 520 560 470 580" stroke="#ffffff" stroke-width="8" fill="none" opacity="0.4" stroke-linecap="round"/>` +
        `</g></g>`
      );
    },
  },

  "pearl-earrings": {
    backdrop: BD.navy,
    draw: () => {
      const hook = (x: number) =>
        `<path d="M${x} 350 C${x} 300 ${x - 40} 280 ${x - 40} 250 C${x - 40} 220 ${x + 10} 212 ${x + 20} 240" stroke="#dfe3e8" stroke-width="7" fill="none" stroke-linecap="round"/>` +
        `<circle cx="${x}" cy="354" r="10" fill="#c9ced4"/>`;
      return (
        shadow(420, 650, 250, 26) +
        `<rect x="170" y="170" width="460" height="470" rx="24" fill="#22325a"/>` +
        `<rect x="190" y="190" width="420" height="430" rx="16" fill="none" stroke="#c9a85a" stroke-width="2" opacity="0.6"/>` +
        `<path d="M170 560 L630 560 L630 616 Q630 640 606 640 L194 640 Q170 640 170 616 Z" fill="#1a274a"/>` +
        text(400, 610, "FRESHWATER PEARL · 淡水珍珠", { size: 20, fill: "#c9a85a", weight: 600, spacing: 2 }) +
        hook(310) +
        hook(490) +
        pearl(310, 420, 62) +
        pearl(490, 420, 62)
      );
    },
  },

  "gold-pendant": {
    backdrop: BD.gold,
    draw: () => {
      const [g1, goldFill] = gold();
      const [g2, goldRing] = linear(
        [
          [0, "#8a6414"],
          [0.5, "#f6d67a"],
          [1, "#8a6414"],
        ],
        0,
        0,
        1,
        1,
      );
      return (
        `<defs>${g1}${g2}</defs>` +
        `<path d="M130 60 C150 300 300 300 400 300 C500 300 650 300 670 60" stroke="#a3211f" stroke-width="12" fill="none"/>` +
        `<path d="M130 60 C150 300 300 300 400 300 C500 300 650 300 670 60" stroke="#e35a50" stroke-width="4" fill="none" opacity="0.6" stroke-dasharray="2 10"/>` +
        `<circle cx="230" cy="262" r="14" fill="${goldFill}"/><circle cx="570" cy="262" r="14" fill="${goldFill}"/>` +
        shadow(410, 640, 160, 20, 0.2) +
        `<ellipse cx="400" cy="318" rx="22" ry="30" fill="none" stroke="${goldRing}" stroke-width="12"/>` +
        `<circle cx="406" cy="482" r="150" fill="#8a6414" opacity="0.5"/>` +
        `<circle cx="400" cy="476" r="150" fill="${goldFill}"/>` +
        `<circle cx="400" cy="476" r="124" fill="none" stroke="#8a6414" stroke-width="4" opacity="0.6"/>` +
        `<circle cx="400" cy="476" r="116" fill="none" stroke="#fff1b8" stroke-width="2" opacity="0.7"/>` +
        text(404, 546, "福", { size: 170, fill: "#fff1b8", serif: true, weight: 900, opacity: 0.7 }) +
        text(400, 542, "福", { size: 170, fill: "#a77a1c", serif: true, weight: 900 }) +
        `<ellipse cx="340" cy="400" rx="50" ry="20" fill="#fff" opacity="0.35" transform="rotate(-35 340 400)"/>`
      );
    },
  },

  longjing: {
    backdrop: BD.mint,
    draw: () =>
      tin({
        x: 320,
        bottom: 620,
        w: 240,
        h: 400,
        body: "#4f8a4c",
        light: "#86c07a",
        dark: "#2b5a2c",
        lid: "#3f7240",
        lidLight: "#6fa866",
        lidDark: "#1f3f20",
        label:
          `<rect x="250" y="330" width="140" height="250" rx="6" fill="#f6f0dc"/>` +
          vtext(320, 410, "龙井", { size: 78, fill: "#24401f", serif: true, weight: 900, step: 84 }) +
          seal(354, 532, 30, "明前") +
          text(300, 568, "WEST LAKE", { size: 15, fill: "#24401f", weight: 700, spacing: 2 }),
      }) +
      teaCup(590, 660, 1, "#f7f4ec", "#ffffff", "#cfc8b6", "#d6cf72") +
      leaf(520, 560, -30, 0.9) +
      leaf(470, 660, 20, 0.8, "#6d9c45") +
      leaf(680, 560, 40, 0.7, "#7aa850"),
  },

  tieguanyin: {
    backdrop: BD.jade,
    draw: () =>
      tin({
        x: 350,
        bottom: 610,
        w: 320,
        h: 300,
        body: "#1f5f6b",
        light: "#4e97a2",
        dark: "#0c343b",
        lid: "#caa04a",
        lidLight: "#f2d88a",
        lidDark: "#7a5c1c",
        label:
          `<rect x="190" y="420" width="320" height="110" fill="#caa04a"/>` +
          `<rect x="190" y="428" width="320" height="94" fill="none" stroke="#1f5f6b" stroke-width="2"/>` +
          text(350, 492, "铁观音", { size: 60, fill: "#123a42", serif: true, weight: 900 }) +
          text(350, 396, "ANXI OOLONG", { size: 20, fill: "#f2d88a", weight: 700, spacing: 6 }),
      }) +
      shadow(610, 668, 120, 14) +
      [
        [560, 650, 16],
        [596, 664, 15],
        [632, 650, 17],
        [668, 664, 14],
        [578, 626, 14],
        [616, 628, 16],
        [652, 630, 13],
        [598, 606, 13],
        [700, 650, 13],
      ]
        .map(([x, y, r]) => oolongBall(x, y, r))
        .join("") +
      leaf(650, 560, -20, 0.8, "#4e7a33"),
  },

  "puer-cake": {
    backdrop: BD.tea,
    draw: () => {
      const [paperDef, paper] = radial(
        [
          [0, "#fbf5e6"],
          [0.8, "#efe3c8"],
          [1, "#d9c8a4"],
        ],
        0.45,
        0.4,
        0.7,
      );
      const creases = Array.from({ length: 28 }, (_, i) => {
        const a = (i / 28) * Math.PI * 2;
        const r1 = 0.2 + (i % 3) * 0.05;
        return `<line x1="${400 + Math.cos(a) * 250 * r1}" y1="${430 + Math.sin(a) * 110 * r1}" x2="${400 + Math.cos(a) * 240}" y2="${430 + Math.sin(a) * 104}" stroke="#b9a57e" stroke-width="2" opacity="0.55"/>`;
      }).join("");
      return (
        `<defs>${paperDef}</defs>` +
        `<path d="M130 610 C240 540 560 540 680 610 C560 690 240 690 130 610 Z" fill="#8ca35a" opacity="0.85"/>` +
        `<path d="M140 610 C300 600 500 600 670 610" stroke="#6f8a40" stroke-width="4" fill="none"/>` +
        shadow(420, 520, 280, 40, 0.3) +
        `<path d="M150 430 V470 A250 112 0 0 0 650 470 V430 Z" fill="#d8c7a2"/>` +
        `<path d="M150 430 V470 A250 112 0 0 0 650 470 V430 Z" fill="#000" opacity="0.08"/>` +
        `<ellipse cx="400" cy="430" rx="250" ry="110" fill="${paper}"/>` +
        creases +
        `<ellipse cx="400" cy="430" rx="18" ry="8" fill="#c9b48a"/>` +
        `<g transform="translate(400 430) scale(1 0.44)">` +
        `<circle r="190" fill="none" stroke="#b3262a" stroke-width="8"/>` +
        `<circle r="172" fill="none" stroke="#b3262a" stroke-width="3"/>` +
        text(0, 56, "普洱", { size: 150, fill: "#b3262a", serif: true, weight: 900 }) +
        text(0, -92, "云南七子饼茶", { size: 36, fill: "#b3262a", serif: true, weight: 700 }) +
        text(0, 122, "MENGHAI · 357 g", { size: 22, fill: "#b3262a", weight: 700, spacing: 4 }) +
        `</g>` +
        blackTeaCurl(610, 640, -20) +
        blackTeaCurl(660, 660, 30) +
        blackTeaCurl(190, 650, 10)
      );
    },
  },

  "jasmine-pearls": {
    backdrop: BD.sage,
    draw: () =>
      jasmineJar(350, 630) +
      leaf(590, 610, -30, 0.8, "#4f8a3a") +
      leaf(660, 640, 30, 0.7, "#5f9a48") +
      flower(580, 640, 46, "#ffffff", "#f2d24e", 10) +
      flower(670, 590, 36, "#fbfbf6", "#f2d24e", 30) +
      flower(520, 680, 30, "#ffffff", "#f2d24e", 0),
  },

  dianhong: {
    backdrop: BD.tea,
    draw: () =>
      pouch({
        x: 330,
        bottom: 630,
        w: 300,
        body: "#c89f6e",
        band: "#a47a48",
        label: "#a8322b",
        ink: "#f7e7c6",
        title: "DIANHONG",
        sub: "凤庆滇红",
        valve: false,
        labelH: 230,
        note: "",
        motif:
          `<g transform="translate(330 340)">${leaf(0, 0, -30, 0.8, "#e0a73e", "#a8322b")}</g>`,
      }) +
      teaCup(590, 660, 1, "#fbf8f2", "#ffffff", "#d8cfbf", "#b4441f") +
      blackTeaCurl(520, 690, -10) +
      blackTeaCurl(660, 690, 20) +
      blackTeaCurl(700, 640, -40),
  },

  "gongfu-set": {
    backdrop: BD.mint,
    draw: () =>
      `<path d="M110 600 L690 600 L640 520 L160 520 Z" fill="#b98a52"/>` +
      `<path d="M110 600 L690 600 L690 630 L110 630 Z" fill="#8a6236"/>` +
      Array.from({ length: 9 }, (_, i) => `<line x1="${160 + i * 60}" y1="522" x2="${120 + i * 68}" y2="598" stroke="#8a6236" stroke-width="3" opacity="0.6"/>`).join("") +
      teapot(330, 440, "#8fc3ad", "#d5efe3", "#4f8a73") +
      teaCup(535, 585, 0.78, "#9ccbb6", "#dff2e8", "#5f9680", "#c98a2e") +
      teaCup(645, 590, 0.78, "#9ccbb6", "#dff2e8", "#5f9680", "#c98a2e"),
  },

  "calligraphy-class": {
    backdrop: BD.sand,
    draw: () => {
      const grid =
        `<rect x="-150" y="-150" width="300" height="300" fill="none" stroke="#d9534f" stroke-width="3" opacity="0.6"/>` +
        `<path d="M-150 0 H150 M0 -150 V150 M-150 -150 L150 150 M150 -150 L-150 150" stroke="#d9534f" stroke-width="2" stroke-dasharray="10 8" opacity="0.4"/>`;
      return (
        `<g transform="translate(340 370) rotate(-4)">` +
        `<rect x="-210" y="-250" width="420" height="500" fill="#000" opacity="0.12" filter="url(#blur4)" transform="translate(10 14)"/>` +
        `<rect x="-210" y="-250" width="420" height="500" fill="#f8f2e2"/>` +
        `<g transform="translate(0 -30)">${grid}${text(0, 100, "永", { size: 280, fill: "#1b1b1b", serif: true, weight: 900 })}</g>` +
        seal(-180, -228, 54, "明途") +
        text(-170, 200, "书法体验课", { size: 28, fill: "#555", serif: true, weight: 600, anchor: "start" }) +
        `</g>` +
        shadow(640, 660, 110, 18) +
        `<rect x="540" y="560" width="200" height="100" rx="24" fill="#3a3d40"/>` +
        `<ellipse cx="640" cy="600" rx="72" ry="28" fill="#111"/>` +
        `<ellipse cx="620" cy="592" rx="26" ry="7" fill="#fff" opacity="0.3"/>` +
        `<g transform="translate(600 420) rotate(38)">` +
        `<rect x="-14" y="-230" width="28" height="300" rx="12" fill="#c9a063"/>` +
        `<rect x="-15" y="-150" width="30" height="6" fill="#9c7434"/><rect x="-15" y="-60" width="30" height="6" fill="#9c7434"/>` +
        `<rect x="-16" y="60" width="32" height="24" rx="4" fill="#7a2a1f"/>` +
        `<path d="M-16 84 C-20 130 -6 170 0 196 C6 170 20 130 16 84 Z" fill="#1b1b1b"/>` +
        `</g>`
      );
    },
  },

  "latte-art-class": {
    backdrop: BD.cream,
    draw: () =>
      cup({ cx: 370, cy: 500, s: 0.9, color: "#2f5d8a", light: "#5d8fc0", dark: "#1f3f60", saucer: "#2f5d8a", art: "rosetta" }) +
      `<path d="M470 250 C430 300 400 360 380 500" stroke="#f8ecdc" stroke-width="16" fill="none" stroke-linecap="round"/>` +
      pitcher(560, 200, -48) +
      `<g transform="translate(130 150) rotate(-8)"><rect width="190" height="90" rx="12" fill="#c23b2b"/>${text(95, 40, "WORKSHOP", { size: 20, fill: "#fff", weight: 800, spacing: 3 })}${text(95, 74, "咖啡拉花课", { size: 26, fill: "#fff", serif: true, weight: 700 })}</g>`,
  },
};
