import { describe, expect, it } from "vitest";

import {
  type ComplaintRecord,
  computeComplaintFigures,
  median,
  type WorkingDaysBetween,
} from "./complaint-figures";

const DAY = 86_400_000;

/** Weekdays after `from`'s date up to and including `to`'s date (UTC); no holidays, enough for these tests. */
const weekdaysBetween: WorkingDaysBetween = (from, to) => {
  let day = Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate());
  const end = Date.UTC(to.getUTCFullYear(), to.getUTCMonth(), to.getUTCDate());
  let count = 0;
  while (day < end) {
    day += DAY;
    const weekday = new Date(day).getUTCDay();
    if (weekday !== 0 && weekday !== 6) count += 1;
  }
  return count;
};

const at = (iso: string): Date => new Date(`${iso}Z`);

// March 2025: the 3rd, 10th, 17th, 24th and 31st are Mondays.
const COMPLAINTS: ComplaintRecord[] = [
  {
    // verified after 3 working days, followed up after 5: both on time
    receivedAt: at("2025-03-03T09:00"),
    verifiedAt: at("2025-03-06T10:00"),
    forwardedAt: at("2025-03-06T11:00"),
    followedUpAt: at("2025-03-13T15:00"),
    closedAt: at("2025-03-20T09:00"), // 17 days
    namesOfficer: true,
    upheld: true,
    handlingRating: 4,
  },
  {
    // verified after 4 working days and followed up after 6: both late
    receivedAt: at("2025-03-07T09:00"),
    verifiedAt: at("2025-03-13T08:00"),
    forwardedAt: at("2025-03-13T08:30"),
    followedUpAt: at("2025-03-21T16:00"),
    closedAt: at("2025-03-28T21:00"), // 21.5 days
    namesOfficer: true,
    upheld: false,
    handlingRating: 2,
  },
  // never verified, 5 working days old on the 31st: late
  { receivedAt: at("2025-03-24T09:00"), namesOfficer: true, upheld: null },
  // never verified, 1 working day old: still open, left out
  { receivedAt: at("2025-03-28T09:00"), namesOfficer: false, handlingRating: null },
  {
    // forwarded on the 11th and never followed up: late by the 31st
    receivedAt: at("2025-03-10T09:00"),
    verifiedAt: at("2025-03-11T09:00"),
    forwardedAt: at("2025-03-11T09:00"),
    namesOfficer: false,
  },
  {
    // forwarded on the 27th, follow-up still within 5 working days: left out
    receivedAt: at("2025-03-26T09:00"),
    verifiedAt: at("2025-03-27T09:00"),
    forwardedAt: at("2025-03-27T09:00"),
    namesOfficer: false,
  },
  {
    // archived without forwarding
    receivedAt: at("2025-03-04T09:00"),
    verifiedAt: at("2025-03-05T09:00"),
    closedAt: at("2025-03-10T09:00"), // 6 days
    namesOfficer: false,
    handlingRating: 3,
  },
];

describe("computeComplaintFigures", () => {
  it("worked example: seven complaints in March 2025 against 2,000 ratings", () => {
    const figures = computeComplaintFigures(COMPLAINTS, {
      ratingCount: 2000,
      workingDaysBetween: weekdaysBetween,
      asOf: at("2025-03-31T12:00"),
    });
    expect(figures).toEqual({
      complaints: 7,
      complaintsPer1000Ratings: 3.5,
      shareVerifiedWithinLimit: 4 / 6,
      shareFollowedUpWithinLimit: 1 / 3,
      medianDaysToClose: 17,
      shareNamingOfficerUpheld: 0.5,
      meanHandlingRating: 3,
      denominators: {
        ratings: 2000,
        verification: 6,
        followUp: 3,
        closed: 3,
        namingOfficerDecided: 2,
        handlingRatings: 3,
      },
    });
  });

  it("gives null wherever the denominator is 0", () => {
    const figures = computeComplaintFigures([], {
      ratingCount: 0,
      workingDaysBetween: weekdaysBetween,
      asOf: at("2025-03-31T12:00"),
    });
    expect(figures).toMatchObject({
      complaints: 0,
      complaintsPer1000Ratings: null,
      shareVerifiedWithinLimit: null,
      shareFollowedUpWithinLimit: null,
      medianDaysToClose: null,
      shareNamingOfficerUpheld: null,
      meanHandlingRating: null,
    });
  });

  it.each([
    ["on the 3rd working day", "2025-03-06T23:59", 1],
    ["on the 4th working day", "2025-03-07T08:00", 0],
  ])("a complaint received on a Monday and verified %s", (_, verifiedAt, share) => {
    const figures = computeComplaintFigures(
      [{ receivedAt: at("2025-03-03T09:00"), verifiedAt: at(verifiedAt), namesOfficer: false }],
      { ratingCount: 10, workingDaysBetween: weekdaysBetween, asOf: at("2025-04-30T00:00") },
    );
    expect(figures.shareVerifiedWithinLimit).toBe(share);
  });

  it("counts working days with the function it is given (a holiday calendar)", () => {
    const everyDayIsAHoliday: WorkingDaysBetween = () => 0;
    const figures = computeComplaintFigures(
      [{ receivedAt: at("2025-03-03T09:00"), verifiedAt: at("2025-03-28T09:00"), namesOfficer: false }],
      { ratingCount: 10, workingDaysBetween: everyDayIsAHoliday, asOf: at("2025-04-30T00:00") },
    );
    expect(figures.shareVerifiedWithinLimit).toBe(1);
  });

  it("measures days to close in calendar days with full precision", () => {
    const figures = computeComplaintFigures(
      [{ receivedAt: at("2025-03-01T00:00"), closedAt: at("2025-03-03T06:00"), namesOfficer: false }],
      { ratingCount: 10, workingDaysBetween: weekdaysBetween, asOf: at("2025-04-30T00:00") },
    );
    expect(figures.medianDaysToClose).toBe(2.25);
  });

  it("refuses a negative rating count", () => {
    expect(() =>
      computeComplaintFigures([], { ratingCount: -1, workingDaysBetween: weekdaysBetween, asOf: new Date(0) }),
    ).toThrow(RangeError);
  });
});

describe("median", () => {
  it.each([
    [[], null],
    [[5], 5],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[0.5, 0.25], 0.375],
  ])("median(%j) = %s", (values, expected) => {
    expect(median(values)).toBe(expected);
  });
});
