import { describe, expect, it } from "vitest";
import {
  applyComplaintEvent,
  deadlinesFor,
  isLateVisit,
  newComplaint,
  runningDeadline,
  shouldShowOmbudsmanNotice,
  type ComplaintActor,
  type ComplaintEvent,
  type ComplaintEventType,
  type ComplaintState,
  type ComplaintStatus,
  type ComplaintTransition,
  type HandlingRating,
} from "./complaint-lifecycle";
import { createHolidayCalendar } from "./working-days";

const calendar = createHolidayCalendar(["2026-01-01", "2026-01-16", "2026-12-24", "2026-12-25", "2027-01-01"]);
const clock = { calendar };

/** An instant given as WIB wall-clock time. */
function wib(localDateTime: string): Date {
  return new Date(`${localDateTime}+07:00`);
}
function endOfWibDay(date: string): Date {
  return new Date(`${date}T23:59:59.999+07:00`);
}

const handler: ComplaintActor = { role: "complaint_handler" };
const supervisor: ComplaintActor = { role: "supervisor" };
const citizen: ComplaintActor = { role: "citizen" };
const system: ComplaintActor = { role: "system" };
const namedOfficer: ComplaintActor = { role: "officer", officerId: "7" };

const submittedAt = wib("2026-01-05T09:00");

/** A typical event of each type, with the actor who may send it. */
const typical: Record<ComplaintEventType, { event: ComplaintEvent; actor: ComplaintActor }> = {
  verify: { event: { type: "verify", category: "pengaduan", visibility: "public" }, actor: handler },
  postpone: { event: { type: "postpone", reason: "Lokasi layanan belum jelas" }, actor: handler },
  not_our_authority: { event: { type: "not_our_authority", referTo: "Kantor Pertanahan Kota" }, actor: handler },
  archive: { event: { type: "archive", reason: "spam", note: "" }, actor: handler },
  resume: { event: { type: "resume" }, actor: handler },
  forward: { event: { type: "forward", unitId: "42", officerId: "7" }, actor: handler },
  follow_up: {
    event: { type: "follow_up", text: "Petugas loket telah ditegur dan antrean diperbaiki." },
    actor: handler,
  },
  citizen_response: { event: { type: "citizen_response", satisfied: true, handlingRating: 4 }, actor: citizen },
  officer_reply: { event: { type: "officer_reply", text: "Saya mohon maaf atas keterlambatan." }, actor: namedOfficer },
  auto_close: { event: { type: "auto_close" }, actor: system },
  close: { event: { type: "close", upheld: true }, actor: handler },
  set_visibility: { event: { type: "set_visibility", visibility: "rahasia" }, actor: handler },
};
const eventTypes = Object.keys(typical) as ComplaintEventType[];

function mustApply(
  state: ComplaintState,
  type: ComplaintEventType,
  now: Date,
  override?: Partial<{ event: ComplaintEvent; actor: ComplaintActor }>,
): ComplaintState {
  const { event, actor } = { ...typical[type], ...override };
  const result = applyComplaintEvent(state, event, actor, now, clock);
  if (!result.ok) throw new Error(`${type} from ${state.status} refused: ${result.reason}`);
  return result.state;
}

/** Walks a new complaint to a status along the usual path, a working day per step. */
function complaintIn(status: ComplaintStatus): ComplaintState {
  const received = newComplaint(submittedAt, "public");
  const steps: Record<ComplaintStatus, () => ComplaintState> = {
    diterima: () => received,
    terverifikasi: () => mustApply(received, "verify", wib("2026-01-06T09:00")),
    ditunda: () => mustApply(received, "postpone", wib("2026-01-06T09:00")),
    bukan_wewenang: () => mustApply(received, "not_our_authority", wib("2026-01-06T09:00")),
    diarsipkan: () => mustApply(received, "archive", wib("2026-01-06T09:00")),
    diteruskan: () => mustApply(complaintIn("terverifikasi"), "forward", wib("2026-01-07T09:00")),
    ditindaklanjuti: () => mustApply(complaintIn("diteruskan"), "follow_up", wib("2026-01-08T09:00")),
    ditanggapi: () => mustApply(complaintIn("ditindaklanjuti"), "citizen_response", wib("2026-01-09T09:00")),
    selesai: () => mustApply(complaintIn("ditanggapi"), "close", wib("2026-01-12T09:00")),
  };
  return steps[status]();
}

