// The berita acara of a forum (Forum Konsultasi Publik, PermenPANRB 16/2017; DOMAIN.md §4): what it must hold
// before it may be published, how theme summaries cite inputs, and when a follow-up action is late.

export const STAKEHOLDER_GROUP_CODES = ["service_users", "academics", "agencies", "civil_society", "media"] as const;
export type StakeholderGroupCode = (typeof STAKEHOLDER_GROUP_CODES)[number];

export const ACTION_STATUS_CODES = ["planned", "in_progress", "done", "dropped"] as const;
export type ActionStatusCode = (typeof ACTION_STATUS_CODES)[number];

/** An input that can be grouped and cited: accepted, not hidden, not merged into another. */
export function isActiveItem(item: { moderation: string; hiddenReason: string | null; mergedIntoId: number | null }): boolean {
  return item.moderation === "accepted" && item.hiddenReason === null && item.mergedIntoId === null;
}

/** Inputs are cited in a summary as "#12" (the input's number within the forum). */
const CITATION = /#(\d{1,6})\b/g;

/** The input numbers a summary cites, each once, in the order first cited. */
export function citedNumbers(summary: string): number[] {
  const seen = new Set<number>();
  for (const match of summary.matchAll(CITATION)) seen.add(Number(match[1]));
  return [...seen];
}

export type CitationCheck =
  | { kind: "ok"; numbers: number[] }
  | { kind: "noCitation" }
  | { kind: "notInTheme"; numbers: number[] }
  | { kind: "missing"; numbers: number[] };

/**
 * A summary may only state what its theme's inputs say, and must reflect every one of them: it cites each of the
 * theme's visible inputs (`citable`) and nothing else, except the inputs the moderator marked as not reflected
 * (`notReflected`, each with a reason shown publicly). `missing` lists the inputs it leaves out, in number order.
 */
export function checkCitations(summary: string, citable: readonly number[], notReflected: readonly number[] = []): CitationCheck {
  const numbers = citedNumbers(summary);
  if (numbers.length === 0) return { kind: "noCitation" };
  const allowed = new Set(citable);
  const outside = numbers.filter((number) => !allowed.has(number));
  if (outside.length > 0) return { kind: "notInTheme", numbers: outside };
  const missing = uncitedNumbers(numbers, citable, notReflected);
  return missing.length > 0 ? { kind: "missing", numbers: missing } : { kind: "ok", numbers };
}

/** The theme's inputs a summary does not cite and that are not marked as not reflected, in number order. */
export function uncitedNumbers(cited: readonly number[], citable: readonly number[], notReflected: readonly number[] = []): number[] {
  const accounted = new Set([...cited, ...notReflected]);
  return [...new Set(citable)].filter((number) => !accounted.has(number)).sort((a, b) => a - b);
}

export interface RecordDraftFacts {
  approved: boolean;
  attendanceTotal: number;
  /** `uncited`: the theme's visible inputs its summary does not cite (inputs moved in after it was written). */
  themes: { label: string; accepted: boolean; summary: string; citedCount: number; uncited: number[] }[];
  actionCount: number;
  agreements: string;
}

export type PublishGap =
  | { kind: "notApproved" }
  | { kind: "noAttendance" }
  | { kind: "noThemes" }
  | { kind: "noAgreements" }
  | { kind: "noActions" }
  | { kind: "themeNotAccepted"; label: string }
  | { kind: "summaryMissing"; label: string }
  | { kind: "summaryUncited"; label: string }
  | { kind: "summaryIncomplete"; label: string; numbers: number[] };

/**
 * What still stands between a draft and publication; empty when it may be published. The minimum record
 * (DOMAIN.md §4): attendance by group, topics with inputs, agreements, follow-up actions, and the chair's approval.
 */
export function publishGaps(facts: RecordDraftFacts): PublishGap[] {
  const gaps: PublishGap[] = [];
  if (facts.attendanceTotal <= 0) gaps.push({ kind: "noAttendance" });
  if (facts.themes.length === 0) gaps.push({ kind: "noThemes" });
  for (const theme of facts.themes) {
    if (!theme.accepted) gaps.push({ kind: "themeNotAccepted", label: theme.label });
    else if (theme.summary.trim() === "") gaps.push({ kind: "summaryMissing", label: theme.label });
    else if (theme.citedCount === 0) gaps.push({ kind: "summaryUncited", label: theme.label });
    else if (theme.uncited.length > 0) gaps.push({ kind: "summaryIncomplete", label: theme.label, numbers: theme.uncited });
  }
  if (facts.agreements.trim() === "") gaps.push({ kind: "noAgreements" });
  if (facts.actionCount === 0) gaps.push({ kind: "noActions" });
  if (!facts.approved) gaps.push({ kind: "notApproved" });
  return gaps;
}

