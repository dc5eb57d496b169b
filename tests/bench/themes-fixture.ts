// Loads the hand-labelled forum inputs shared by the theme benchmarks.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export interface LabelledForumItem {
  readonly id: string;
  readonly text: string;
  /** Intended theme; labels starting with "lain:" are one-off inputs that should stay unthemed. */
  readonly theme: string;
  /** Intended SKM element, U1..U9 or "other". */
  readonly element: string;
}

const FIXTURE_PATH = fileURLToPath(new URL("../fixtures/forum-items.labelled.json", import.meta.url));

function isLabelledItem(value: unknown): value is LabelledForumItem {
  if (typeof value !== "object" || value === null) return false;
  const record = value as Record<string, unknown>;
  return ["id", "text", "theme", "element"].every((field) => typeof record[field] === "string");
}

export function loadLabelledForumItems(): LabelledForumItem[] {
  const parsed: unknown = JSON.parse(readFileSync(FIXTURE_PATH, "utf8"));
  const items = (parsed as { items?: unknown }).items;
  if (!Array.isArray(items) || !items.every(isLabelledItem)) {
    throw new Error(`${FIXTURE_PATH}: expected { items: { id, text, theme, element }[] }`);
  }
  return items;
}
