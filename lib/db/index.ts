export { db, createDb, type Db } from "./client";
export * from "./generated/client";
