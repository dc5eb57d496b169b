// The nine SKM elements (unsur), PermenPANRB 14/2017. Only stable codes live here: the names and questions
// are texts in the translation files, and an element is never identified by its position in a form
// (sources disagree on whether U8 or U9 is complaint handling; see DOMAIN.md §1.1).

export const ELEMENT_CODES = ["U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9"] as const;

/** Code of one SKM element (unsur), U1..U9. */
export type ElementCode = (typeof ELEMENT_CODES)[number];

/** U6 (competence) and U7 (behaviour) describe the individual officer rather than the unit. */
export const OFFICER_ELEMENT_CODES = ["U6", "U7"] as const satisfies readonly ElementCode[];

export function isElementCode(value: string): value is ElementCode {
  return (ELEMENT_CODES as readonly string[]).includes(value);
}

/** Position of a code in U1..U9 order; used to break ties deterministically. */
export function elementOrder(code: ElementCode): number {
  return ELEMENT_CODES.indexOf(code);
}

/** A record with one value per element, built in U1..U9 order. */
export function mapElements<T>(valueFor: (code: ElementCode) => T): Record<ElementCode, T> {
  return Object.fromEntries(ELEMENT_CODES.map((code) => [code, valueFor(code)])) as Record<ElementCode, T>;
}
