// Lanbao's demo data: people, shops, products, friendships and chats that a fresh
// database gets on every start of the dev server (see ./index.ts). Plain constants only.
// Every seeded row gets a fixed id derived from these keys, so seeding twice is a no-op.
// Product images live in public/products/<key>.webp and shop covers in
// public/shops/<key>.webp; scripts/seed-images/make.ts draws them from these keys.

export const DEMO_PASSWORD = "lanbao-demo";

// ─── People ──────────────────────────────────────────────────────────────────

export type UserKey = "sender" | "recipient" | "merchant" | "chen" | "zhao";

export type SeedUser = { key: UserKey; email: string; name: string; lanbaoId: string };

export const USERS: readonly SeedUser[] = [
  { key: "sender", email: "sender@lanbao.test", name: "Li Wei 李伟", lanbaoId: "lbsender01" },
  { key: "recipient", email: "recipient@lanbao.test", name: "Wang Fang 王芳", lanbaoId: "lbrecipnt1" },
  { key: "merchant", email: "merchant@lanbao.test", name: "Zhang Min 张敏", lanbaoId: "lbmerchnt1" },
  { key: "chen", email: "chen@lanbao.test", name: "Chen Jie 陈杰", lanbaoId: "lbchenjie1" },
  { key: "zhao", email: "zhao@lanbao.test", name: "Zhao Lei 赵蕾", lanbaoId: "lbzhaolei1" },
];

/** Accepted friendships: [requester, the friend who accepted]. */
export const FRIENDSHIPS: readonly (readonly [UserKey, UserKey])[] = [
  ["sender", "recipient"],
  ["sender", "chen"],
  ["zhao", "sender"],
  ["recipient", "chen"],
  ["recipient", "zhao"],
  ["chen", "zhao"],
  ["merchant", "sender"],
];

// ─── Catalogue ───────────────────────────────────────────────────────────────

export type CategorySlug =
  | "coffee"
  | "tea"
  | "snacks"
  | "sweets"
  | "books"
  | "stationery"
  | "jewelry"
  | "education";

/** Display names come from the i18n messages (categories.<slug>). */
export const CATEGORIES: readonly { slug: CategorySlug; giftEligible: boolean }[] = [
  { slug: "coffee", giftEligible: true },
  { slug: "tea", giftEligible: true },
  { slug: "snacks", giftEligible: true },
  { slug: "sweets", giftEligible: true },
  { slug: "books", giftEligible: true },
  { slug: "stationery", giftEligible: true },
  // Gifting rules: jewelry (珠宝首饰) and education/training (教育培训) are never giftable.
  { slug: "jewelry", giftEligible: false },
  { slug: "education", giftEligible: false },
];

export type ShopKey = "coffee" | "snacks" | "books" | "jewelry" | "tea" | "education";

export type SeedShop = { key: ShopKey; slug: string; name: string; description: string };

/** All owned by the merchant, all with gifting on. Cover: /shops/<key>.webp. */
export const SHOPS: readonly SeedShop[] = [
  {
    key: "coffee",
    slug: "blue-bean-coffee",
    name: "Blue Bean Coffee 蓝豆咖啡",
    description:
      "Small-batch roastery in Kunming. Fresh coffee beans roasted every Tuesday, and drink vouchers for our cafés. 每周二新鲜烘焙。",
  },
  {
    key: "snacks",
    slug: "sweet-nest-snacks",
    name: "Sweet Nest Snacks 甜窝零食铺",
    description: "Handmade sweets and everyday snacks, packed to share. 手工糖果与零食，适合分享。",
  },
  {
    key: "books",
    slug: "inkstone-books",
    name: "Inkstone Books 墨香书店",
    description: "An independent bookshop: picture books, poetry, travel and good paper. 独立书店，好书与好纸。",
  },
  {
    key: "jewelry",
    slug: "jade-moon-jewelry",
    name: "Jade Moon Jewelry 玉月珠宝",
    description: "Hetian jade, freshwater pearls and pure gold, certified and hand-finished. 证书齐全，手工精修。",
  },
  {
    key: "tea",
    slug: "cloud-peak-tea",
    name: "Cloud Peak Tea 云峰茶庄",
    description:
      "Teas from the gardens we know: Longjing, Tieguanyin, Yunnan black tea and aged Pu'er. 产地直采，好茶慢品。",
  },
  {
    key: "education",
    slug: "bright-path-studio",
    name: "Bright Path Studio 明途学堂",
    description: "Weekend classes in Beijing: calligraphy, latte art and more. 周末体验课。",
  },
];