// Late enough that auto_close is due for the complaint above (followed up 8 January).
const later = wib("2026-03-02T09:00");

// Every allowed transition; every other (status, event) pair must be refused.
const allowed: Record<ComplaintStatus, Partial<Record<ComplaintEventType, ComplaintStatus>>> = {
  diterima: {
    verify: "terverifikasi",
    postpone: "ditunda",
    not_our_authority: "bukan_wewenang",
    archive: "diarsipkan",
    set_visibility: "diterima",
  },
  terverifikasi: {
    postpone: "ditunda",
    not_our_authority: "bukan_wewenang",
    archive: "diarsipkan",
    forward: "diteruskan",
    set_visibility: "terverifikasi",
  },
  ditunda: { resume: "diterima", archive: "diarsipkan", set_visibility: "ditunda" },
  bukan_wewenang: { set_visibility: "bukan_wewenang" },
  diarsipkan: { set_visibility: "diarsipkan" },
  diteruskan: {
    forward: "diteruskan",
    follow_up: "ditindaklanjuti",
    officer_reply: "diteruskan",
    set_visibility: "diteruskan",
  },
  ditindaklanjuti: {
    citizen_response: "ditanggapi",
    officer_reply: "ditindaklanjuti",
    auto_close: "selesai",
    set_visibility: "ditindaklanjuti",
  },
  ditanggapi: { officer_reply: "ditanggapi", close: "selesai", set_visibility: "ditanggapi" },
  selesai: { officer_reply: "selesai", set_visibility: "selesai" },
};

const transitionTable = (Object.keys(allowed) as ComplaintStatus[]).flatMap((status) =>
  eventTypes.map((type) => [status, type, allowed[status][type] ?? null] as const),
);

describe("applyComplaintEvent: the transition table", () => {
  it.each(transitionTable)("from %s, %s → %s", (status, type, expected) => {
    const { event, actor } = typical[type];
    const result = applyComplaintEvent(complaintIn(status), event, actor, later, clock);
    if (expected === null) {
      expect(result).toEqual({ ok: false, reason: "invalid_transition" });
    } else {
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.state.status).toBe(expected);
    }
  });

  it("resumes a complaint postponed after verification to terverifikasi", () => {
    const postponed = mustApply(complaintIn("terverifikasi"), "postpone", wib("2026-01-07T09:00"));
    expect(postponed.postponedFrom).toBe("terverifikasi");
    const resumed = mustApply(postponed, "resume", wib("2026-01-12T09:00"));
    expect(resumed).toMatchObject({ status: "terverifikasi", postponedFrom: null, postponeReason: null });
  });

  it("re-routes a forwarded complaint to another unit", () => {
    const rerouted = mustApply(complaintIn("diteruskan"), "forward", wib("2026-01-08T09:00"), {
      event: { type: "forward", unitId: "43" },
    });
    expect(rerouted).toMatchObject({
      status: "diteruskan",
      unitId: "43",
      officerId: null,
      followUpClockFrom: wib("2026-01-08T09:00"),
    });
  });

  it("keeps the status on an officer's reply and appends it to the thread", () => {
    const result = applyComplaintEvent(
      complaintIn("ditindaklanjuti"),
      typical.officer_reply.event,
      namedOfficer,
      later,
    );
    expect(result).toEqual<ComplaintTransition>({
      ok: true,
      state: complaintIn("ditindaklanjuti"),
      effects: [
        { type: "append_thread", entry: { kind: "officer_reply", text: "Saya mohon maaf atas keterlambatan." } },
        { type: "notify_citizen", notice: "officer_replied" },
      ],
    });
  });

  it("tells the unit and the named officer when forwarding", () => {
    const result = applyComplaintEvent(complaintIn("terverifikasi"), typical.forward.event, handler, later);
    expect(result.ok && result.effects).toEqual([
      { type: "notify_unit", unitId: "42", notice: "complaint_forwarded" },
      { type: "notify_citizen", notice: "complaint_forwarded" },
      { type: "notify_officer", officerId: "7", notice: "complaint_forwarded" },
    ]);
  });

  it("records who closed and whether the complaint was upheld", () => {
    const closed = mustApply(complaintIn("ditanggapi"), "close", later, { event: { type: "close", upheld: false } });
    expect(closed).toMatchObject({ status: "selesai", closedAt: later, closure: { kind: "closed", upheld: false } });
  });
});

