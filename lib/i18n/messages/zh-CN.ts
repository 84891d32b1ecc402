// One file per namespace, so each feature owns its own messages.
import common from "./zh-CN/common.json";
import nav from "./zh-CN/nav.json";
import auth from "./zh-CN/auth.json";
import limits from "./zh-CN/limits.json";
import validation from "./zh-CN/validation.json";
import home from "./zh-CN/home.json";
import categories from "./zh-CN/categories.json";
import chat from "./zh-CN/chat.json";
import friends from "./zh-CN/friends.json";
import gift from "./zh-CN/gift.json";
import shop from "./zh-CN/shop.json";
import product from "./zh-CN/product.json";
import search from "./zh-CN/search.json";
import orders from "./zh-CN/orders.json";
import merchant from "./zh-CN/merchant.json";
import address from "./zh-CN/address.json";
import system from "./zh-CN/system.json";
import checkout from "./zh-CN/checkout.json";
import lifecycle from "./zh-CN/lifecycle.json";
import tracking from "./zh-CN/tracking.json";
import afterSale from "./zh-CN/afterSale.json";
import vouchers from "./zh-CN/vouchers.json";
import slip from "./zh-CN/slip.json";
import addressBook from "./zh-CN/addressBook.json";
import analytics from "./zh-CN/analytics.json";

const messages = {
  common,
  nav,
  auth,
  limits,
  validation,
  home,
  categories,
  chat,
  friends,
  gift,
  shop,
  product,
  search,
  orders,
  merchant,
  address,
  system,
  checkout,
  lifecycle,
  tracking,
  afterSale,
  vouchers,
  slip,
  addressBook,
  analytics,
};

export default messages;
