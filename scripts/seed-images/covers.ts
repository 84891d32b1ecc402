// Shop covers (1200×480): the shop's Chinese name, faint, and three of its products on
// the table. Keys as in prisma/seed/catalogue.ts (SHOPS).
import type { ShopKey } from "../../prisma/seed/catalogue.ts";
import { coverFrame } from "./kit.ts";
import { PRODUCT_ART } from "./products.ts";

type Cover = {
  backdrop: { top: string; bottom: string; table: string; accent: string };
  name: string;
  items: { product: string; x: number; scale: number; y?: number }[];
};

export const COVER_ART: Record<ShopKey, Cover> = {
  coffee: {
    backdrop: { top: "#eaf1f8", bottom: "#bcd0e6", table: "#a9c2de", accent: "#2f5d8a" },
    name: "蓝豆咖啡",
    items: [
      { product: "yunnan-beans", x: 560, scale: 0.53 },
      { product: "latte-voucher", x: 820, scale: 0.52 },
      { product: "drip-bags", x: 1030, scale: 0.47 },
    ],
  },
  snacks: {
    backdrop: { top: "#fbeef0", bottom: "#ecc8cf", table: "#e2b3bd", accent: "#b3202a" },
    name: "甜窝零食",
    items: [
      { product: "mooncake-box", x: 560, scale: 0.52 },
      { product: "truffles", x: 820, scale: 0.47 },
      { product: "dried-mango", x: 1030, scale: 0.50 },
    ],
  },
  books: {
    backdrop: { top: "#f7f1e6", bottom: "#dfd0b5", table: "#d2bf9c", accent: "#5a3a2a" },
    name: "墨香书店",
    items: [
      { product: "tang-poems", x: 560, scale: 0.52 },
      { product: "panda-picture-book", x: 800, scale: 0.50 },
      { product: "fountain-pen", x: 1030, scale: 0.47, y: 445 },
    ],
  },
  jewelry: {
    backdrop: { top: "#eef5f1", bottom: "#c6ddd1", table: "#b2d0c0", accent: "#3f7f5a" },
    name: "玉月珠宝",
    items: [
      { product: "jade-bangle", x: 580, scale: 0.50 },
      { product: "pearl-earrings", x: 830, scale: 0.47 },
      { product: "gold-pendant", x: 1040, scale: 0.47 },
    ],
  },
  tea: {
    backdrop: { top: "#eef6ef", bottom: "#c9dfcd", table: "#b5d2bb", accent: "#2b5a2c" },
    name: "云峰茶庄",
    items: [
      { product: "longjing", x: 520, scale: 0.52 },
      { product: "gongfu-set", x: 780, scale: 0.48 },
      { product: "puer-cake", x: 1030, scale: 0.45, y: 430 },
    ],
  },
  education: {
    backdrop: { top: "#f7f1e6", bottom: "#e2d2b6", table: "#d6c29f", accent: "#7a2a1f" },
    name: "明途学堂",
    items: [
      { product: "calligraphy-class", x: 640, scale: 0.53 },
      { product: "latte-art-class", x: 960, scale: 0.52 },
    ],
  },
};

export function coverSvg(key: ShopKey): string {
  const c = COVER_ART[key];
  return coverFrame(
    c.backdrop,
    c.name,
    c.items.map((it) => {
      const art = PRODUCT_ART[it.product];
      if (!art) throw new Error(`cover ${key}: no drawing for product ${it.product}`);
      return { draw: art.draw, x: it.x, scale: it.scale, y: it.y };
    }),
  );
}
