// Copies the npm front-end packages the site serves into GamePulse.Web/wwwroot/lib (run by `npm run build:assets`,
// by `make run`/`make test`, and by the Web Dockerfile's build stage). No bundler: htmx ships a ready minified file.
import { copyFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const files = [
  ["node_modules/htmx.org/dist/htmx.min.js", "GamePulse.Web/wwwroot/lib/htmx/htmx.min.js"],
  ["node_modules/htmx-ext-sse/dist/sse.min.js", "GamePulse.Web/wwwroot/lib/htmx-ext-sse/sse.min.js"],
];
for (const [from, to] of files) {
  mkdirSync(dirname(join(root, to)), { recursive: true });
  copyFileSync(join(root, from), join(root, to));
  console.log(`copied ${from} -> ${to}`);
}
