// Draws the demo seed's product images and shop covers from the SVG sources in this
// folder and writes them as WebP:
//   public/products/<product key>.webp   800×800
//   public/shops/<shop key>.webp         1200×480
// Run: npx tsx scripts/seed-images/make.ts [--sheet] [key ...]
//   --sheet   also write PNG contact sheets to .tmp/seed-images/ for a quick look
//   key ...   only these products / shops
// Text is set in Noto CJK (Debian: apt-get install fonts-noto-cjk); the script stops if
// the font is missing rather than writing images with empty boxes for Chinese.
import { execFileSync } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import sharp from "sharp";
import { PRODUCTS, SHOPS, productImageUrl, shopCoverUrl } from "../../prisma/seed/catalogue.ts";
import { COVER_ART, coverSvg } from "./covers.ts";
import { productFrame } from "./kit.ts";
import { PRODUCT_ART } from "./products.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const MAX_BYTES = 60 * 1024;

function checkFonts() {
  let families = "";
  try {
    families = execFileSync("fc-list", [":lang=zh", "family"], { encoding: "utf8" });
  } catch {
    /* no fontconfig tools: fall through */
  }
  if (!/Noto (Sans|Serif) CJK SC/.test(families)) {
    throw new Error("Noto CJK fonts not found. Install them first: apt-get install -y fonts-noto-cjk");
  }
}

/** WebP at the best quality that fits under MAX_BYTES. */
async function toWebp(svg: string): Promise<Buffer> {
  const png = await sharp(Buffer.from(svg)).png().toBuffer();
  for (let q = 84; q >= 50; q -= 6) {
    const out = await sharp(png).webp({ quality: q, effort: 6, smartSubsample: true }).toBuffer();
    if (out.length <= MAX_BYTES) return out;
  }
  throw new Error("image does not fit in 60 KB even at quality 50");
}

async function main() {
  const args = process.argv.slice(2);
  const sheet = args.includes("--sheet");
  const only = new Set(args.filter((a) => !a.startsWith("--")));
  const wanted = (key: string) => only.size === 0 || only.has(key);
  checkFonts();

  const missing = PRODUCTS.filter((p) => !PRODUCT_ART[p.key]).map((p) => p.key);
  if (missing.length) throw new Error(`no drawing for products: ${missing.join(", ")}`);
  const unused = Object.keys(PRODUCT_ART).filter((k) => !PRODUCTS.some((p) => p.key === k));
  if (unused.length) console.warn(`drawings without a product: ${unused.join(", ")}`);

  const previews: { name: string; png: Buffer; w: number; h: number }[] = [];
  let total = 0;

  for (const p of PRODUCTS.filter((x) => wanted(x.key))) {
    const art = PRODUCT_ART[p.key];
    const svg = productFrame(art.backdrop, art.draw());
    const webp = await toWebp(svg);
    const file = path.join(ROOT, "public", productImageUrl(p.key));
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, webp);
    total += webp.length;
    console.log(`${path.relative(ROOT, file).padEnd(40)} ${(webp.length / 1024).toFixed(1)} KB`);
    if (sheet) previews.push({ name: p.key, png: await sharp(webp).png().toBuffer(), w: 800, h: 800 });
  }

  for (const s of SHOPS.filter((x) => wanted(x.key))) {
    if (!COVER_ART[s.key]) throw new Error(`no cover for shop ${s.key}`);
    const webp = await toWebp(coverSvg(s.key));
    const file = path.join(ROOT, "public", shopCoverUrl(s.key));
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, webp);
    total += webp.length;
    console.log(`${path.relative(ROOT, file).padEnd(40)} ${(webp.length / 1024).toFixed(1)} KB`);
    if (sheet) previews.push({ name: s.key, png: await sharp(webp).png().toBuffer(), w: 1200, h: 480 });
  }
  console.log(`total ${(total / 1024).toFixed(0)} KB`);

  if (sheet) {
    const dir = path.join(ROOT, ".tmp", "seed-images");
    await mkdir(dir, { recursive: true });
    const tiles = previews.filter((p) => p.w === 800);
    const covers = previews.filter((p) => p.w !== 800);
    const T = 300;
    for (let page = 0; page * 12 < tiles.length; page++) {
      const chunk = tiles.slice(page * 12, page * 12 + 12);
      const composite = await Promise.all(
        chunk.map(async (t, i) => ({
          input: await sharp(t.png).resize(T, T).toBuffer(),
          left: (i % 4) * T,
          top: Math.floor(i / 4) * T,
        })),
      );
      await sharp({ create: { width: 4 * T, height: Math.ceil(chunk.length / 4) * T, channels: 3, background: "#fff" } })
        .composite(composite)
        .png()
        .toFile(path.join(dir, `products-${page + 1}.png`));
    }
    if (covers.length) {
      const composite = await Promise.all(
        covers.map(async (c, i) => ({ input: await sharp(c.png).resize(600, 240).toBuffer(), left: (i % 2) * 600, top: Math.floor(i / 2) * 240 })),
      );
      await sharp({ create: { width: 1200, height: Math.ceil(covers.length / 2) * 240, channels: 3, background: "#fff" } })
        .composite(composite)
        .png()
        .toFile(path.join(dir, "covers.png"));
    }
    console.log(`contact sheets in ${path.relative(ROOT, dir)}/`);
  }
}

await main();
