// `npm run dev`: database, migrations, demo data and Stripe sandbox, then `next dev`.
import { serveLanbao } from "./runtime/serve.ts";

await serveLanbao("dev");
