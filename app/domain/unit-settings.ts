import { z } from "zod";
import { ELEMENT_CODES, type ElementCode } from "./indicators/elements";
import { EQUAL_WEIGHTS, parseWeights, rational, type IkmWeights, type Rational } from "./indicators/ikm";
import type { OrganisationPredikat } from "./predikat";

// A unit's own settings, kept by its agency's administrators: the IKM weights of the nine elements (PermenPANRB
// 14/2017 lets a unit re-weight them as long as they sum to 1), the organisational predicate whose distribution
// pattern its officers' predicates are checked against (PermenPANRB 6/2022), and how officers' names show on its
// public counter pages.

export const OFFICER_NAME_DISPLAYS = ["full", "first_initial", "initials"] as const;
/** How an officer's name shows on the public counter page: "Agus Setiawan", "Agus S." or "A. S.". */
export type OfficerNameDisplay = (typeof OFFICER_NAME_DISPLAYS)[number];

export const ORGANISATION_PREDIKATS = ["istimewa", "baik", "butuh_perbaikan", "kurang", "sangat_kurang"] as const satisfies readonly OrganisationPredikat[];

// Titles written before a name (gelar depan) and degrees after a comma (gelar belakang) are not part of it.
const LEADING_TITLE = /^(?:dr|drg|drs|dra|ir|h|hj|prof|kh|ns|apt|bd)\.?$/i;

/** The words of a person's name without academic or religious titles ("dr. Hj. Siti Aminah, Sp.A." → Siti, Aminah). */
export function nameWords(fullName: string): string[] {
  const [beforeDegrees = ""] = fullName.split(",");
  const words = beforeDegrees.split(/\s+/).filter((word) => word !== "");
  const named = words.filter((word) => !LEADING_TITLE.test(word));
  return named.length > 0 ? named : words;
}

/** The name as the unit chose to show it on its public counter page. */
export function formatOfficerName(fullName: string, display: OfficerNameDisplay): string {
  if (display === "full") return fullName.trim();
  const words = nameWords(fullName);
  if (words.length === 0) return "";
  const initial = (word: string) => `${Array.from(word)[0]!.toLocaleUpperCase("id")}.`;
  if (display === "initials") return words.map(initial).join(" ");
  const [first, ...rest] = words;
  return [first!, ...rest.map(initial)].join(" ");
}

/**
 * A weight as an administrator types it: a decimal with a comma or a point ("0,15", "0.15") or a fraction
 * ("1/9"). Read exactly, never through floating point. Null when it is not a non-negative number.
 */
export function parseWeightText(text: string): Rational | null {
  const value = text.trim().replace(/\s+/g, "");
  const fraction = /^(\d{1,6})\/(\d{1,6})$/.exec(value);
  if (fraction) return fraction[2] === "0" || /^0+$/.test(fraction[2]!) ? null : rational(BigInt(fraction[1]!), BigInt(fraction[2]!));
  const decimal = /^(\d{1,3})(?:[.,](\d{1,9}))?$/.exec(value);
  if (!decimal) return null;
  const digits = decimal[2] ?? "";
  return rational(BigInt(decimal[1]! + digits), 10n ** BigInt(digits.length));
}

/** A weight as it is stored and shown again: "1/9", "3/20". */
export function weightText(weight: Rational): string {
  return weight.den === 1n ? String(weight.num) : `${weight.num}/${weight.den}`;
}

/** The weights a unit's IKM uses: its own when stored and valid (sum exactly 1), else 1/9 each. */
export function weightsFromStored(stored: Readonly<Record<string, string>> | null | undefined): IkmWeights {
  if (!stored) return EQUAL_WEIGHTS;
  const parsed: Partial<Record<ElementCode, { num: bigint; den: bigint }>> = {};
  for (const code of ELEMENT_CODES) {
    const text = stored[code];
    const weight = typeof text === "string" ? parseWeightText(text) : null;
    if (weight === null) return EQUAL_WEIGHTS;
    parsed[code] = weight;
  }
  const result = parseWeights(parsed as Record<ElementCode, { num: bigint; den: bigint }>);
  return result.ok ? result.weights : EQUAL_WEIGHTS;
}

const weightFields = Object.fromEntries(ELEMENT_CODES.map((code) => [`w${code}`, z.string().max(20, "form.tooLong").optional()])) as Record<`w${ElementCode}`, z.ZodOptional<z.ZodString>>;

/**
 * The unit settings form. With `weights=custom` every element's weight must read as a number and together they
 * must sum to exactly 1 (0,111 nine times is 0,999 and is refused); the stored form is exact fractions.
 */
export const unitSettingsSchema = z
  .object({
    weights: z.enum(["equal", "custom"], { errorMap: () => ({ message: "form.required" }) }),
    ...weightFields,
    pattern: z.enum(ORGANISATION_PREDIKATS, { errorMap: () => ({ message: "form.notInList" }) }),
    nameDisplay: z.enum(OFFICER_NAME_DISPLAYS, { errorMap: () => ({ message: "form.notInList" }) }),
  })
  .transform((input, context) => {
    let ikmWeights: Record<ElementCode, string> | null = null;
    if (input.weights === "custom") {
      const parsed: Partial<Record<ElementCode, Rational>> = {};
      for (const code of ELEMENT_CODES) {
        const text = input[`w${code}`] ?? "";
        const weight = text.trim() === "" ? null : parseWeightText(text);
        if (weight === null) context.addIssue({ code: "custom", path: [`w${code}`], message: text.trim() === "" ? "form.required" : "unitSettings.errors.weight" });
        else parsed[code] = weight;
      }
      if (Object.keys(parsed).length === ELEMENT_CODES.length) {
        const checked = parseWeights(parsed as Record<ElementCode, Rational>);
        if (!checked.ok) context.addIssue({ code: "custom", path: ["weightsSum"], message: "unitSettings.errors.sumNotOne" });
        else ikmWeights = Object.fromEntries(ELEMENT_CODES.map((code) => [code, weightText(checked.weights[code])])) as Record<ElementCode, string>;
      }
    }
    return { ikmWeights, pattern: input.pattern, nameDisplay: input.nameDisplay };
  });
export type UnitSettingsInput = z.output<typeof unitSettingsSchema>;
