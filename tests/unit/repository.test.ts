import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";

// A checkout that links node_modules from elsewhere must never commit the link: merged into another
// checkout, git replaces that checkout's installed packages with it.
describe("the repository", () => {
  it("tracks nothing under node_modules, not even a link", () => {
    const tracked = execFileSync("git", ["ls-files", "--", "node_modules", "node_modules/**"], { encoding: "utf8" });
    expect(tracked.trim()).toBe("");
  });
});
