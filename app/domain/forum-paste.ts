// Turns notes pasted during a forum into inputs, one per line (DOMAIN.md §4). Bullets and numbering that note
// takers type ("- ", "• ", "3. ", "3) ") are dropped; blank lines are skipped. A paste over the limit is refused
// whole, so nothing is half-saved.

/** Most lines one paste may hold; a longer paste is refused with this number in the message. */
export const MAX_PASTE_LINES = 2_000;

/** Longest single input, in characters (the public form has the same limit). */
export const MAX_ITEM_LENGTH = 2_000;

export type PasteResult =
  | { kind: "ok"; items: string[] }
  | { kind: "empty" }
  | { kind: "tooManyLines"; lines: number; limit: number }
  | { kind: "tooLong"; lineNumbers: number[]; limit: number };

const BULLET = /^(?:[-–—•*·>]+|\(?\d{1,4}[.)]|[a-z][.)])(?:\s+|$)/i;

/** One input from one pasted line: trimmed, bullet or number dropped, inner runs of spaces folded. */
export function cleanLine(line: string): string {
  return line.replace(/\s+/g, " ").trim().replace(BULLET, "").trim();
}

export function parsePaste(text: string, limits = { lines: MAX_PASTE_LINES, length: MAX_ITEM_LENGTH }): PasteResult {
  const lines = text.split(/\r\n|\r|\n/);
  const entries: { line: number; text: string }[] = [];
  lines.forEach((line, index) => {
    const cleaned = cleanLine(line);
    if (cleaned.length > 0) entries.push({ line: index + 1, text: cleaned });
  });
  if (entries.length === 0) return { kind: "empty" };
  if (entries.length > limits.lines) return { kind: "tooManyLines", lines: entries.length, limit: limits.lines };
  const tooLong = entries.filter((entry) => entry.text.length > limits.length).map((entry) => entry.line);
  if (tooLong.length > 0) return { kind: "tooLong", lineNumbers: tooLong, limit: limits.length };
  return { kind: "ok", items: entries.map((entry) => entry.text) };
}
