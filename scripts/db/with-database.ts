// For the db:* scripts: the database they work on — DATABASE_URL, or the embedded one in
// .data (started for the script and stopped after) when it is unset — migrated first.
import { startEmbeddedPostgres } from "../../lib/db/embedded.ts";
import { migrate } from "../../lib/db/migrate.ts";

export const log = (l: string) => console.log(`[lanbao] ${l}`);

/** Runs `work` with the migrated database's URL and the migrations this run applied. */
export async function withMigratedDatabase(work: (url: string, applied: string[]) => Promise<void>): Promise<void> {
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
    await work(url!, applied);
  } finally {
    await embedded?.stop();
  }
}
