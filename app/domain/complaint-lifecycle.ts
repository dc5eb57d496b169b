// The complaint state machine (SP4N-LAPOR! flow, UU 25/2009, Perpres 76/2013; DOMAIN.md §3).
//
//   diterima        → terverifikasi (verify) | ditunda (postpone) | bukan_wewenang | diarsipkan
//   terverifikasi   → diteruskan (forward)   | ditunda | bukan_wewenang | diarsipkan
//   ditunda         → the status it was postponed from (resume) | diarsipkan
//   diteruskan      → ditindaklanjuti (follow_up) | diteruskan (forward again, to another unit)
//   ditindaklanjuti → ditanggapi (citizen satisfied, or not satisfied a second time: escalated)
//                   | diteruskan (not satisfied, the first time) | selesai (auto_close after 10 working days)
//   ditanggapi      → selesai (close)
//   bukan_wewenang, diarsipkan, selesai: final. officer_reply (from diteruskan on) and set_visibility (any
//   status) never change the status.
//
// Pure: `now` is an argument and every outcome is a value. Who may act is checked by role here; whether
// that person holds the role for this complaint's unit is the data layer's check.

import {
  addWorkingDays,
  calendarDaysBetween,
  DEFAULT_TIME_ZONE,
  localDateOf,
  type HolidayCalendar,
  type IsoDate,
} from "./working-days";

export type ComplaintStatus =
  | "diterima" // received, tracking id given
  | "terverifikasi" // verified and classified
  | "ditunda" // postponed (e.g. the report lacks detail)
  | "bukan_wewenang" // not this agency's authority; referred elsewhere
  | "diarsipkan" // archived (spam, duplicate, other)
  | "diteruskan" // forwarded (disposisi) to the responsible unit
  | "ditindaklanjuti" // the unit has written its follow-up
  | "ditanggapi" // the citizen has responded, or the complaint was escalated
  | "selesai"; // closed

/** Rahasia: not public at all. Anonim: public, reporter hidden. Public: shown, named only with consent. */
export type Visibility = "public" | "anonim" | "rahasia";

/** Classification of a report (SP4N-LAPOR!): aspirasi, pengaduan, permintaan informasi. */
export type ComplaintCategory = "aspirasi" | "pengaduan" | "permintaan_informasi";

export type ArchiveReason = "spam" | "duplicate" | "other";

/** The citizen's rating of how the complaint was handled, on the SKM 1–4 scale. */
export type HandlingRating = 1 | 2 | 3 | 4;

/**
 * Who acts. Staff roles are the app's user roles; `named_officer` is an officer acting as the subject of
 * the complaint (right of reply), `system` is the scheduler.
 */
export type ComplaintActorRole =
  "citizen" | "complaint_handler" | "supervisor" | "moderator" | "officer" | "admin" | "system";

export interface ComplaintActor {
  role: ComplaintActorRole;
  /** For role "officer": which officer, so only the officer the complaint names may reply. */
  officerId?: string;
}

export interface ComplaintState {
  status: ComplaintStatus;
  visibility: Visibility;
  category: ComplaintCategory | null;
  submittedAt: Date;
  /** Start of the 3-working-day administrator clock: submission, or the last resume after a postponement. */
  verificationClockFrom: Date;
  verifiedAt: Date | null;
  /** While postponed: the status to resume to. */
  postponedFrom: "diterima" | "terverifikasi" | null;
  postponeReason: string | null;
  referredTo: string | null;
  archive: { reason: ArchiveReason; note: string } | null;
  unitId: string | null;
  /** The officer the complaint concerns, who has the right of reply. */
  officerId: string | null;
  forwardedAt: Date | null;
  /** Start of the 5-working-day follow-up clock: forwarding, or reopening after a "not satisfied". */
  followUpClockFrom: Date | null;
  followedUpAt: Date | null;
  citizenRespondedAt: Date | null;
  /** Times the complaint went back to the unit after "not satisfied" (at most once). */
  reopenCount: number;
  /** Passed to the unit's supervisor after a second "not satisfied"; the tracking page then names Ombudsman. */
  escalated: boolean;
  closedAt: Date | null;
  closure: { kind: "closed"; upheld: boolean } | { kind: "auto_closed" } | null;
}