describe("applyComplaintEvent: roles", () => {
  const wrongActors: [ComplaintEventType, ComplaintStatus, ComplaintActor][] = [
    ["verify", "diterima", citizen],
    ["verify", "diterima", supervisor],
    ["postpone", "diterima", { role: "officer" }],
    ["not_our_authority", "diterima", { role: "moderator" }],
    ["archive", "diterima", { role: "admin" }],
    ["resume", "ditunda", citizen],
    ["forward", "terverifikasi", supervisor],
    ["follow_up", "diteruskan", namedOfficer],
    ["follow_up", "diteruskan", citizen],
    ["citizen_response", "ditindaklanjuti", handler],
    ["officer_reply", "ditindaklanjuti", handler],
    ["officer_reply", "ditindaklanjuti", { role: "officer", officerId: "8" }],
    ["officer_reply", "ditindaklanjuti", { role: "officer" }],
    ["auto_close", "ditindaklanjuti", handler],
    ["close", "ditanggapi", citizen],
    ["close", "ditanggapi", system],
    ["set_visibility", "diterima", citizen],
  ];

  it.each(wrongActors)("refuses %s from %s by %o", (type, status, actor) => {
    expect(applyComplaintEvent(complaintIn(status), typical[type].event, actor, later, clock)).toEqual({
      ok: false,
      reason: "not_allowed_for_role",
    });
  });

  it.each<[ComplaintEventType, ComplaintStatus, ComplaintActor]>([
    ["follow_up", "diteruskan", supervisor],
    ["close", "ditanggapi", supervisor],
    ["set_visibility", "selesai", { role: "moderator" }],
  ])("allows %s from %s by %o", (type, status, actor) => {
    expect(applyComplaintEvent(complaintIn(status), typical[type].event, actor, later, clock).ok).toBe(true);
  });

  it("checks the role before the transition", () => {
    expect(applyComplaintEvent(complaintIn("selesai"), typical.verify.event, citizen, later)).toEqual({
      ok: false,
      reason: "not_allowed_for_role",
    });
  });
});

describe("applyComplaintEvent: content", () => {
  it.each<[ComplaintStatus, ComplaintEvent]>([
    ["diterima", { type: "postpone", reason: "  " }],
    ["diterima", { type: "not_our_authority", referTo: "" }],
    ["diterima", { type: "archive", reason: "other", note: " " }],
    ["terverifikasi", { type: "forward", unitId: "" }],
    ["diteruskan", { type: "follow_up", text: "\n" }],
  ])("refuses from %s an event without its text: %o", (status, event) => {
    expect(applyComplaintEvent(complaintIn(status), event, handler, later)).toEqual({
      ok: false,
      reason: "missing_text",
    });
  });

  it("archives spam and duplicates without a note", () => {
    const result = applyComplaintEvent(
      complaintIn("diterima"),
      { type: "archive", reason: "duplicate", note: "" },
      handler,
      later,
    );
    expect(result.ok && result.state.archive).toEqual({ reason: "duplicate", note: "" });
  });

  it.each([0, 5, 2.5])("refuses a handling rating of %d", (rating) => {
    const event: ComplaintEvent = {
      type: "citizen_response",
      satisfied: true,
      handlingRating: rating as HandlingRating,
    };
    expect(applyComplaintEvent(complaintIn("ditindaklanjuti"), event, citizen, later)).toEqual({
      ok: false,
      reason: "invalid_rating",
    });
  });

  it("records the citizen's response in the thread", () => {
    const event: ComplaintEvent = { type: "citizen_response", satisfied: true, reason: " Cepat ", handlingRating: 3 };
    const result = applyComplaintEvent(complaintIn("ditindaklanjuti"), event, citizen, later);
    expect(result.ok && result.effects).toEqual([
      {
        type: "append_thread",
        entry: { kind: "citizen_response", satisfied: true, reason: "Cepat", handlingRating: 3 },
      },
    ]);
  });
});

