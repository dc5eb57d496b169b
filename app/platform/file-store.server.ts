import { createHash, randomBytes } from "node:crypto";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { env } from "~/platform/env.server";

// Files people upload (complaint attachments, SKP evidence) live on disk under DATA_DIR, never under public/, and
// are served only through guarded routes. Each is written once under a random name (never overwriting); the
// database row keeps the key. Several app processes share DATA_DIR (a shared volume) like they share PostgreSQL.

export interface StoredFile {
  /** The file's name inside the store, as the row keeps it ("12/34/ab12….pdf"). */
  key: string;
  absolute: string;
  bytes: number;
  sha256: string;
}

export interface FileStore {
  /** Writes the bytes under a fresh random name, inside `folders` when given. */
  put(bytes: Uint8Array, options?: { folders?: readonly string[]; extension?: string }): Promise<StoredFile>;
  /** Removes files written for a write that then failed (missing files are fine). */
  remove(files: readonly StoredFile[]): Promise<void>;
  /** The path of a stored key; undefined for a key that would leave the store. */
  pathOf(key: string): string | undefined;
}

/** A store rooted at a folder (tests give a temporary one). */
export function fileStore(root: string): FileStore {
  const base = path.resolve(root);
  return {
    async put(bytes, options = {}) {
      const folders = (options.folders ?? []).map((folder) => {
        if (!/^[\w-]+$/.test(folder)) throw new RangeError(`not a folder name: ${folder}`);
        return folder;
      });
      const name = randomBytes(16).toString("hex") + (options.extension ? `.${options.extension.replace(/[^a-z0-9]/gi, "")}` : "");
      const key = [...folders, name].join("/");
      const absolute = path.join(base, ...folders, name);
      await mkdir(path.dirname(absolute), { recursive: true, mode: 0o700 });
      await writeFile(absolute, bytes, { mode: 0o600, flag: "wx" });
      return { key, absolute, bytes: bytes.byteLength, sha256: createHash("sha256").update(bytes).digest("hex") };
    },
    async remove(files) {
      await Promise.all(files.map((file) => rm(file.absolute, { force: true })));
    },
    pathOf(key) {
      const absolute = path.resolve(base, key);
      return absolute.startsWith(base + path.sep) ? absolute : undefined;
    },
  };
}

export type FileArea = "uploads" | "evidence";

/** The portal's store for one kind of file: complaint attachments in "uploads", SKP evidence in "evidence". */
export function dataFileStore(area: FileArea): FileStore {
  return fileStore(dataFolder(area));
}

export function dataFolder(area: FileArea): string {
  return path.resolve(env().DATA_DIR, area);
}