export type ComplaintEvent =
  | { type: "verify"; category: ComplaintCategory; visibility: Visibility }
  | { type: "postpone"; reason: string }
  | { type: "not_our_authority"; referTo: string }
  | { type: "archive"; reason: ArchiveReason; note: string }
  | { type: "resume" }
  | { type: "forward"; unitId: string; officerId?: string }
  | { type: "follow_up"; text: string }
  | { type: "citizen_response"; satisfied: boolean; reason?: string; handlingRating?: HandlingRating }
  | { type: "officer_reply"; text: string }
  | { type: "auto_close" }
  | { type: "close"; upheld: boolean }
  | { type: "set_visibility"; visibility: Visibility };

export type ComplaintEventType = ComplaintEvent["type"];

/** Why an event was refused; each is a key for a translated message. */
export type ComplaintRefusal =
  | "invalid_transition"
  | "not_allowed_for_role"
  | "visibility_downgrade"
  | "auto_close_not_due"
  | "invalid_rating"
  | "missing_text";

export type CitizenNotice =
  | "complaint_verified"
  | "complaint_postponed"
  | "complaint_resumed"
  | "complaint_referred"
  | "complaint_archived"
  | "complaint_forwarded"
  | "complaint_followed_up"
  | "complaint_reopened"
  | "complaint_escalated"
  | "complaint_closed"
  | "complaint_auto_closed"
  | "officer_replied";

/** What the caller must do besides saving the new state (notify, append to the public thread). */
export type ComplaintEffect =
  | { type: "notify_citizen"; notice: CitizenNotice }
  | { type: "notify_unit"; unitId: string; notice: "complaint_forwarded" | "complaint_reopened" }
  | { type: "notify_officer"; officerId: string; notice: "complaint_forwarded" }
  | { type: "notify_supervisor"; unitId: string; notice: "complaint_escalated" }
  | { type: "append_thread"; entry: ThreadEntry };

export type ThreadEntry =
  | { kind: "follow_up"; text: string }
  | { kind: "officer_reply"; text: string }
  | { kind: "citizen_response"; satisfied: boolean; reason: string | null; handlingRating: HandlingRating | null };

export type ComplaintTransition =
  { ok: true; state: ComplaintState; effects: ComplaintEffect[] } | { ok: false; reason: ComplaintRefusal };

// Perpres 76/2013 and the SP4N-LAPOR! flow (DOMAIN.md §3), in working days.
export const VERIFICATION_WORKING_DAYS = 3;
export const FOLLOW_UP_WORKING_DAYS = 5;
export const AUTO_CLOSE_WORKING_DAYS = 10;
/** UU 25/2009 Pasal 42: a complaint is filed within 30 days of receiving the service. */
export const FILING_LIMIT_CALENDAR_DAYS = 30;
/** "Not satisfied" sends the complaint back to the unit this many times; the next one escalates. */
export const MAX_REOPENS = 1;

const STAFF_WHO_DISPOSE: readonly ComplaintActorRole[] = ["complaint_handler"];

const ALLOWED_ROLES: Readonly<Record<ComplaintEventType, readonly ComplaintActorRole[]>> = {
  verify: STAFF_WHO_DISPOSE,
  postpone: STAFF_WHO_DISPOSE,
  not_our_authority: STAFF_WHO_DISPOSE,
  archive: STAFF_WHO_DISPOSE,
  resume: STAFF_WHO_DISPOSE,
  forward: STAFF_WHO_DISPOSE,
  follow_up: ["complaint_handler", "supervisor"],
  citizen_response: ["citizen"],
  officer_reply: ["officer"],
  auto_close: ["system"],
  close: ["complaint_handler", "supervisor"],
  set_visibility: ["complaint_handler", "supervisor", "moderator"],
};