/** An open action is late from the day after its due date (days compared in the agency's time zone). */
export function isActionLate(action: { status: ActionStatusCode; dueOn: string }, today: string): boolean {
  return (action.status === "planned" || action.status === "in_progress") && action.dueOn < today;
}

export type ActionChange =
  | { ok: true }
  | { ok: false; reason: "noteRequired" | "dropReasonRequired" | "evidenceRequired" };

/**
 * A status update always says what was done; dropping an action also says why; done needs evidence: a link or a
 * description, or a file (a photo or a PDF, checked by app/domain/skp-evidence.ts).
 */
export function checkActionUpdate(update: { status: ActionStatusCode; note: string; evidence?: string | null; hasFile?: boolean }): ActionChange {
  if (update.note.trim() === "") return { ok: false, reason: update.status === "dropped" ? "dropReasonRequired" : "noteRequired" };
  if (update.status === "done" && (update.evidence ?? "").trim() === "" && !update.hasFile) return { ok: false, reason: "evidenceRequired" };
  return { ok: true };
}

/** How an evidence file is named beside its link: its kind and its size in whole kilobytes (at least 1). */
export function evidenceFileFacts(file: { type: string; bytes: number }): { kind: "photo" | "pdf"; kilobytes: number } {
  return { kind: file.type === "application/pdf" ? "pdf" : "photo", kilobytes: Math.max(1, Math.round(file.bytes / 1024)) };
}

export type Evidence = { kind: "link"; href: string } | { kind: "text"; text: string };

/** Evidence is shown as a link when it is one web address (http or https), as text otherwise. */
export function evidenceOf(evidence: string): Evidence {
  const trimmed = evidence.trim();
  if (/^https?:\/\/\S+$/i.test(trimmed)) {
    try {
      const url = new URL(trimmed);
      if (url.protocol === "http:" || url.protocol === "https:") return { kind: "link", href: url.href };
    } catch {
      // not a web address: shown as text
    }
  }
  return { kind: "text", text: trimmed };
}

/** Whether a forum is still to come on `today` (its day included), for the public list. */
export function isComing(heldOn: string, today: string): boolean {
  return heldOn >= today;
}

export interface BeritaAcaraItem {
  number: number;
  body: string;
  source: string;
  group: string | null;
  name: string | null;
  /** Why the theme's summary does not reflect this input, as the moderator wrote it (themed inputs only). */
  notReflectedReason?: string | null;
}

/** The frozen content of a published berita acara; older versions are read from it exactly as published. */
export interface BeritaAcaraSnapshot {
  version: number;
  correctionReason: string | null;
  forum: {
    title: string;
    unitName: string;
    agencyName: string;
    heldOn: string;
    startTime: string | null;
    place: string;
    agenda: string;
    chairName: string;
    noteTakerName: string;
    services: string[];
  };
  attendance: { group: StakeholderGroupCode; count: number; names: string[] }[];
  themes: {
    id: number;
    priority: number;
    label: string;
    element: string;
    summary: string;
    citedNumbers: number[];
    items: BeritaAcaraItem[];
  }[];
  /** Visible inputs in no theme ("masukan lain"): the record leaves no input out. Absent in versions published before. */
  otherItems?: BeritaAcaraItem[];
  agreements: string;
  dissent: string;
  actions: {
    id: number;
    description: string;
    responsibleUnit: string;
    responsibleOfficer: string | null;
    dueOn: string;
    element: string | null;
    theme: string | null;
    /** Progress as it was at publication (live progress is shown beside it). Absent in versions published before. */
    statusAtPublication?: ActionStatusCode;
    noteAtPublication?: string | null;
    evidenceAtPublication?: string | null;
  }[];
  approval: { chairName: string; approvedOn: string; communityRepName: string | null; communitySignedOn: string | null };
  publishedAt: string;
}
