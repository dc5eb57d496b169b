import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { abuseFlags, BURST_THRESHOLD, extremeValue, IDENTICAL_RUN_LENGTH, initialsOf, ratingSubmissionSchema } from "./submission";

const base = { idempotencyKey: "5b0f7f0e-5d0b-4a44-9f3e-8f6a1e2b3c4d", serviceId: "3", officer: "unknown" };

describe("a rating submission", () => {
  it("accepts a quick rating with a face and no comment", () => {
    const parsed = ratingSubmissionSchema.safeParse({ ...base, kind: "quick", quickScore: "4" });
    expect(parsed.success && parsed.data.quickScore).toBe(4);
  });

  it("refuses a quick rating without a face, naming the field", () => {
    const parsed = ratingSubmissionSchema.safeParse({ ...base, kind: "quick" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: ["quickScore"], message: "ratings.errors.chooseFace" });
  });

  it("lets every SKM element be skipped but not all of them", () => {
    expect(ratingSubmissionSchema.safeParse({ ...base, kind: "full", u3: "2" }).success).toBe(true);
    const none = ratingSubmissionSchema.safeParse({ ...base, kind: "full", u1: "" });
    expect(none.error?.issues[0]?.message).toBe("ratings.errors.answerOne");
  });

  it("refuses scores outside 1–4, long comments and profile values outside the lists", () => {
    for (const [field, value, message] of [
      ["u4", "5", "ratings.errors.score"],
      ["u4", "0", "ratings.errors.score"],
      ["comment", "x".repeat(1001), "ratings.errors.commentTooLong"],
      ["education", "phd", "ratings.errors.notInList"],
    ] as const) {
      const parsed = ratingSubmissionSchema.safeParse({ ...base, kind: "full", u1: "3", [field]: value });
      expect(parsed.error?.issues.find((issue) => issue.path[0] === field)?.message, field).toBe(message);
    }
  });

  it("accepts exactly 1,000 characters of comment", () => {
    expect(ratingSubmissionSchema.safeParse({ ...base, kind: "quick", quickScore: "3", comment: "a".repeat(1000) }).success).toBe(true);
  });
});

describe("abuse flags", () => {
  const quiet = { recentForOfficer: 0, recentExtremesAtCounter: [], newExtreme: null, fromStaffSession: false, honeypotFilled: false };

  it("raises none for an ordinary rating", () => {
    expect(abuseFlags(quiet)).toEqual([]);
  });

  it("flags the rating that makes a burst for one officer", () => {
    expect(abuseFlags({ ...quiet, recentForOfficer: BURST_THRESHOLD - 2 })).toEqual([]);
    expect(abuseFlags({ ...quiet, recentForOfficer: BURST_THRESHOLD - 1 })).toEqual(["burst"]);
  });

  it("flags a long run of identical top scores at a counter, not a shorter one", () => {
    const run = Array<4>(IDENTICAL_RUN_LENGTH - 1).fill(4);
    expect(abuseFlags({ ...quiet, newExtreme: 4, recentExtremesAtCounter: run })).toEqual(["identical_run"]);
    expect(abuseFlags({ ...quiet, newExtreme: 4, recentExtremesAtCounter: run.slice(1) })).toEqual([]);
    expect(abuseFlags({ ...quiet, newExtreme: 4, recentExtremesAtCounter: [...run.slice(1), null] })).toEqual([]);
    expect(abuseFlags({ ...quiet, newExtreme: 1, recentExtremesAtCounter: run })).toEqual([]);
  });

  it("flags staff sessions and filled honeypots", () => {
    expect(abuseFlags({ ...quiet, fromStaffSession: true, honeypotFilled: true })).toEqual(["honeypot", "staff_session"]);
  });

  it("never flags a mixed rating as part of an identical run", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom<1 | 4 | null>(1, 4, null), { maxLength: 20 }), (recent) => {
        expect(abuseFlags({ ...quiet, newExtreme: null, recentExtremesAtCounter: recent })).not.toContain("identical_run");
      }),
    );
  });
});

describe("helpers", () => {
  it("finds the extreme of a rating's answers", () => {
    expect(extremeValue([4, null, 4])).toBe(4);
    expect(extremeValue([1])).toBe(1);
    expect(extremeValue([4, 3])).toBeNull();
    expect(extremeValue([null])).toBeNull();
  });
  it("makes initials from a name", () => {
    expect(initialsOf("Yulia Fitri Chaniago")).toBe("YF");
    expect(initialsOf("markus")).toBe("M");
  });
});