const AFTER_FORWARDING: readonly ComplaintStatus[] = ["diteruskan", "ditindaklanjuti", "ditanggapi", "selesai"];
const ALL_STATUSES: readonly ComplaintStatus[] = [
  "diterima",
  "terverifikasi",
  "ditunda",
  "bukan_wewenang",
  "diarsipkan",
  ...AFTER_FORWARDING,
];

/** The statuses from which each event may be applied. */
export const ALLOWED_FROM: Readonly<Record<ComplaintEventType, readonly ComplaintStatus[]>> = {
  verify: ["diterima"],
  // The administrator's alternatives to forwarding, before or after classifying.
  postpone: ["diterima", "terverifikasi"],
  not_our_authority: ["diterima", "terverifikasi"],
  archive: ["diterima", "terverifikasi", "ditunda"],
  resume: ["ditunda"],
  // From diteruskan it re-routes to another unit (the first unit says it is not theirs).
  forward: ["terverifikasi", "diteruskan"],
  follow_up: ["diteruskan"],
  citizen_response: ["ditindaklanjuti"],
  officer_reply: AFTER_FORWARDING,
  auto_close: ["ditindaklanjuti"],
  close: ["ditanggapi"],
  // Making a report more private is always possible, even after closing.
  set_visibility: ALL_STATUSES,
};

const PRIVACY_LEVEL: Readonly<Record<Visibility, number>> = { public: 0, anonim: 1, rahasia: 2 };

/** A new complaint as submitted; the citizen chooses the visibility. */
export function newComplaint(submittedAt: Date, visibility: Visibility): ComplaintState {
  return {
    status: "diterima",
    visibility,
    category: null,
    submittedAt,
    verificationClockFrom: submittedAt,
    verifiedAt: null,
    postponedFrom: null,
    postponeReason: null,
    referredTo: null,
    archive: null,
    unitId: null,
    officerId: null,
    forwardedAt: null,
    followUpClockFrom: null,
    followedUpAt: null,
    citizenRespondedAt: null,
    reopenCount: 0,
    escalated: false,
    closedAt: null,
    closure: null,
  };
}

export interface LifecycleClock {
  calendar: HolidayCalendar;
  zone?: string;
}

/**
 * Applies one event. Checks, in order: the actor's role, the transition from the current status, the
 * event's content, the visibility rule. `clock` (the holiday calendar) is needed only for auto_close,
 * which is refused until its deadline has passed; applying auto_close without it is a programming error.
 */
