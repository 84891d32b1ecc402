// One file per namespace, so each feature owns its own messages.
import common from "./en/common.json";
import nav from "./en/nav.json";
import auth from "./en/auth.json";
import limits from "./en/limits.json";
import validation from "./en/validation.json";
import home from "./en/home.json";
import categories from "./en/categories.json";
import chat from "./en/chat.json";
import friends from "./en/friends.json";
import gift from "./en/gift.json";
import shop from "./en/shop.json";
import product from "./en/product.json";
import search from "./en/search.json";
import orders from "./en/orders.json";
import merchant from "./en/merchant.json";
import address from "./en/address.json";
import system from "./en/system.json";
import checkout from "./en/checkout.json";
import lifecycle from "./en/lifecycle.json";
import tracking from "./en/tracking.json";
import afterSale from "./en/afterSale.json";
import vouchers from "./en/vouchers.json";
import slip from "./en/slip.json";
import addressBook from "./en/addressBook.json";
import analytics from "./en/analytics.json";

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
