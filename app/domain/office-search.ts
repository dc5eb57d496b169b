// Office search by the names people use. A word of the query matches a unit when it, or one of its spelled-out
// forms, is in the unit's or the government's name, the address or a service's name. The short names are the
// ones in everyday use for regional offices (Dukcapil for the Dinas Kependudukan dan Pencatatan Sipil, ...).

/** Everyday short names of regional offices, with the word of the office's full name each stands for. */
const SHORT_NAMES: Record<string, readonly string[]> = {
  dukcapil: ["kependudukan"],
  disdukcapil: ["kependudukan"],
  capil: ["pencatatan sipil"],
  kk: ["kartu keluarga"],
  ktp: ["ktp-el", "kependudukan"],
  dinkes: ["kesehatan"],
  disdik: ["pendidikan"],
  dispendik: ["pendidikan"],
  dishub: ["perhubungan"],
  dinsos: ["sosial"],
  disnaker: ["tenaga kerja"],
  dpmptsp: ["penanaman modal", "pelayanan terpadu"],
  ptsp: ["pelayanan terpadu"],
  bapenda: ["pendapatan"],
  samsat: ["pendapatan", "kendaraan"],
  rsud: ["rumah sakit"],
  pkm: ["puskesmas"],
};

export const MAX_QUERY_WORDS = 6;

/**
 * The query's words, lowercased, each with the forms it may be found as (itself first). Empty for an empty query.
 */
export function officeSearchTerms(query: string): string[][] {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean).slice(0, MAX_QUERY_WORDS);
  return words.map((word) => [...new Set([word, ...(SHORT_NAMES[word] ?? [])])]);
}

export const MAX_SEARCH_NAMES = 12;
export const MAX_SEARCH_NAME_LENGTH = 80;

export type SearchNamesRefusal = "tooMany" | "tooLong";

/**
 * A unit's other names as an administrator types them (separated by commas, semicolons or lines), tidied: spaces
 * collapsed, empty and repeated names (whatever their case) dropped. Stored as one line, joined by ", ".
 */
export function parseSearchNames(text: string): { ok: true; names: string[] } | { ok: false; refusal: SearchNamesRefusal } {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const part of text.split(/[,;\n]/)) {
    const name = part.replace(/\s+/g, " ").trim();
    if (name === "" || seen.has(name.toLowerCase())) continue;
    if (name.length > MAX_SEARCH_NAME_LENGTH) return { ok: false, refusal: "tooLong" };
    seen.add(name.toLowerCase());
    names.push(name);
  }
  return names.length > MAX_SEARCH_NAMES ? { ok: false, refusal: "tooMany" } : { ok: true, names };
}
