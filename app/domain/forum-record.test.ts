import { describe, expect, it } from "vitest";
import { checkActionUpdate, checkCitations, citedNumbers, evidenceFileFacts, evidenceOf, isActionLate, isComing, publishGaps, type RecordDraftFacts } from "./forum-record";
import { localDateOf } from "./working-days";

describe("citations", () => {
  it.each([
    ["Antrean lama (#3, #7) dan #3 lagi", [3, 7]],
    ["tanpa rujukan", []],
    ["#12#13", [12, 13]],
  ])("%j cites %j", (summary, numbers) => {
    expect(citedNumbers(summary)).toEqual(numbers);
  });

  it("refuses a summary that cites nothing", () => {
    expect(checkCitations("Warga puas.", [1, 2])).toEqual({ kind: "noCitation" });
  });

  it("refuses a summary citing an input outside its theme", () => {
    expect(checkCitations("Lihat #1 dan #9", [1, 2])).toEqual({ kind: "notInTheme", numbers: [9] });
  });

  it("refuses a summary that leaves one of its theme's inputs out, naming it", () => {
    expect(checkCitations("Lihat #2", [1, 2, 5])).toEqual({ kind: "missing", numbers: [1, 5] });
  });

  it("accepts a summary that leaves out only the inputs marked as not reflected", () => {
    expect(checkCitations("Lihat #2", [1, 2, 5], [1])).toEqual({ kind: "missing", numbers: [5] });
    expect(checkCitations("Lihat #2", [1, 2, 5], [1, 5])).toEqual({ kind: "ok", numbers: [2] });
  });

  it("accepts a summary citing every one of its own inputs", () => {
    expect(checkCitations("Lihat #2 dan #1", [1, 2])).toEqual({ kind: "ok", numbers: [2, 1] });
  });
});

describe("publishGaps", () => {
  const complete: RecordDraftFacts = {
    approved: true,
    attendanceTotal: 20,
    themes: [{ label: "antrean", accepted: true, summary: "Antrean lama #1", citedCount: 1, uncited: [] }],
    actionCount: 2,
    agreements: "Loket tambahan dibuka.",
  };

  it("is empty for a complete, approved record", () => {
    expect(publishGaps(complete)).toEqual([]);
  });

  it.each<[string, Partial<RecordDraftFacts>, string]>([
    ["not approved", { approved: false }, "notApproved"],
    ["nobody attended", { attendanceTotal: 0 }, "noAttendance"],
    ["no themes", { themes: [] }, "noThemes"],
    ["no actions", { actionCount: 0 }, "noActions"],
    ["no agreements", { agreements: " " }, "noAgreements"],
    ["a theme not accepted", { themes: [{ label: "x", accepted: false, summary: "", citedCount: 0, uncited: [] }] }, "themeNotAccepted"],
    ["a summary missing", { themes: [{ label: "x", accepted: true, summary: "", citedCount: 0, uncited: [] }] }, "summaryMissing"],
    ["a summary uncited", { themes: [{ label: "x", accepted: true, summary: "teks", citedCount: 0, uncited: [] }] }, "summaryUncited"],
    ["a summary leaving an input out", { themes: [{ label: "x", accepted: true, summary: "#1", citedCount: 1, uncited: [4] }] }, "summaryIncomplete"],
  ])("names %s", (_, change, kind) => {
    expect(publishGaps({ ...complete, ...change }).map((gap) => gap.kind)).toEqual([kind]);
  });
});

describe("actions", () => {
  it.each<[string, "planned" | "in_progress" | "done" | "dropped", string, boolean]>([
    ["due yesterday, planned", "planned", "2026-11-22", true],
    ["due today", "in_progress", "2026-11-23", false],
    ["due yesterday but done", "done", "2026-11-22", false],
    ["due yesterday but dropped", "dropped", "2026-11-22", false],
  ])("%s: late %s", (_, status, dueOn, late) => {
    expect(isActionLate({ status, dueOn }, "2026-11-23")).toBe(late);
  });

  it("asks a reason to drop and a note for any update", () => {
    expect(checkActionUpdate({ status: "dropped", note: " " })).toEqual({ ok: false, reason: "dropReasonRequired" });
    expect(checkActionUpdate({ status: "done", note: "" })).toEqual({ ok: false, reason: "noteRequired" });
    expect(checkActionUpdate({ status: "done", note: "Selesai", evidence: "SK Kepala Dinas No. 12/2026" })).toEqual({ ok: true });
    expect(checkActionUpdate({ status: "in_progress", note: "Dipesan" })).toEqual({ ok: true });
  });

  it("accepts a file as the evidence of a done action", () => {
    expect(checkActionUpdate({ status: "done", note: "Selesai", hasFile: true })).toEqual({ ok: true });
    expect(checkActionUpdate({ status: "done", note: "Selesai", evidence: "", hasFile: false })).toEqual({ ok: false, reason: "evidenceRequired" });
    expect(checkActionUpdate({ status: "done", note: "", hasFile: true })).toEqual({ ok: false, reason: "noteRequired" });
  });

  it("names an evidence file by its kind and size", () => {
    expect(evidenceFileFacts({ type: "application/pdf", bytes: 250_000 })).toEqual({ kind: "pdf", kilobytes: 244 });
    expect(evidenceFileFacts({ type: "image/png", bytes: 10 })).toEqual({ kind: "photo", kilobytes: 1 });
    expect(evidenceFileFacts({ type: "image/jpeg", bytes: 2048 })).toEqual({ kind: "photo", kilobytes: 2 });
  });

  it("marks an action done only with evidence", () => {
    expect(checkActionUpdate({ status: "done", note: "Selesai" })).toEqual({ ok: false, reason: "evidenceRequired" });
    expect(checkActionUpdate({ status: "done", note: "Selesai", evidence: "  " })).toEqual({ ok: false, reason: "evidenceRequired" });
  });

  it.each([
    ["https://disdukcapil.pariamankota.go.id/antrean", { kind: "link", href: "https://disdukcapil.pariamankota.go.id/antrean" }],
    [" http://contoh.go.id ", { kind: "link", href: "http://contoh.go.id/" }],
    ["javascript:alert(1)", { kind: "text", text: "javascript:alert(1)" }],
    ["Foto loket di papan pengumuman, lihat https://contoh.go.id", { kind: "text", text: "Foto loket di papan pengumuman, lihat https://contoh.go.id" }],
  ])("shows evidence %j as %j", (evidence, shown) => expect(evidenceOf(evidence)).toEqual(shown));
});

describe("days", () => {
  it("reads the day in the agency's time zone", () => {
    const at = new Date("2026-11-23T18:30:00Z");
    expect(localDateOf(at, "Asia/Jakarta")).toBe("2026-11-24");
    expect(localDateOf(at, "UTC")).toBe("2026-11-23");
  });

  it("counts a forum held today as coming", () => {
    expect(isComing("2026-11-23", "2026-11-23")).toBe(true);
    expect(isComing("2026-11-22", "2026-11-23")).toBe(false);
  });
});
