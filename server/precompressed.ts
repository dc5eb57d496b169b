import { existsSync } from "node:fs";
import path from "node:path";
import type { RequestHandler } from "express";

/** Serves the build's .br or .gz copy of an asset when the browser accepts it. */
export function precompressedAssets(assetsDir: string): RequestHandler {
  return (req, res, next) => {
    const accepted = String(req.headers["accept-encoding"] ?? "");
    const file = path.join(assetsDir, path.normalize(req.path).replace(/^(\.\.[/\\])+/, ""));
    if (!file.startsWith(assetsDir)) return next();
    for (const [encoding, suffix] of [["br", ".br"], ["gzip", ".gz"]] as const) {
      if (accepted.includes(encoding) && existsSync(file + suffix)) {
        res.setHeader("Content-Encoding", encoding);
        res.setHeader("Vary", "Accept-Encoding");
        res.setHeader("Cache-Control", "public, max-age=31536000, immutable");
        res.type(path.extname(file));
        return res.sendFile(file + suffix);
      }
    }
    next();
  };
}
