import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";

// Strength by zxcvbn (a realistic estimate of how many guesses a password takes, with lists of common passwords),
// so "Password123" is refused however long it is. Words of the person and the portal count as guessable.
const estimator = new ZxcvbnFactory({
  dictionary: { ...common.dictionary },
  graphs: common.adjacencyGraphs,
  useLevenshteinDistance: true,
});

/** zxcvbn's score: 0 (too guessable) .. 4 (very unguessable); 3 means about 10^8 guesses or more. */
export const MINIMUM_SCORE = 3;

// The demo's published password must never guard a real installation.
const PORTAL_WORDS = ["suara", "suara-demo-2026", "demo", "admin", "administrator", "pemda", "password", "sandi", "katasandi", "rahasia"];

export type PasswordVerdict = { ok: true } | { ok: false; reason: "weak" | "personal" };

/** Checks a new password against the person's own words (name, username, agency) and the portal's. */
export function checkPasswordStrength(password: string, personalWords: readonly string[]): PasswordVerdict {
  const words = [...PORTAL_WORDS, ...personalWords.flatMap((word) => [word, ...word.split(/[\s.@_-]+/)])]
    .map((word) => word.trim().toLowerCase())
    .filter((word) => word.length >= 3);
  const lowered = password.toLowerCase();
  if (words.some((word) => word.length >= 5 && lowered === word)) return { ok: false, reason: "personal" };
  const result = estimator.check(password, words);
  if (result.score >= MINIMUM_SCORE) return { ok: true };
  return { ok: false, reason: result.feedback.warning === "userInputs" ? "personal" : "weak" };
}

/** The translation key for a refused password. */
export function passwordErrorKey(verdict: Extract<PasswordVerdict, { ok: false }>): string {
  return verdict.reason === "personal" ? "accounts.errors.passwordPersonal" : "accounts.errors.passwordWeak";
}
