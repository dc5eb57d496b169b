// Text that must never reach a visitor: a stack trace, a module path, or PostgreSQL's own words.
export const STACK_OR_DATABASE_TEXT = [
  /\bat [\w$.<>]+ \(.*:\d+:\d+\)/,
  /node_modules/,
  /out of range for type/,
  /invalid input syntax/,
  /invalid byte sequence/,
  /violates .* constraint/,
  /PostgresError|DatabaseError|TypeError|ReferenceError/,
];

/** The first pattern the text shows, if any. */
export function leakIn(body: string): RegExp | undefined {
  return STACK_OR_DATABASE_TEXT.find((pattern) => pattern.test(body));
}
