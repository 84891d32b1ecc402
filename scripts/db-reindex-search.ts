// `npm run db:reindex-search`: rewrites the search text (pinyin, shop and category names)
// of every product in DATABASE_URL, or in the embedded database in .data when it is unset.
// The app already rewrites stale rows on start; this is for after a change to the recipe
// or to category names when a restart is not wanted, or to check timings.
import { refreshStaleSearchText } from "../lib/catalog/search-text.ts";
import { createDb } from "../lib/db/client.ts";
import { log, withMigratedDatabase } from "./db/with-database.ts";

await withMigratedDatabase(async (url) => {
  const db = createDb(url, { max: 2 });
  try {
    const t0 = performance.now();
    const written = await refreshStaleSearchText(db, { all: true, log });
    log(`search text rewritten for ${written} products in ${Math.round(performance.now() - t0)} ms`);
  } finally {
    await db.$disconnect();
  }
});
