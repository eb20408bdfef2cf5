// Puts the front-end files the site serves into GamePulse.Web/wwwroot (run by `npm run build:assets`, by `make run` /
// `make test`, and by the Web Dockerfile's build stage); both targets are generated, not tracked:
//  - wwwroot/lib: the npm packages' own minified files (htmx, htmx-ext-sse), copied as they ship;
//  - wwwroot/js: the site's scripts from GamePulse.Web/Scripts, minified by terser, so their comments (which say why)
//    stay in the source and the page's JavaScript stays inside its 20 KB gzipped budget (bench/web).
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { minify } from "terser";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const packages = [
  ["node_modules/htmx.org/dist/htmx.min.js", "GamePulse.Web/wwwroot/lib/htmx/htmx.min.js"],
  ["node_modules/htmx-ext-sse/dist/sse.min.js", "GamePulse.Web/wwwroot/lib/htmx-ext-sse/sse.min.js"],
];
for (const [from, to] of packages) {
  mkdirSync(dirname(join(root, to)), { recursive: true });
  copyFileSync(join(root, from), join(root, to));
  console.log(`copied ${from} -> ${to}`);
}

const scripts = "GamePulse.Web/Scripts";
const served = "GamePulse.Web/wwwroot/js";
mkdirSync(join(root, served), { recursive: true });
for (const name of readdirSync(join(root, scripts)).filter((file) => file.endsWith(".js"))) {
  const source = readFileSync(join(root, scripts, name), "utf8");
  // ES5 output: the scripts are written for every browser the site supports, and must stay so after minifying.
  const result = await minify(source, { ecma: 5, compress: true, mangle: true, format: { comments: false } });
  writeFileSync(join(root, served, name), result.code + "\n");
  console.log(`minified ${scripts}/${name} -> ${served}/${name}`);
}
