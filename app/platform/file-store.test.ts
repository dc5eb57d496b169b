import { mkdtempSync, readFileSync, existsSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fileStore } from "./file-store.server";

describe("the file store", () => {
  const root = mkdtempSync(path.join(tmpdir(), "suara-files-"));
  const store = fileStore(root);

  it("writes each file once under a fresh random name, readable only by the portal", async () => {
    const bytes = new TextEncoder().encode("bukti");
    const first = await store.put(bytes, { folders: ["3", "41"], extension: "pdf" });
    const second = await store.put(bytes, { folders: ["3", "41"], extension: "pdf" });
    expect(first.key).toMatch(/^3\/41\/[0-9a-f]{32}\.pdf$/);
    expect(second.key).not.toBe(first.key);
    expect(readFileSync(store.pathOf(first.key)!, "utf8")).toBe("bukti");
    expect(statSync(first.absolute).mode & 0o777).toBe(0o600);
    expect(first.sha256).toBe("210ee5b91c68c0161c3f3f24cb6b9dc29108d2db5c65928f19ecd2704ab6e582");
    expect(first.bytes).toBe(5);
  });

  it("never resolves a key outside its folder", () => {
    expect(store.pathOf("../../etc/passwd")).toBeUndefined();
    expect(store.pathOf("/etc/passwd")).toBeUndefined();
    expect(store.pathOf("3/41/abc.pdf")).toBe(path.join(root, "3", "41", "abc.pdf"));
  });

  it("refuses a folder name that could climb out, and removes what a failed write left", async () => {
    await expect(store.put(new Uint8Array([1]), { folders: [".."] })).rejects.toThrow(RangeError);
    const orphan = await store.put(new Uint8Array([1, 2, 3]));
    await store.remove([orphan]);
    expect(existsSync(orphan.absolute)).toBe(false);
    await store.remove([orphan]);
  });
});
