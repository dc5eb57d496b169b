// After Remix's build: the production server compiled into <build>/server/main.js beside Remix's index.js, so
// `npm start` runs JavaScript only (no TypeScript loader at run time). Packages stay in node_modules.
import path from "node:path";
import { build } from "esbuild";

const outdir = path.join(process.env.SUARA_BUILD_DIR ?? "build", "server");
await build({
  entryPoints: { main: "server/main.ts" },
  outdir,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  // The demo's seed and the embedded PostgreSQL load only when asked for, as chunks of their own.
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  tsconfig: "tsconfig.json",
  sourcemap: "linked",
  logLevel: "warning",
});
console.log(`Compiled the server into ${outdir}/main.js`);
