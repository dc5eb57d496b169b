// Which translation files a page needs, by its path: a citizen's phone gets the rating texts, not the texts of
// every staff screen. Staff pages (and anything unlisted) get all of them.
const PUBLIC_PAGES: [prefix: string, files: string[]][] = [
  ["/l/", ["common", "ratings"]],
  ["/pengaduan", ["common", "complaints", "ratings"]],
  ["/forum", ["common", "forums", "ratings"]],
  ["/kantor", ["common", "ratings", "indicators", "complaints", "forums", "public-results"]],
  ["/api/v1/docs", ["common", "public-results"]],
  ["/masuk", ["common"]],
  ["/penyiapan", ["common", "accounts"]],
  ["/aktivasi", ["common", "accounts"]],
  ["/ulasan-rekan", ["common", "assessments"]],
];
const HOME: string[] = ["common"];

/** The translation files for a path, or null for all of them. */
export function translationFilesFor(pathname: string): string[] | null {
  if (pathname === "/") return HOME;
  return PUBLIC_PAGES.find(([prefix]) => pathname.startsWith(prefix))?.[1] ?? null;
}

export function sameTranslationFiles(a: string, b: string): boolean {
  return JSON.stringify(translationFilesFor(a)) === JSON.stringify(translationFilesFor(b));
}