export function applyComplaintEvent(
  state: ComplaintState,
  event: ComplaintEvent,
  actor: ComplaintActor,
  now: Date,
  clock?: LifecycleClock,
): ComplaintTransition {
  if (!ALLOWED_ROLES[event.type].includes(actor.role)) return refuse("not_allowed_for_role");
  if (!ALLOWED_FROM[event.type].includes(state.status)) return refuse("invalid_transition");

  switch (event.type) {
    case "verify": {
      if (isDowngrade(state.visibility, event.visibility)) return refuse("visibility_downgrade");
      return accept(
        { ...state, status: "terverifikasi", category: event.category, visibility: event.visibility, verifiedAt: now },
        [{ type: "notify_citizen", notice: "complaint_verified" }],
      );
    }

    case "postpone": {
      if (isBlank(event.reason)) return refuse("missing_text");
      const postponedFrom = state.status === "terverifikasi" ? "terverifikasi" : "diterima";
      return accept({ ...state, status: "ditunda", postponedFrom, postponeReason: event.reason.trim() }, [
        { type: "notify_citizen", notice: "complaint_postponed" },
      ]);
    }

    case "resume": {
      // Postponing stops the administrator's clock; resuming gives a fresh 3 working days.
      return accept(
        {
          ...state,
          status: state.postponedFrom ?? "diterima",
          postponedFrom: null,
          postponeReason: null,
          verificationClockFrom: now,
        },
        [{ type: "notify_citizen", notice: "complaint_resumed" }],
      );
    }

    case "not_our_authority": {
      if (isBlank(event.referTo)) return refuse("missing_text");
      return accept({ ...state, status: "bukan_wewenang", referredTo: event.referTo.trim(), closedAt: now }, [
        { type: "notify_citizen", notice: "complaint_referred" },
      ]);
    }

    case "archive": {
      if (event.reason === "other" && isBlank(event.note)) return refuse("missing_text");
      return accept(
        {
          ...state,
          status: "diarsipkan",
          archive: { reason: event.reason, note: event.note.trim() },
          postponedFrom: null,
          closedAt: now,
        },
        [{ type: "notify_citizen", notice: "complaint_archived" }],
      );
    }

    case "forward": {
      if (isBlank(event.unitId)) return refuse("missing_text");
      const officerId = event.officerId ?? null;
      const effects: ComplaintEffect[] = [
        { type: "notify_unit", unitId: event.unitId, notice: "complaint_forwarded" },
        { type: "notify_citizen", notice: "complaint_forwarded" },
      ];
      if (officerId !== null) effects.push({ type: "notify_officer", officerId, notice: "complaint_forwarded" });
      return accept(
        { ...state, status: "diteruskan", unitId: event.unitId, officerId, forwardedAt: now, followUpClockFrom: now },
        effects,
      );
    }

    case "follow_up": {
      if (isBlank(event.text)) return refuse("missing_text");
      return accept({ ...state, status: "ditindaklanjuti", followedUpAt: now }, [
        { type: "append_thread", entry: { kind: "follow_up", text: event.text.trim() } },
        { type: "notify_citizen", notice: "complaint_followed_up" },
      ]);
    }

    case "citizen_response":
      return applyCitizenResponse(state, event, now);

    case "officer_reply": {
      if (actor.officerId === undefined || actor.officerId !== state.officerId) return refuse("not_allowed_for_role");
      if (isBlank(event.text)) return refuse("missing_text");
      return accept(state, [
        { type: "append_thread", entry: { kind: "officer_reply", text: event.text.trim() } },
        { type: "notify_citizen", notice: "officer_replied" },
      ]);
    }

    case "auto_close": {
      if (!clock) throw new Error("auto_close needs the holiday calendar to check its deadline");
      const closesAt = autoCloseAt(state, clock.calendar, clock.zone);
      if (closesAt === null || now.getTime() <= closesAt.getTime()) return refuse("auto_close_not_due");
      return accept({ ...state, status: "selesai", closedAt: now, closure: { kind: "auto_closed" } }, [
        { type: "notify_citizen", notice: "complaint_auto_closed" },
      ]);
    }

    case "close":
      return accept({ ...state, status: "selesai", closedAt: now, closure: { kind: "closed", upheld: event.upheld } }, [
        { type: "notify_citizen", notice: "complaint_closed" },
      ]);

    case "set_visibility": {
      if (isDowngrade(state.visibility, event.visibility)) return refuse("visibility_downgrade");
      return accept({ ...state, visibility: event.visibility }, []);
    }
  }
}

function applyCitizenResponse(
  state: ComplaintState,
  event: Extract<ComplaintEvent, { type: "citizen_response" }>,
  now: Date,
): ComplaintTransition {
  const handlingRating = event.handlingRating ?? null;
  if (handlingRating !== null && ![1, 2, 3, 4].includes(handlingRating)) return refuse("invalid_rating");
  const reason = event.reason?.trim() || null;
  const recorded: ComplaintEffect = {
    type: "append_thread",
    entry: { kind: "citizen_response", satisfied: event.satisfied, reason, handlingRating },
  };
  const responded = { ...state, citizenRespondedAt: now };

  if (event.satisfied) return accept({ ...responded, status: "ditanggapi" }, [recorded]);

  if (state.reopenCount < MAX_REOPENS) {
    // Not satisfied, first time: back to the unit for another follow-up, with a fresh 5 working days.
    const effects: ComplaintEffect[] = [recorded, { type: "notify_citizen", notice: "complaint_reopened" }];
    if (state.unitId !== null)
      effects.push({ type: "notify_unit", unitId: state.unitId, notice: "complaint_reopened" });
    return accept(
      {
        ...responded,
        status: "diteruskan",
        reopenCount: state.reopenCount + 1,
        followUpClockFrom: now,
        followedUpAt: null,
      },
      effects,
    );
  }

  // Not satisfied again: the unit's supervisor takes it over and the citizen is told of Ombudsman.
  const effects: ComplaintEffect[] = [recorded, { type: "notify_citizen", notice: "complaint_escalated" }];
  if (state.unitId !== null)
    effects.push({ type: "notify_supervisor", unitId: state.unitId, notice: "complaint_escalated" });
  return accept({ ...responded, status: "ditanggapi", escalated: true }, effects);
}

