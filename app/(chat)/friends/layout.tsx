// Translated forms below: all messages (see the (chat) layout).
export { ClientMessagesLayout as default } from "@/components/shell/client-messages";
