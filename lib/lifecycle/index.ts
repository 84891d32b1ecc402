// The gift lifecycle: transition tables, the one function that applies them, and how a
// status reads. Every status write in Lanbao goes through here (docs/lifecycle.md).
export * from "./machines";
export * from "./status";
export * from "./transition";