export type SeedVariant = {
  /** Stable key within the product; the variant id is seed-variant-<product>-<key>. */
  key: string;
  name: string;
  options: Record<string, string>;
  /** Integer fen. */
  price: number;
  originalPrice: number;
  stock: number;
};

export type SeedProduct = {
  /** Stable key: the product id is seed-product-<key>, its image /products/<key>.webp. */
  key: string;
  shop: ShopKey;
  category: CategorySlug;
  kind: "PHYSICAL" | "VOUCHER";
  title: string;
  description: string;
  /** Position in the shop's gift zone (礼物专区), or null. */
  giftZoneRank: number | null;
  variants: readonly SeedVariant[];
};

const yuan = (n: number) => Math.round(n * 100);

export const PRODUCTS: readonly SeedProduct[] = [
  // ── Blue Bean Coffee 蓝豆咖啡 ──
  {
    key: "yunnan-beans",
    shop: "coffee",
    category: "coffee",
    kind: "PHYSICAL",
    title: "Yunnan Single-Origin Coffee Beans 云南小粒咖啡豆",
    description:
      "Catimor from Baoshan, washed and medium roasted: brown sugar, orange and a clean finish. 保山产区单品咖啡豆，中度烘焙。",
    giftZoneRank: 1,
    variants: [
      { key: "250g", name: "250 g", options: { size: "250 g", grind: "whole bean" }, price: yuan(68), originalPrice: yuan(78), stock: 120 },
      { key: "500g", name: "500 g", options: { size: "500 g", grind: "whole bean" }, price: yuan(118), originalPrice: yuan(138), stock: 60 },
    ],
  },
  {
    key: "latte-voucher",
    shop: "coffee",
    category: "coffee",
    kind: "VOUCHER",
    title: "Latte voucher 拿铁兑换券",
    description:
      "One latte at any Blue Bean café, redeemed with a code. 凭码到店兑换一杯拿铁咖啡，全国门店通用。",
    giftZoneRank: 2,
    variants: [
      { key: "regular", name: "Regular 中杯", options: { size: "regular", milk: "whole" }, price: yuan(28), originalPrice: yuan(32), stock: 200 },
      { key: "large", name: "Large 大杯", options: { size: "large", milk: "whole" }, price: yuan(32), originalPrice: yuan(36), stock: 200 },
      { key: "oat", name: "Oat milk 燕麦奶", options: { size: "regular", milk: "oat" }, price: yuan(34), originalPrice: yuan(38), stock: 150 },
    ],
  },
  {
    key: "drip-bags",
    shop: "coffee",
    category: "coffee",
    kind: "PHYSICAL",
    title: "Drip Coffee Bags 挂耳咖啡",
    description:
      "Freshly ground coffee in single-serve drip bags: hang on a cup, add hot water, done. 挂耳咖啡，办公室和旅行都方便。",
    giftZoneRank: 3,
    variants: [
      { key: "10", name: "10 bags 10包", options: { pack: "10 × 10 g" }, price: yuan(49), originalPrice: yuan(59), stock: 150 },
      { key: "30", name: "30 bags 30包", options: { pack: "30 × 10 g" }, price: yuan(129), originalPrice: yuan(159), stock: 80 },
    ],
  },
  {
    key: "americano-voucher",
    shop: "coffee",
    category: "coffee",
    kind: "VOUCHER",
    title: "Americano voucher 美式咖啡兑换券",
    description: "One Americano, hot or iced, at any Blue Bean café. 凭码兑换一杯美式咖啡，冷热可选。",
    giftZoneRank: null,
    variants: [
      { key: "regular", name: "Regular 中杯", options: { size: "regular" }, price: yuan(22), originalPrice: yuan(25), stock: 200 },
      { key: "large", name: "Large 大杯", options: { size: "large" }, price: yuan(26), originalPrice: yuan(29), stock: 200 },
    ],
  },
  {
    key: "yirgacheffe-beans",
    shop: "coffee",
    category: "coffee",
    kind: "PHYSICAL",
    title: "Ethiopia Yirgacheffe Coffee Beans 耶加雪菲咖啡豆",
    description: "Light roast with jasmine, lemon and bergamot. 浅烘耶加雪菲，花香明亮。",
    giftZoneRank: null,
    variants: [
      { key: "227g", name: "227 g", options: { size: "227 g", roast: "light" }, price: yuan(98), originalPrice: yuan(108), stock: 40 },
      // Out of stock on purpose: the product page shows it disabled.
      { key: "454g", name: "454 g", options: { size: "454 g", roast: "light" }, price: yuan(178), originalPrice: yuan(198), stock: 0 },
    ],
  },
  {
    key: "espresso-blend",
    shop: "coffee",
    category: "coffee",
    kind: "PHYSICAL",
    title: "House Espresso Blend 意式拼配咖啡豆",
    description:
      "Our café blend of Yunnan and Brazil beans, dark roasted for milk drinks: cocoa and toasted nuts. 意式拼配，适合做奶咖。",
    giftZoneRank: null,
    variants: [
      { key: "500g", name: "500 g", options: { size: "500 g", roast: "dark" }, price: yuan(88), originalPrice: yuan(98), stock: 90 },
      { key: "1kg", name: "1 kg", options: { size: "1 kg", roast: "dark" }, price: yuan(158), originalPrice: yuan(178), stock: 35 },
    ],
  },
  {
    key: "pour-over-set",
    shop: "coffee",
    category: "coffee",
    kind: "PHYSICAL",
    title: "Ceramic Pour-over Coffee Set 手冲咖啡壶套装",
    description: "A ceramic dripper and a 600 ml glass server. 陶瓷滤杯加玻璃分享壶，手冲咖啡入门套装。",
    giftZoneRank: null,
    variants: [
      { key: "white", name: "Porcelain white 瓷白", options: { colour: "white" }, price: yuan(239), originalPrice: yuan(299), stock: 25 },
      { key: "celadon", name: "Celadon 青瓷", options: { colour: "celadon" }, price: yuan(259), originalPrice: yuan(319), stock: 18 },
    ],
  },

  // ── Sweet Nest Snacks 甜窝零食铺 ──
  {
    key: "mooncake-box",
    shop: "snacks",
    category: "sweets",
    kind: "PHYSICAL",
    title: "Lotus Seed Mooncake Gift Box 莲蓉月饼礼盒",
    description:
      "Cantonese-style mooncakes with white lotus seed paste and salted egg yolk, in a red gift box. 广式莲蓉蛋黄月饼。",
    giftZoneRank: 1,
    variants: [
      { key: "6", name: "6 pieces 6个装", options: { pieces: "6" }, price: yuan(168), originalPrice: yuan(198), stock: 60 },
      { key: "8", name: "8 pieces 8个装", options: { pieces: "8" }, price: yuan(228), originalPrice: yuan(268), stock: 40 },
    ],
  },
  {
    key: "daily-nuts",
    shop: "snacks",
    category: "snacks",
    kind: "PHYSICAL",
    title: "Daily Mixed Nuts 每日坚果",
    description: "Almonds, cashews, walnuts and cranberries in one small pack per day. 每日一包，营养均衡。",
    giftZoneRank: 2,
    variants: [
      { key: "7", name: "7 packs 7袋", options: { pack: "7 × 25 g" }, price: yuan(45), originalPrice: yuan(59), stock: 180 },
      { key: "30", name: "30 packs 30袋", options: { pack: "30 × 25 g" }, price: yuan(159), originalPrice: yuan(199), stock: 70 },
    ],
  },
  {
    key: "truffles",
    shop: "snacks",
    category: "sweets",
    kind: "PHYSICAL",
    title: "Chocolate Truffle Box 松露巧克力礼盒",
    description: "Dark chocolate truffles dusted with cocoa, made the week you order. 手工松露巧克力，可可粉包裹。",
    giftZoneRank: 3,
    variants: [
      { key: "9", name: "9 pieces 9颗", options: { pieces: "9" }, price: yuan(88), originalPrice: yuan(108), stock: 50 },
      { key: "16", name: "16 pieces 16颗", options: { pieces: "16" }, price: yuan(148), originalPrice: yuan(178), stock: 30 },
    ],
  },
  {
    key: "nougat",
    shop: "snacks",
    category: "sweets",
    kind: "PHYSICAL",
    title: "Handmade Milk Nougat 手工牛轧糖",
    description: "Soft milk nougat with roasted peanuts. 台式手工牛轧糖，奶香浓郁。",
    giftZoneRank: null,
    variants: [
      { key: "peanut", name: "Peanut 花生 250 g", options: { flavour: "peanut", weight: "250 g" }, price: yuan(39), originalPrice: yuan(45), stock: 120 },
      { key: "cranberry", name: "Cranberry 蔓越莓 250 g", options: { flavour: "cranberry", weight: "250 g" }, price: yuan(42), originalPrice: yuan(48), stock: 90 },
      { key: "mixed", name: "Mixed 混合 500 g", options: { flavour: "mixed", weight: "500 g" }, price: yuan(75), originalPrice: yuan(88), stock: 60 },
    ],
  },
  {
    key: "dried-mango",
    shop: "snacks",
    category: "snacks",
    kind: "PHYSICAL",
    title: "Dried Mango Slices 芒果干",
    description: "Thick slices of sun-ripened mango, no added sugar. 无添加糖芒果干。",
    giftZoneRank: null,
    variants: [
      { key: "200g", name: "200 g", options: { weight: "200 g" }, price: yuan(29), originalPrice: yuan(35), stock: 160 },
      { key: "500g", name: "500 g", options: { weight: "500 g" }, price: yuan(62), originalPrice: yuan(75), stock: 80 },
    ],
  },
  {
    key: "egg-rolls",
    shop: "snacks",
    category: "snacks",
    kind: "PHYSICAL",
    title: "Crispy Egg Rolls 香酥蛋卷",
    description: "Thin, crisp butter egg rolls in a keepsake tin. 黄油蛋卷，铁罐装。",
    giftZoneRank: null,
    variants: [
      { key: "400g", name: "Tin 400 g 罐装", options: { weight: "400 g" }, price: yuan(58), originalPrice: yuan(68), stock: 75 },
    ],
  },

  // ── Inkstone Books 墨香书店 ──
  {
    key: "tang-poems",
    shop: "books",
    category: "books",
    kind: "PHYSICAL",
    title: "Illustrated Tang Poems 唐诗三百首图鉴",
    description: "Three hundred Tang poems with ink-wash illustrations and notes. 唐诗三百首，水墨插图本。",
    giftZoneRank: 1,
    variants: [
      { key: "hardcover", name: "Hardcover 精装", options: { binding: "hardcover" }, price: yuan(88), originalPrice: yuan(98), stock: 45 },
      { key: "paperback", name: "Paperback 平装", options: { binding: "paperback" }, price: yuan(58), originalPrice: yuan(68), stock: 90 },
    ],
  },
  {
    key: "fountain-pen",
    shop: "books",
    category: "stationery",
    kind: "PHYSICAL",
    title: "Brass Fountain Pen 黄铜钢笔",
    description: "A solid brass pen that darkens with use, with a converter and ink cartridges. 黄铜钢笔，越用越有光泽。",
    giftZoneRank: 2,
    variants: [
      { key: "fine", name: "Fine nib 细尖", options: { nib: "F" }, price: yuan(168), originalPrice: yuan(198), stock: 30 },
      { key: "medium", name: "Medium nib 中尖", options: { nib: "M" }, price: yuan(168), originalPrice: yuan(198), stock: 30 },
    ],
  },
  {
    key: "linen-notebook",
    shop: "books",
    category: "stationery",
    kind: "PHYSICAL",
    title: "Linen Hardcover Notebook 亚麻布面笔记本",
    description: "Linen cover, 100 g paper that takes fountain pen ink, lay-flat binding. 布面精装笔记本，钢笔不洇。",
    giftZoneRank: 3,
    variants: [
      { key: "a5-dot", name: "A5 dotted 点阵", options: { size: "A5", ruling: "dotted" }, price: yuan(39), originalPrice: yuan(45), stock: 100 },
      { key: "a5-line", name: "A5 lined 横线", options: { size: "A5", ruling: "lined" }, price: yuan(39), originalPrice: yuan(45), stock: 100 },
      { key: "b5-dot", name: "B5 dotted 点阵", options: { size: "B5", ruling: "dotted" }, price: yuan(49), originalPrice: yuan(55), stock: 60 },
    ],
  },
  {
    key: "yunnan-travel",
    shop: "books",
    category: "books",
    kind: "PHYSICAL",
    title: "Slow Days in Yunnan 云南慢时光 旅行书",
    description: "A travel book of small towns, markets and mountain walks, with hand-drawn maps. 旅行随笔，附手绘地图。",
    giftZoneRank: null,
    variants: [
      { key: "paperback", name: "Paperback 平装", options: { binding: "paperback" }, price: yuan(59), originalPrice: yuan(69), stock: 70 },
    ],
  },
  {
    key: "panda-picture-book",
    shop: "books",
    category: "books",
    kind: "PHYSICAL",
    title: "Little Panda Goes to School 小熊猫上学记 绘本",
    description: "A picture book for ages 3–6 about a first day at school. 3–6岁儿童绘本。",
    giftZoneRank: null,
    variants: [
      { key: "hardcover", name: "Hardcover 精装", options: { binding: "hardcover" }, price: yuan(45), originalPrice: yuan(49), stock: 85 },
    ],
  },
  {
    key: "home-cooking",
    shop: "books",
    category: "books",
    kind: "PHYSICAL",
    title: "Home Cooking, Chinese Classics 家常菜谱",
    description: "120 everyday dishes from eight regional cuisines, step by step with photos. 八大菜系家常菜谱。",
    giftZoneRank: null,
    variants: [
      { key: "hardcover", name: "Hardcover 精装", options: { binding: "hardcover" }, price: yuan(79), originalPrice: yuan(89), stock: 55 },
    ],
  },

  // ── Jade Moon Jewelry 玉月珠宝 (category jewelry: not giftable) ──
  {
    key: "jade-bangle",
    shop: "jewelry",
    category: "jewelry",
    kind: "PHYSICAL",
    title: "Hetian Jade Bangle 和田玉手镯",
    description: "A white-green Hetian jade bangle, polished by hand, with a certificate. 和田玉手镯，附鉴定证书。",
    giftZoneRank: 1,
    variants: [
      { key: "54", name: "54 mm", options: { diameter: "54 mm" }, price: yuan(2680), originalPrice: yuan(3280), stock: 6 },
      { key: "56", name: "56 mm", options: { diameter: "56 mm" }, price: yuan(2680), originalPrice: yuan(3280), stock: 8 },
      { key: "58", name: "58 mm", options: { diameter: "58 mm" }, price: yuan(2880), originalPrice: yuan(3480), stock: 5 },
    ],
  },
  {
    key: "pearl-earrings",
    shop: "jewelry",
    category: "jewelry",
    kind: "PHYSICAL",
    title: "Freshwater Pearl Earrings 淡水珍珠耳环",
    description: "8 mm round freshwater pearls on sterling silver hooks. 8毫米淡水珍珠，925银耳钩。",
    giftZoneRank: 2,
    variants: [
      { key: "silver", name: "Silver 银色", options: { metal: "sterling silver" }, price: yuan(399), originalPrice: yuan(499), stock: 24 },
      { key: "gold", name: "Gold-plated 金色", options: { metal: "gold-plated silver" }, price: yuan(429), originalPrice: yuan(529), stock: 20 },
    ],
  },
  {
    key: "gold-pendant",
    shop: "jewelry",
    category: "jewelry",
    kind: "PHYSICAL",
    title: "Gold Fu Pendant 足金福字吊坠",
    description: "A pure gold pendant stamped with 福 (good fortune), on a red silk cord. 足金福字吊坠，配红绳。",
    giftZoneRank: null,
    variants: [
      { key: "2g", name: "About 2 g 约2克", options: { weight: "2 g" }, price: yuan(1480), originalPrice: yuan(1680), stock: 10 },
      { key: "3g", name: "About 3 g 约3克", options: { weight: "3 g" }, price: yuan(2180), originalPrice: yuan(2380), stock: 7 },
    ],
  },

  // ── Cloud Peak Tea 云峰茶庄 ──
  {
    key: "longjing",
    shop: "tea",
    category: "tea",
    kind: "PHYSICAL",
    title: "West Lake Longjing Green Tea 西湖龙井绿茶",
    description: "Spring pre-Qingming Longjing, pan-fired by hand: chestnut and orchid notes. 明前西湖龙井，手工炒制。",
    giftZoneRank: 1,
    variants: [
      { key: "100g", name: "100 g tin 罐装", options: { weight: "100 g", pack: "tin" }, price: yuan(168), originalPrice: yuan(198), stock: 80 },
      { key: "250g", name: "250 g gift box 礼盒", options: { weight: "250 g", pack: "gift box" }, price: yuan(398), originalPrice: yuan(458), stock: 40 },
    ],
  },
  {
    key: "jasmine-pearls",
    shop: "tea",
    category: "tea",
    kind: "PHYSICAL",
    title: "Jasmine Dragon Pearls 茉莉龙珠花茶",
    description: "Green tea leaves rolled into pearls and scented with fresh jasmine seven times. 七窨茉莉龙珠。",
    giftZoneRank: 2,
    variants: [
      { key: "100g", name: "100 g jar 罐装", options: { weight: "100 g" }, price: yuan(98), originalPrice: yuan(118), stock: 95 },
    ],
  },
  {
    key: "puer-cake",
    shop: "tea",
    category: "tea",
    kind: "PHYSICAL",
    title: "Aged Pu'er Tea Cake 云南普洱茶饼",
    description:
      "Pressed ripe Pu'er from Menghai, 357 g per cake. The 1999 vintage is a collector's cake. 勐海熟普洱茶饼，1999年份为收藏级。",
    giftZoneRank: 3,
    variants: [
      { key: "2018", name: "2018 · 357 g", options: { vintage: "2018", weight: "357 g" }, price: yuan(368), originalPrice: yuan(428), stock: 40 },
      // Original price above ¥10,000: this variant can never be gifted (DESIGN.md, eligibility).
      { key: "1999", name: "1999 vintage · 357 g 收藏级", options: { vintage: "1999", weight: "357 g" }, price: yuan(11800), originalPrice: yuan(12800), stock: 5 },
    ],
  },
  {
    key: "tieguanyin",
    shop: "tea",
    category: "tea",
    kind: "PHYSICAL",
    title: "Anxi Tieguanyin Oolong Tea 安溪铁观音",
    description: "Fragrant-style Tieguanyin oolong, orchid aroma and a sweet finish. 清香型铁观音乌龙茶。",
    giftZoneRank: null,
    variants: [
      { key: "125g", name: "125 g", options: { weight: "125 g" }, price: yuan(128), originalPrice: yuan(148), stock: 65 },
      { key: "250g", name: "250 g", options: { weight: "250 g" }, price: yuan(238), originalPrice: yuan(268), stock: 30 },
    ],
  },
  {
    key: "dianhong",
    shop: "tea",
    category: "tea",
    kind: "PHYSICAL",
    title: "Yunnan Dianhong Black Tea 滇红红茶",
    description: "Golden-tipped black tea from Fengqing: honey and malt. 凤庆滇红，蜜香浓郁。",
    giftZoneRank: null,
    variants: [
      { key: "150g", name: "150 g", options: { weight: "150 g" }, price: yuan(88), originalPrice: yuan(98), stock: 110 },
    ],
  },
  {
    key: "gongfu-set",
    shop: "tea",
    category: "tea",
    kind: "PHYSICAL",
    title: "Celadon Gongfu Tea Set 青瓷功夫茶具",
    description: "A celadon teapot with matching cups for gongfu brewing. 龙泉青瓷茶壶与茶杯。",
    giftZoneRank: null,
    variants: [
      { key: "4cups", name: "Teapot + 4 cups 一壶四杯", options: { cups: "4" }, price: yuan(328), originalPrice: yuan(398), stock: 20 },
      { key: "6cups", name: "Teapot + 6 cups 一壶六杯", options: { cups: "6" }, price: yuan(418), originalPrice: yuan(498), stock: 12 },
    ],
  },

  // ── Bright Path Studio 明途学堂 (category education: not giftable) ──
  {
    key: "calligraphy-class",
    shop: "education",
    category: "education",
    kind: "VOUCHER",
    title: "Calligraphy Trial Class 书法体验课",
    description: "Ninety minutes with brush, ink and paper; all materials provided. 书法体验课，提供全部文房用品。",
    giftZoneRank: 1,
    variants: [
      { key: "single", name: "1 class 单次", options: { lessons: "1" }, price: yuan(99), originalPrice: yuan(129), stock: 40 },
      { key: "four", name: "4 classes 四次", options: { lessons: "4" }, price: yuan(360), originalPrice: yuan(480), stock: 20 },
    ],
  },
  {
    key: "latte-art-class",
    shop: "education",
    category: "education",
    kind: "VOUCHER",
    title: "Latte Art Workshop 咖啡拉花课",
    description: "Learn to steam milk and pour a heart and a rosetta in two hours. 两小时咖啡拉花入门课。",
    giftZoneRank: 2,
    variants: [
      { key: "single", name: "1 workshop 单次", options: { lessons: "1" }, price: yuan(199), originalPrice: yuan(259), stock: 16 },
    ],
  },
];

