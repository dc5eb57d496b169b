/**
 * A URL for the logs, without the one-time secrets some pages carry (the set-up link, activation codes), also
 * where a path travels encoded inside a query (Remix's route manifest requests: `p=%2Fpenyiapan%2F…`).
 */
export function redactedUrl(url: string): string {
  return url
    .replace(/(\/|%2F)(penyiapan|aktivasi)(\/|%2F)[^/?#&%]+/gi, "$1$2$3[redacted]")
    .replace(/([?&](?:kode|token|code)=)[^&#]*/g, "$1[redacted]");
}
