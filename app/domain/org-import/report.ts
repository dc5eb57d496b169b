// How an import's problems and counts read, in the user's language (the translator is passed in). Pure.

import type { ImportProblem } from "./sheets";

export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** "pegawai.csv:7: NIP \"123\" must have 18 digits" (line 1 is the header; line 0 means the whole input). */
export function formatProblem(t: Translate, problem: ImportProblem): string {
  const reason = t(`orgImport.problems.${problem.reason}`, problem.params);
  if (problem.line === 0) return problem.file ? `${problem.file}: ${reason}` : reason;
  return `${problem.file}:${problem.line}: ${reason}`;
}