function accept(state: ComplaintState, effects: ComplaintEffect[]): ComplaintTransition {
  return { ok: true, state, effects };
}

function refuse(reason: ComplaintRefusal): ComplaintTransition {
  return { ok: false, reason };
}

function isBlank(text: string): boolean {
  return text.trim() === "";
}

/** A handler may make a report more private, never less (the reporter's choice is kept). */
function isDowngrade(from: Visibility, to: Visibility): boolean {
  return PRIVACY_LEVEL[to] < PRIVACY_LEVEL[from];
}

/** The tracking page tells the citizen about Ombudsman once a complaint has been escalated. */
export function shouldShowOmbudsmanNotice(state: ComplaintState): boolean {
  return state.escalated;
}

export interface ComplaintDeadlines {
  /** Verify and forward (or postpone, refer, archive) within 3 working days of submission or resume. */
  verificationDue: Date;
  /** Follow up within 5 working days of forwarding or reopening; null before forwarding. */
  followUpDue: Date | null;
  /** Closed automatically after 10 working days without a citizen response; only while ditindaklanjuti. */
  autoCloseAt: Date | null;
}

export function deadlinesFor(
  state: ComplaintState,
  calendar: HolidayCalendar,
  zone: string = DEFAULT_TIME_ZONE,
): ComplaintDeadlines {
  return {
    verificationDue: addWorkingDays(state.verificationClockFrom, VERIFICATION_WORKING_DAYS, calendar, zone),
    followUpDue:
      state.followUpClockFrom === null
        ? null
        : addWorkingDays(state.followUpClockFrom, FOLLOW_UP_WORKING_DAYS, calendar, zone),
    autoCloseAt: autoCloseAt(state, calendar, zone),
  };
}

export type RunningDeadline = { stage: "verification" | "follow_up" | "auto_close"; due: Date } | null;

/** The one clock running in the current status, for "due today" and "late" badges; null when none runs. */
export function runningDeadline(
  state: ComplaintState,
  calendar: HolidayCalendar,
  zone: string = DEFAULT_TIME_ZONE,
): RunningDeadline {
  const deadlines = deadlinesFor(state, calendar, zone);
  switch (state.status) {
    case "diterima":
    case "terverifikasi":
      return { stage: "verification", due: deadlines.verificationDue };
    case "diteruskan":
      return deadlines.followUpDue && { stage: "follow_up", due: deadlines.followUpDue };
    case "ditindaklanjuti":
      return deadlines.autoCloseAt && { stage: "auto_close", due: deadlines.autoCloseAt };
    default:
      return null;
  }
}

function autoCloseAt(state: ComplaintState, calendar: HolidayCalendar, zone: string = DEFAULT_TIME_ZONE): Date | null {
  if (state.status !== "ditindaklanjuti" || state.followedUpAt === null) return null;
  return addWorkingDays(state.followedUpAt, AUTO_CLOSE_WORKING_DAYS, calendar, zone);
}

/**
 * UU 25/2009 Pasal 42: filed more than 30 calendar days after the service was received (`visitDate`, a
 * calendar day) counts as late. The submission day is read in `zone`. Late complaints are flagged for the
 * administrator, not refused.
 */
export function isLateVisit(visitDate: IsoDate, submittedAt: Date, zone: string = DEFAULT_TIME_ZONE): boolean {
  return calendarDaysBetween(visitDate, localDateOf(submittedAt, zone)) > FILING_LIMIT_CALENDAR_DAYS;
}
