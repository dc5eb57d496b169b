import type { ImportOutcome } from "~/data/org-import.server";

// The organisation import page's preview: what an upload would add, update and retire, or its problems.

export const IMPORT_ENTITIES = ["units", "services", "counters", "officers", "patterns"] as const;

interface Upload {
  id: number;
  source: string;
  retireMissing: boolean;
  appliedImportId: number | null;
}

export function importPreview(upload: Upload, outcome: ImportOutcome | { ok: false; agencyProblem: string }) {
  const base = { id: upload.id, source: upload.source, retireMissing: upload.retireMissing, applied: upload.appliedImportId !== null };
  if (!outcome.ok) return { ...base, summary: null, changes: 0, details: [], problems: "problems" in outcome ? outcome.problems : [] };
  return {
    ...base,
    summary: outcome.summary,
    changes: outcome.changes,
    details: IMPORT_ENTITIES.map((entity) => ({
      entity,
      added: outcome.plan[entity].added.map((row) => labelOf(row)),
      updated: outcome.plan[entity].updated.map((update) => ({ label: labelOf(update.row), fields: update.fields })),
      retired: outcome.plan[entity].retired.map((retired) => retired.label),
    })),
    problems: [],
  };
}

function labelOf(row: object): string {
  const cells = row as Record<string, unknown>;
  if ("position" in cells) return `${String(cells.nip)} ${String(cells.name)}`;
  if ("counterCode" in cells) return `${String(cells.counterCode)} · ${String(cells.nip)} · ${String(cells.starts)}–${String(cells.ends)}`;
  return `${String(cells.code)} ${String(cells.name)}`;
}
