// Readable theme titles: the key clause of the theme's most central input, as its author wrote it, rather than
// a list of words. The most central input is the one most alike, on average, to the others of its theme; its key
// clause is the clause holding most of the theme's characteristic words. Two themes of one forum never share a
// title: a theme whose title is taken uses its next most central input, and as a last resort a number.

import { normaliseClauses } from "./normalise";
import { stem } from "./features";

/** Longest title in words; a longer clause is cut at a word and ends with "…". */
export const TITLE_MAX_WORDS = 8;

/** The clauses of a text as written (punctuation and surrounding spaces trimmed). */
export function writtenClauses(text: string): string[] {
  return text
    .split(/[.;:!?()\n\r]+|,\s+/)
    .map((clause) => clause.replace(/["“”]/g, "").replace(/\s+/g, " ").trim())
    .filter((clause) => /[a-zA-Z]/.test(clause));
}

/** How many of the theme's characteristic stems a written clause holds. */
function clauseScore(clause: string, themeStems: ReadonlySet<string>): number {
  let score = 0;
  for (const words of normaliseClauses(clause)) for (const word of words) if (themeStems.has(stem(word))) score++;
  return score;
}

/** The clause of `text` that says most of what the theme is about, shortened and with a capital first letter. */
export function keyClause(text: string, themeStems: ReadonlySet<string>): string {
  const clauses = writtenClauses(text);
  let best = clauses[0] ?? text.trim();
  let bestScore = -1;
  for (const clause of clauses) {
    const score = clauseScore(clause, themeStems);
    if (score > bestScore) {
      best = clause;
      bestScore = score;
    }
  }
  const words = best.split(" ").filter((word) => word.length > 0);
  const shortened = words.length > TITLE_MAX_WORDS ? `${words.slice(0, TITLE_MAX_WORDS).join(" ")}…` : words.join(" ");
  return shortened.charAt(0).toUpperCase() + shortened.slice(1);
}

/** Members of a group from most to least central (mean similarity to the other members). */
export function byCentrality(group: readonly number[], similarity: Float32Array, count: number): number[] {
  const centrality = new Map<number, number>();
  for (const member of group) {
    let sum = 0;
    for (const other of group) if (other !== member) sum += similarity[member * count + other] ?? 0;
    centrality.set(member, group.length > 1 ? sum / (group.length - 1) : 0);
  }
  return [...group].sort((a, b) => (centrality.get(b) ?? 0) - (centrality.get(a) ?? 0) || a - b);
}

/**
 * Titles for the themes of one forum, in the order given: each the key clause of its most central input whose
 * clause no earlier theme has taken.
 */
export function themeTitles(
  themes: readonly { readonly membersByCentrality: readonly number[]; readonly stems: ReadonlySet<string> }[],
  texts: readonly string[],
): string[] {
  const taken = new Set<string>();
  return themes.map((theme) => {
    const candidates = theme.membersByCentrality.map((member) => keyClause(texts[member] ?? "", theme.stems));
    let title = candidates.find((candidate) => !taken.has(candidate.toLowerCase())) ?? candidates[0] ?? "Tema";
    for (let suffix = 2; taken.has(title.toLowerCase()); suffix++) title = `${candidates[0] ?? "Tema"} (${suffix})`;
    taken.add(title.toLowerCase());
    return title;
  });
}