// ─── Social ──────────────────────────────────────────────────────────────────

export type SeedMessage = {
  from: UserKey;
  body: string;
  /** How long before the seed ran the message was sent. */
  minutesAgo: number;
};

export type SeedThread = {
  key: "direct" | "hikers";
  kind: "DIRECT" | "GROUP";
  /** Group name; direct threads are titled by the other member. */
  title: string | null;
  createdBy: UserKey;
  members: readonly UserKey[];
  messages: readonly SeedMessage[];
};

const H = 60;

export const THREADS: readonly SeedThread[] = [
  {
    key: "direct",
    kind: "DIRECT",
    title: null,
    createdBy: "sender",
    members: ["sender", "recipient"],
    messages: [
      { from: "recipient", body: "周末那家新咖啡店你去了吗？Did you try the new coffee place?", minutesAgo: 46 * H },
      { from: "sender", body: "去了！Blue Bean 的拿铁很香 ☕", minutesAgo: 45 * H + 40 },
      { from: "recipient", body: "Next time bring me one 😄 下次给我带一杯", minutesAgo: 21 * H },
      { from: "sender", body: "没问题～ Or I'll just send you a gift.", minutesAgo: 20 * H + 45 },
      { from: "recipient", body: "说好了哦！Deal.", minutesAgo: 3 * H },
    ],
  },
  {
    key: "hikers",
    kind: "GROUP",
    title: "Weekend Hikers 周末徒步",
    createdBy: "chen",
    members: ["chen", "sender", "recipient", "zhao"],
    messages: [
      { from: "chen", body: "Saturday: Xiangshan, 8:00 at the east gate? 周六香山，八点东门见？", minutesAgo: 40 * H },
      { from: "zhao", body: "我来！I'll bring fruit 🍊", minutesAgo: 39 * H + 30 },
      { from: "recipient", body: "我带零食，牛轧糖和芒果干。", minutesAgo: 30 * H },
      { from: "sender", body: "I'll bring coffee, 挂耳的。Forecast says sunny ☀️", minutesAgo: 28 * H + 10 },
      { from: "chen", body: "Great, see you all there. 不见不散！", minutesAgo: 5 * H },
    ],
  },
];

/** Shops each user follows. */
export const FOLLOWS: readonly (readonly [UserKey, ShopKey])[] = [
  ["sender", "coffee"],
  ["sender", "snacks"],
  ["recipient", "books"],
];

// ─── Ids and files ───────────────────────────────────────────────────────────

export const seedIds = {
  user: (k: UserKey) => `seed-user-${k}`,
  category: (slug: CategorySlug) => `seed-category-${slug}`,
  shop: (k: ShopKey) => `seed-shop-${k}`,
  product: (k: string) => `seed-product-${k}`,
  variant: (product: string, k: string) => `seed-variant-${product}-${k}`,
  image: (product: string, position: number) => `seed-image-${product}-${position}`,
  friendship: (a: UserKey, b: UserKey) => `seed-friendship-${[a, b].sort().join("-")}`,
  thread: (k: string) => `seed-thread-${k}`,
  message: (thread: string, index: number) => `seed-message-${thread}-${index + 1}`,
};

/** Public URL of a product's image (file under public/). */
export const productImageUrl = (key: string) => `/products/${key}.webp`;
/** Public URL of a shop's cover (file under public/). */
export const shopCoverUrl = (key: ShopKey) => `/shops/${key}.webp`;
