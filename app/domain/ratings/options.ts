// The answer options of the rating forms, kept apart from the zod schema so the browser bundle stays small.

// The respondent profile of the SKM form (PermenPANRB 14/2017); every field optional for the citizen.
export const SEXES = ["male", "female"] as const;
export const AGE_BANDS = ["lt20", "20_29", "30_39", "40_49", "50_59", "60plus"] as const;
export const EDUCATIONS = ["sd", "smp", "sma", "d1_d3", "d4_s1", "s2", "s3"] as const;
export const OCCUPATIONS = ["pns", "tni", "polri", "swasta", "wirausaha", "pelajar", "lainnya"] as const;
export const SCORES = [1, 2, 3, 4] as const;
export const COMMENT_MAX = 1000;

/** Initials for the officer picker ("Yulia Fitri" → "YF"), so a citizen can match a name badge. */
export function initialsOf(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join("");
}
