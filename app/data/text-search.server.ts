// The portal's search boxes match words anywhere in a text with SQL LIKE; these keep them alike.

/** The words typed in a search box, lower-cased; at most six, so a pasted paragraph stays one cheap query. */
export function searchWords(query: string): string[] {
  return query.trim().toLowerCase().split(/\s+/).filter(Boolean).slice(0, 6);
}

/** A LIKE pattern that finds `text` anywhere, LIKE's own wildcards (`%`, `_`, `\`) taken as typed. */
export function containing(text: string): string {
  return `%${text.replace(/[%_\\]/g, (wildcard) => `\\${wildcard}`)}%`;
}
