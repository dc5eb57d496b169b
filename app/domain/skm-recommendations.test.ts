import { describe, expect, it } from "vitest";
import {
  checkDueDate,
  checkStatusChange,
  doneCount,
  inReadingOrder,
  isRecommendationLate,
  nextStatuses,
  publicStateOf,
  type RecommendationStatus,
} from "./skm-recommendations";

const base = { note: "Loket lansia dibuka", evidence: "", notedOn: "2026-10-05", periodFrom: "2026-07-01", today: "2026-10-10" };

describe("a recommendation's status changes", () => {
  it.each([
    ["planned", "in_progress", {}, { ok: true }],
    ["planned", "done", { evidence: "SK Kepala Dinas 12/2026" }, { ok: true }],
    ["in_progress", "in_progress", {}, { ok: true }],
    ["in_progress", "done", { evidence: "https://example.go.id/foto.jpg" }, { ok: true }],
    ["done", "in_progress", { note: "Dibuka lagi: loket ditutup karena renovasi" }, { ok: true }],
    ["planned", "planned", {}, { ok: false, field: "status", reason: "notAllowed" }],
    ["in_progress", "planned", {}, { ok: false, field: "status", reason: "notAllowed" }],
    ["done", "planned", {}, { ok: false, field: "status", reason: "notAllowed" }],
    ["done", "done", { evidence: "x" }, { ok: false, field: "status", reason: "notAllowed" }],
    ["planned", "in_progress", { note: "   " }, { ok: false, field: "note", reason: "noteRequired" }],
    ["in_progress", "done", { evidence: " " }, { ok: false, field: "evidence", reason: "evidenceRequired" }],
    ["planned", "in_progress", { notedOn: "2026-10-11" }, { ok: false, field: "notedOn", reason: "future" }],
    ["planned", "in_progress", { notedOn: "2026-10-10" }, { ok: true }],
    ["planned", "in_progress", { notedOn: "2026-06-30" }, { ok: false, field: "notedOn", reason: "beforePeriod" }],
    ["planned", "in_progress", { notedOn: "2026-07-01" }, { ok: true }],
  ] as const)("%s → %s %j gives %j", (from, to, overrides, expected) => {
    expect(checkStatusChange({ ...base, from, to, ...overrides })).toEqual(expected);
  });

  it.each([
    ["planned", ["in_progress", "done"]],
    ["in_progress", ["in_progress", "done"]],
    ["done", ["in_progress"]],
  ] as const)("from %s a form offers %j", (status, next) => expect(nextStatuses(status)).toEqual(next));

  it("never offers a move that the check refuses", () => {
    for (const from of ["planned", "in_progress", "done"] as RecommendationStatus[])
      for (const to of nextStatuses(from)) expect(checkStatusChange({ ...base, from, to, evidence: "bukti" }).ok).toBe(true);
  });
});

describe("a recommendation's due date and lateness", () => {
  it.each([
    ["2026-06-30", "2026-07-01", { ok: false, reason: "beforePeriod" }],
    ["2026-07-01", "2026-07-01", { ok: true }],
    ["2027-03-31", "2026-07-01", { ok: true }],
  ] as const)("due %s for a period from %s: %j", (dueOn, periodFrom, expected) => expect(checkDueDate(dueOn, periodFrom)).toEqual(expected));

  it.each([
    ["planned", "2026-10-10", "2026-10-10", false, "planned"],
    ["planned", "2026-10-10", "2026-10-11", true, "late"],
    ["in_progress", "2026-10-10", "2026-12-01", true, "late"],
    ["done", "2026-10-10", "2026-12-01", false, "done"],
    ["in_progress", "2026-12-31", "2026-12-01", false, "in_progress"],
  ] as const)("%s due %s on %s: late %s, shown as %s", (status, dueOn, today, late, state) => {
    expect(isRecommendationLate({ status, dueOn }, today)).toBe(late);
    expect(publicStateOf({ status, dueOn }, today)).toBe(state);
  });
});

describe("reading order", () => {
  const rows = [
    { id: 1, element: "U3" as const, dueOn: "2026-12-01", status: "done" as const },
    { id: 2, element: "U7" as const, dueOn: "2026-11-01", status: "planned" as const },
    { id: 3, element: "U1" as const, dueOn: "2026-10-01", status: "in_progress" as const },
    { id: 4, element: "U7" as const, dueOn: "2026-10-15", status: "done" as const },
  ];
  it.each([
    ["U7", [4, 2, 3, 1]],
    ["U3", [1, 3, 4, 2]],
    [null, [3, 1, 4, 2]],
  ] as const)("with %s lowest: %j", (lowest, ids) => expect(inReadingOrder(rows, lowest).map((row) => row.id)).toEqual(ids));

  it("counts the done ones", () => expect(doneCount(rows)).toBe(2));
});
