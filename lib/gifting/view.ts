import type { Db } from "@/lib/db/client";
import type { GiftStatus, ProductKind } from "@/lib/db/generated/enums";
import { giftPhase, type GiftPhase } from "@/lib/lifecycle/status";
import { claimDetailSelect, toClaimDetail, type ClaimDetail } from "./claim-detail";
import { groupGiftView, type GroupGiftView } from "./group-view";
import { hashGiftToken } from "./token";

export type RecipientGiftView = {
  role: "recipient";
  giftId: string;
  status: GiftStatus;
  /** What the gift is now (lib/lifecycle: a waiting gift past its time reads expired). */
  phase: GiftPhase;
  expiresAt: Date;
  message: string;
  senderName: string;
  threadId: string;
  product: { id: string; title: string; description: string; kind: ProductKind; image: string | null };
  paidVariantId: string;
  /** Variants the recipient may switch to: same product, same price as paid, in stock (or the paid one). */
  variants: { id: string; name: string; price: number; stock: number }[];
  claim: ClaimDetail | null;
};

/** The sender's view: whether and when, never the parcel's name, phone or address. */
export type SenderGiftView = {
  role: "sender";
  giftId: string;
  status: GiftStatus;
  phase: GiftPhase;
  expiresAt: Date;
  message: string;
  recipientName: string | null;
  threadId: string;
  productTitle: string;
  productImage: string | null;
  orderStatus: string;
};

export type GiftView = RecipientGiftView | SenderGiftView | GroupGiftView | { role: "other" };

/** What the holder of a claim link may see, by who they are. Null when the token matches no gift. */
export async function getGiftByToken(db: Db, viewerId: string, token: string): Promise<GiftView | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const gift = await db.gift.findUnique({
    where: { tokenHash: hashGiftToken(token) },
    select: { id: true, mode: true, senderId: true, recipientId: true, threadId: true },
  });
  if (!gift) return null;
  if (gift.mode !== "SINGLE") {
    if (gift.senderId === viewerId) return groupGiftView(db, gift.id, viewerId, "sender");
    const member = await db.threadMember.findUnique({ where: { threadId_userId: { threadId: gift.threadId, userId: viewerId } }, select: { userId: true } });
    return member ? groupGiftView(db, gift.id, viewerId, "member") : { role: "other" };
  }
  if (gift.recipientId === viewerId) return recipientView(db, gift.id, viewerId);
  if (gift.senderId === viewerId) return senderView(db, gift.id);
  return { role: "other" };
}

async function senderView(db: Db, giftId: string): Promise<SenderGiftView> {
  const g = await db.gift.findUniqueOrThrow({
    where: { id: giftId },
    select: {
      id: true,
      status: true,
      expiresAt: true,
      message: true,
      threadId: true,
      recipient: { select: { name: true } },
      order: {
        select: {
          status: true,
          product: { select: { title: true, images: { orderBy: { position: "asc" }, take: 1, select: { url: true } } } },
        },
      },
    },
  });
  return {
    role: "sender",
    giftId: g.id,
    status: g.status,
    phase: giftPhase(g),
    expiresAt: g.expiresAt,
    message: g.message,
    recipientName: g.recipient?.name ?? null,
    threadId: g.threadId,
    productTitle: g.order.product.title,
    productImage: g.order.product.images[0]?.url ?? null,
    orderStatus: g.order.status,
  };
}

async function recipientView(db: Db, giftId: string, viewerId: string): Promise<RecipientGiftView> {
  const g = await db.gift.findUniqueOrThrow({
    where: { id: giftId },
    select: {
      id: true,
      status: true,
      expiresAt: true,
      message: true,
      threadId: true,
      sender: { select: { name: true } },
      claims: {
        where: { recipientId: viewerId },
        select: claimDetailSelect,
      },
      order: {
        select: {
          variantId: true,
          unitAmount: true,
          product: {
            select: {
              id: true,
              title: true,
              description: true,
              kind: true,
              images: { orderBy: { position: "asc" }, take: 1, select: { url: true } },
              variants: { orderBy: { position: "asc" }, select: { id: true, name: true, price: true, stock: true } },
            },
          },
        },
      },
    },
  });
  const { product } = g.order;
  const claim = g.claims[0];
  return {
    role: "recipient",
    giftId: g.id,
    status: g.status,
    phase: giftPhase(g),
    expiresAt: g.expiresAt,
    message: g.message,
    senderName: g.sender.name,
    threadId: g.threadId,
    product: { id: product.id, title: product.title, description: product.description, kind: product.kind, image: product.images[0]?.url ?? null },
    paidVariantId: g.order.variantId,
    variants: product.variants.filter((v) => v.id === g.order.variantId || (v.price === g.order.unitAmount && v.stock > 0)),
    claim: claim ? toClaimDetail(claim) : null,
  };
}
