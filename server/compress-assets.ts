// After the build: a Brotli (quality 11) and a gzip copy of every script and stylesheet, served as they are,
// so a phone downloads the smallest file without the server compressing on each request.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const assets = path.join(process.env.SUARA_BUILD_DIR ?? "build", "client", "assets");
let count = 0;
for (const name of readdirSync(assets)) {
  if (!/\.(js|css|svg)$/.test(name)) continue;
  const file = path.join(assets, name);
  const content = readFileSync(file);
  writeFileSync(`${file}.br`, brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
  count++;
}
console.log(`Compressed ${count} assets in ${assets}`);
