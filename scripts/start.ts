// `npm start`: the same services around the production build (`npm run build` first).
import { serveLanbao } from "./runtime/serve.ts";

await serveLanbao("start");
