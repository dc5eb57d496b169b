import { z } from "zod";
import { ELEMENT_CODES, type ElementCode } from "../indicators/elements";

import { AGE_BANDS, COMMENT_MAX, EDUCATIONS, OCCUPATIONS, SEXES } from "./options";

export * from "./options";

const optionalScore = z.preprocess(
  (value) => (value === "" || value === null || value === undefined ? undefined : Number(value)),
  z.number({ invalid_type_error: "ratings.errors.score" }).int("ratings.errors.score").min(1, "ratings.errors.score").max(4, "ratings.errors.score").optional(),
);
const optionalChoice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), z.enum(values, { errorMap: () => ({ message: "ratings.errors.notInList" }) }).optional());

const elementFields = Object.fromEntries(ELEMENT_CODES.map((code) => [code.toLowerCase(), optionalScore])) as Record<
  Lowercase<ElementCode>,
  typeof optionalScore
>;

/** What a citizen sends from the counter page, with or without JavaScript. */
export const ratingSubmissionSchema = z
  .object({
    idempotencyKey: z.string().uuid("ratings.errors.key"),
    serviceId: z.coerce.number({ invalid_type_error: "ratings.errors.service" }).int().positive("ratings.errors.service").max(2_147_483_647, "ratings.errors.service"),
    officer: z.union([z.literal("unknown"), z.coerce.number().int().positive().max(2_147_483_647)], { errorMap: () => ({ message: "ratings.errors.officer" }) }),
    kind: z.enum(["quick", "full"]),
    quickScore: optionalScore,
    ...elementFields,
    sex: optionalChoice(SEXES),
    ageBand: optionalChoice(AGE_BANDS),
    education: optionalChoice(EDUCATIONS),
    occupation: optionalChoice(OCCUPATIONS),
    comment: z
      .string()
      .trim()
      .max(COMMENT_MAX, "ratings.errors.commentTooLong")
      .optional()
      .transform((value) => (value ? value : undefined)),
    visitCode: z
      .string()
      .trim()
      .toUpperCase()
      .optional()
      .transform((value) => (value && /^[A-Z0-9]{6}$/.test(value) ? value : undefined)),
    // When the citizen tapped "Kirim" on their device (ISO 8601); checked against the server's clock by visitTimeOf.
    visitedAt: z.string().trim().max(40).optional(),
    // Hidden from people; bots fill it in.
    website: z.string().optional(),
  })
  .superRefine((value, context) => {
    if (value.kind === "quick" && value.quickScore === undefined) {
      context.addIssue({ code: "custom", path: ["quickScore"], message: "ratings.errors.chooseFace" });
    }
    if (value.kind === "full" && ELEMENT_CODES.every((code) => value[lower(code)] === undefined)) {
      context.addIssue({ code: "custom", path: ["u1"], message: "ratings.errors.answerOne" });
    }
  });

export type RatingSubmission = z.infer<typeof ratingSubmissionSchema>;

function lower(code: ElementCode): Lowercase<ElementCode> {
  return code.toLowerCase() as Lowercase<ElementCode>;
}

export function elementAnswers(submission: RatingSubmission): Record<ElementCode, number | null> {
  return Object.fromEntries(ELEMENT_CODES.map((code) => [code, submission[lower(code)] ?? null])) as Record<
    ElementCode,
    number | null
  >;
}

/** The fields that make two submissions "the same" for idempotency, in a stable order. */
export function submissionFingerprint(submission: RatingSubmission, counterId: number): string {
  const answers = elementAnswers(submission);
  return JSON.stringify([
    counterId,
    submission.serviceId,
    submission.officer,
    submission.kind,
    submission.quickScore ?? null,
    ELEMENT_CODES.map((code) => answers[code]),
    submission.sex ?? null,
    submission.ageBand ?? null,
    submission.education ?? null,
    submission.occupation ?? null,
    submission.comment ?? null,
  ]);
}

// Abuse control: flagged ratings are kept for a supervisor's decision, never dropped.
export const BURST_WINDOW_MINUTES = 10;
export const BURST_THRESHOLD = 8;
export const IDENTICAL_RUN_LENGTH = 10;

export type FlagReason = "burst" | "identical_run" | "staff_session" | "honeypot";

/** 4 or 1 when every answer of the rating is that extreme; otherwise null. */
export function extremeValue(scores: readonly (number | null | undefined)[]): 1 | 4 | null {
  const answered = scores.filter((score): score is number => typeof score === "number");
  if (answered.length === 0) return null;
  if (answered.every((score) => score === 4)) return 4;
  if (answered.every((score) => score === 1)) return 1;
  return null;
}

export interface AbuseSignals {
  /** Ratings for the same officer within the burst window, before this one. */
  recentForOfficer: number;
  /** The extreme value of the counter's most recent ratings, newest first (null where mixed). */
  recentExtremesAtCounter: (1 | 4 | null)[];
  newExtreme: 1 | 4 | null;
  fromStaffSession: boolean;
  honeypotFilled: boolean;
}

export function abuseFlags(signals: AbuseSignals): FlagReason[] {
  const reasons: FlagReason[] = [];
  if (signals.honeypotFilled) reasons.push("honeypot");
  if (signals.fromStaffSession) reasons.push("staff_session");
  if (signals.recentForOfficer + 1 >= BURST_THRESHOLD) reasons.push("burst");
  const previous = signals.recentExtremesAtCounter.slice(0, IDENTICAL_RUN_LENGTH - 1);
  if (
    signals.newExtreme !== null &&
    previous.length === IDENTICAL_RUN_LENGTH - 1 &&
    previous.every((value) => value === signals.newExtreme)
  ) {
    reasons.push("identical_run");
  }
  return reasons;
}
