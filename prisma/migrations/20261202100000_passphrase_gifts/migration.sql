-- Passphrase gifts (礼物口令): a single gift outside any chat, claimed with a link and a passphrase.
ALTER TABLE "Order" ADD COLUMN "giftByPassphrase" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Gift" ALTER COLUMN "threadId" DROP NOT NULL;
ALTER TABLE "Gift" ADD COLUMN "passphraseHash" TEXT;

-- A product shared into a chat.
ALTER TYPE "MessageKind" ADD VALUE 'PRODUCT';
ALTER TABLE "Message" ADD COLUMN "productId" TEXT;
CREATE INDEX "Message_productId_idx" ON "Message"("productId");
ALTER TABLE "Message" ADD CONSTRAINT "Message_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE SET NULL ON UPDATE CASCADE;