describe("not satisfied: reopen once, then escalate", () => {
  const notSatisfied: ComplaintEvent = {
    type: "citizen_response",
    satisfied: false,
    reason: "Antrean masih panjang",
    handlingRating: 1,
  };

  it("goes back to the unit the first time and to the supervisor the second", () => {
    const firstResponseAt = wib("2026-01-09T09:00");
    const first = applyComplaintEvent(complaintIn("ditindaklanjuti"), notSatisfied, citizen, firstResponseAt);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.state).toMatchObject({
      status: "diteruskan",
      reopenCount: 1,
      escalated: false,
      followUpClockFrom: firstResponseAt,
      followedUpAt: null,
    });
    expect(first.effects).toContainEqual({ type: "notify_unit", unitId: "42", notice: "complaint_reopened" });
    expect(shouldShowOmbudsmanNotice(first.state)).toBe(false);

    const followedUpAgain = mustApply(first.state, "follow_up", wib("2026-01-13T09:00"));
    const second = applyComplaintEvent(followedUpAgain, notSatisfied, citizen, wib("2026-01-14T09:00"));
    expect(second.ok).toBe(true);
    if (!second.ok) return;
    expect(second.state).toMatchObject({ status: "ditanggapi", reopenCount: 1, escalated: true });
    expect(second.effects).toContainEqual({ type: "notify_supervisor", unitId: "42", notice: "complaint_escalated" });
    expect(second.effects).toContainEqual({ type: "notify_citizen", notice: "complaint_escalated" });
    expect(shouldShowOmbudsmanNotice(second.state)).toBe(true);

    const closed = mustApply(second.state, "close", wib("2026-01-20T09:00"), { actor: supervisor });
    expect(closed).toMatchObject({ status: "selesai", escalated: true });
  });

  it("closes normally when the citizen is satisfied after a reopen", () => {
    const reopened = mustApply(complaintIn("ditindaklanjuti"), "citizen_response", wib("2026-01-09T09:00"), {
      event: notSatisfied,
    });
    const followedUp = mustApply(reopened, "follow_up", wib("2026-01-12T09:00"));
    const satisfied = mustApply(followedUp, "citizen_response", wib("2026-01-13T09:00"));
    expect(satisfied).toMatchObject({ status: "ditanggapi", escalated: false });
  });
});

describe("visibility: more private is allowed, less private never", () => {
  it.each([
    ["rahasia", "public", false],
    ["rahasia", "anonim", false],
    ["anonim", "public", false],
    ["public", "anonim", true],
    ["public", "rahasia", true],
    ["anonim", "rahasia", true],
    ["rahasia", "rahasia", true],
  ] as const)("from %s to %s on verification: allowed %s", (from, to, ok) => {
    const event: ComplaintEvent = { type: "verify", category: "aspirasi", visibility: to };
    const result = applyComplaintEvent(newComplaint(submittedAt, from), event, handler, later);
    expect(result.ok ? { ok: true } : result).toEqual(
      ok ? { ok: true } : { ok: false, reason: "visibility_downgrade" },
    );
  });

  it("refuses making a confidential complaint public later on", () => {
    const confidential = mustApply(complaintIn("diteruskan"), "set_visibility", later);
    expect(confidential.visibility).toBe("rahasia");
    expect(
      applyComplaintEvent(confidential, { type: "set_visibility", visibility: "public" }, supervisor, later),
    ).toEqual({ ok: false, reason: "visibility_downgrade" });
  });
});

