// What a group gift or a lottery looks like from its link, to the sender and to members of
// the group. Nobody sees anyone else's address; the sender sees who took or won (names),
// each member their own claim. A lottery's seed appears only once the draw has revealed it.
import type { Db } from "@/lib/db/client";
import type { ClaimStatus, GiftMode, GiftStatus, ProductKind } from "@/lib/db/generated/enums";
import { giftPhase, type GiftPhase } from "@/lib/lifecycle/status";
import { claimDetailSelect, toClaimDetail, type ClaimDetail } from "./claim-detail";

export type GroupGiftView = {
  role: "group";
  /** The viewer sent it (sees who took it) or is a member who may take / enter. */
  viewer: "sender" | "member";
  mode: Exclude<GiftMode, "SINGLE">;
  giftId: string;
  status: GiftStatus;
  phase: GiftPhase;
  expiresAt: Date;
  message: string;
  senderName: string;
  threadId: string;
  units: number;
  unitsClaimed: number;
  product: { id: string; title: string; kind: ProductKind; image: string | null };
  paidVariantId: string;
  variants: { id: string; name: string; price: number; stock: number }[];
  /** The viewer's own claim, with their own address. */
  mine: ClaimDetail | null;
  /** Who took (group) or won (lottery) a unit: names and progress only. */
  holders: { name: string; status: ClaimStatus }[];
  lottery: {
    drawAt: Date;
    commitment: string;
    /** Only after the draw. */
    seed: string | null;
    drawnAt: Date | null;
    /** Entrants as members of the group see them; ids are what the draw sorts. */
    entrants: { id: string; name: string }[];
    entered: boolean;
    /** Whether the viewer may enter (restricted lotteries name their members). */
    mayEnter: boolean;
    winnerIds: string[];
  } | null;
};

export async function groupGiftView(db: Db, giftId: string, viewerId: string, viewer: "sender" | "member"): Promise<GroupGiftView> {
  const g = await db.gift.findUniqueOrThrow({
    where: { id: giftId },
    select: {
      id: true,
      mode: true,
      status: true,
      expiresAt: true,
      message: true,
      threadId: true,
      units: true,
      unitsClaimed: true,
      drawAt: true,
      seedCommitment: true,
      revealedSeed: true,
      drawnAt: true,
      entryRestricted: true,
      sender: { select: { name: true } },
      claims: { orderBy: { acceptedAt: "asc" }, select: { recipientId: true, status: true, recipient: { select: { name: true } } } },
      entries: { select: { user: { select: { id: true, name: true } } } },
      eligible: { where: { userId: viewerId }, select: { userId: true } },
      order: {
        select: {
          variantId: true,
          unitAmount: true,
          product: {
            select: {
              id: true,
              title: true,
              kind: true,
              images: { orderBy: { position: "asc" }, take: 1, select: { url: true } },
              variants: { orderBy: { position: "asc" }, select: { id: true, name: true, price: true, stock: true } },
            },
          },
        },
      },
    },
  });
  const mine = viewer === "member"
    ? await db.giftClaim.findUnique({
        where: { giftId_recipientId: { giftId, recipientId: viewerId } },
        select: claimDetailSelect,
      })
    : null;
  const { product } = g.order;
  const entrants = g.entries.map((e) => e.user).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    role: "group",
    viewer,
    mode: g.mode === "LOTTERY" ? "LOTTERY" : "GROUP",
    giftId: g.id,
    status: g.status,
    phase: giftPhase(g),
    expiresAt: g.expiresAt,
    message: g.message,
    senderName: g.sender.name,
    threadId: g.threadId,
    units: g.units,
    unitsClaimed: g.unitsClaimed,
    product: { id: product.id, title: product.title, kind: product.kind, image: product.images[0]?.url ?? null },
    paidVariantId: g.order.variantId,
    variants: product.variants.filter((v) => v.id === g.order.variantId || (v.price === g.order.unitAmount && v.stock > 0)),
    mine: mine ? toClaimDetail(mine) : null,
    holders: g.claims.map((c) => ({ name: c.recipient.name, status: c.status })),
    lottery:
      g.mode === "LOTTERY" && g.drawAt && g.seedCommitment
        ? {
            drawAt: g.drawAt,
            commitment: g.seedCommitment,
            seed: g.revealedSeed,
            drawnAt: g.drawnAt,
            entrants,
            entered: entrants.some((e) => e.id === viewerId),
            mayEnter: viewer === "member" && (!g.entryRestricted || g.eligible.length > 0),
            winnerIds: g.revealedSeed ? g.claims.map((c) => c.recipientId) : [],
          }
        : null,
  };
}
