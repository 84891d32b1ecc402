// `npm run db:migrate`: applies pending migrations to DATABASE_URL, or to the embedded
// database in .data when DATABASE_URL is unset.
import { startEmbeddedPostgres } from "../lib/db/embedded.ts";
import { migrate } from "../lib/db/migrate.ts";

const log = (l: string) => console.log(`[lanbao] ${l}`);
let url = process.env.DATABASE_URL;
const embedded = url
  ? null
  : await startEmbeddedPostgres({
      dataDir: `${process.env.LANBAO_DATA_DIR ?? ".data"}/postgres`,
      port: Number(process.env.LANBAO_DB_PORT ?? 54329),
    });
try {
  if (embedded) {
    await embedded.createDatabase("lanbao");
    url = embedded.url("lanbao");
  }
  const applied = await migrate(url!, { log });
  log(applied.length ? `${applied.length} migration(s) applied` : "database schema is up to date");
} finally {
  await embedded?.stop();
}