describe("auto_close: 10 working days after the follow-up with no response", () => {
  // Followed up Wednesday 16 December 2026; 24–25 December and 1 January are days off.
  const followedUp = mustApply(complaintIn("diteruskan"), "follow_up", wib("2026-12-16T10:00"));

  it("is due at the end of 4 January 2027", () => {
    expect(deadlinesFor(followedUp, calendar).autoCloseAt).toEqual(endOfWibDay("2027-01-04"));
  });

  it("is refused on the last day", () => {
    expect(applyComplaintEvent(followedUp, { type: "auto_close" }, system, wib("2027-01-04T20:00"), clock)).toEqual({
      ok: false,
      reason: "auto_close_not_due",
    });
  });

  it("closes the complaint once the day is over", () => {
    const result = applyComplaintEvent(followedUp, { type: "auto_close" }, system, wib("2027-01-05T00:00:01"), clock);
    expect(result.ok && result.state).toMatchObject({ status: "selesai", closure: { kind: "auto_closed" } });
  });

  it("cannot be checked without the holiday calendar", () => {
    expect(() => applyComplaintEvent(followedUp, { type: "auto_close" }, system, later)).toThrow();
  });
});

describe("deadlinesFor", () => {
  it("runs the three clocks across a holiday (Isra Mikraj, Friday 16 January 2026)", () => {
    const received = newComplaint(wib("2026-01-15T09:00"), "public");
    expect(deadlinesFor(received, calendar)).toEqual({
      verificationDue: endOfWibDay("2026-01-21"),
      followUpDue: null,
      autoCloseAt: null,
    });

    const verified = mustApply(received, "verify", wib("2026-01-19T09:00"));
    const forwarded = mustApply(verified, "forward", wib("2026-01-21T15:00"));
    expect(deadlinesFor(forwarded, calendar).followUpDue).toEqual(endOfWibDay("2026-01-28"));

    const followedUp = mustApply(forwarded, "follow_up", wib("2026-01-28T11:00"));
    expect(deadlinesFor(followedUp, calendar).autoCloseAt).toEqual(endOfWibDay("2026-02-11"));
  });

  it("restarts the verification clock on resume", () => {
    const postponed = mustApply(complaintIn("diterima"), "postpone", wib("2026-01-06T09:00"));
    const resumed = mustApply(postponed, "resume", wib("2026-01-15T14:00"));
    expect(deadlinesFor(resumed, calendar).verificationDue).toEqual(endOfWibDay("2026-01-21"));
  });

  it.each<[ComplaintStatus, string | null, Date | null]>([
    ["diterima", "verification", endOfWibDay("2026-01-08")],
    ["terverifikasi", "verification", endOfWibDay("2026-01-08")],
    ["diteruskan", "follow_up", endOfWibDay("2026-01-14")],
    ["ditindaklanjuti", "auto_close", endOfWibDay("2026-01-23")], // Friday 16 January is a holiday,
    ["ditunda", null, null],
    ["ditanggapi", null, null],
    ["selesai", null, null],
  ])("the running clock while %s is %s", (status, stage, due) => {
    expect(runningDeadline(complaintIn(status), calendar)).toEqual(stage === null ? null : { stage, due });
  });
});

describe("isLateVisit (UU 25/2009 Pasal 42: within 30 days)", () => {
  it.each([
    ["on the 30th day", "2026-01-01", wib("2026-01-31T10:00"), false],
    ["on the 31st day", "2026-01-01", wib("2026-02-01T10:00"), true],
    [
      "just after midnight WIB on the 31st day (still the 30th in UTC)",
      "2026-01-01",
      new Date("2026-01-31T17:30:00Z"),
      true,
    ],
    ["on the day of the visit", "2026-01-01", wib("2026-01-01T15:00"), false],
  ])("%s", (_label, visitDate, submitted, late) => {
    expect(isLateVisit(visitDate, submitted)).toBe(late);
  });
});
