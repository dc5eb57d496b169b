// Loads the labelled forum corpus shared by the theme benchmarks and the element model's training script.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export interface LabelledForumItem {
  readonly id: string;
  readonly text: string;
  /** Intended theme within its forum; labels starting with "lain:" are one-off inputs that should stay unthemed. */
  readonly theme: string;
  /** Intended SKM element, U1..U9 or "other". */
  readonly element: string;
}

export interface LabelledForum {
  readonly id: string;
  readonly name: string;
  readonly sector: string;
  readonly region: string;
  /** Development forums may be used to tune and train; held-out forums are only measured. */
  readonly split: "development" | "held-out";
  readonly items: LabelledForumItem[];
}

const CORPUS_PATH = fileURLToPath(new URL("../fixtures/forum-corpus.labelled.json", import.meta.url));

function isLabelledItem(value: unknown): value is LabelledForumItem {
  if (typeof value !== "object" || value === null) return false;
  const record = value as Record<string, unknown>;
  return ["id", "text", "theme", "element"].every((field) => typeof record[field] === "string");
}

function isLabelledForum(value: unknown): value is LabelledForum {
  if (typeof value !== "object" || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    ["id", "name", "sector", "region"].every((field) => typeof record[field] === "string") &&
    (record.split === "development" || record.split === "held-out") &&
    Array.isArray(record.items) &&
    record.items.every(isLabelledItem)
  );
}

export function loadLabelledForums(): LabelledForum[] {
  const parsed: unknown = JSON.parse(readFileSync(CORPUS_PATH, "utf8"));
  const forums = (parsed as { forums?: unknown }).forums;
  if (!Array.isArray(forums) || !forums.every(isLabelledForum)) {
    throw new Error(`${CORPUS_PATH}: expected { forums: { id, name, sector, region, split, items }[] }`);
  }
  return forums;
}

export const developmentForums = () => loadLabelledForums().filter((forum) => forum.split === "development");
export const heldOutForums = () => loadLabelledForums().filter((forum) => forum.split === "held-out");
