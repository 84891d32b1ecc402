// `npm run db:migrate`: applies pending migrations to DATABASE_URL, or to the embedded
// database in .data when DATABASE_URL is unset.
import { log, withMigratedDatabase } from "./db/with-database.ts";

await withMigratedDatabase(async (_url, applied) => {
  log(applied.length ? `${applied.length} migration(s) applied` : "database schema is up to date");
});
