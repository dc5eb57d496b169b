import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  formatTrackingCode,
  normaliseTrackingCode,
  TRACKING_CODE_ALPHABET,
  TRACKING_CODE_LENGTH,
  TRACKING_CODE_RANDOM_BYTES,
  trackingCodeFrom,
} from "./complaint-tracking-code";

describe("tracking codes", () => {
  it("leave out the characters people mix up when reading aloud", () => {
    for (const confusable of ["0", "O", "1", "I", "L"]) expect(TRACKING_CODE_ALPHABET).not.toContain(confusable);
    expect(new Set(TRACKING_CODE_ALPHABET).size).toBe(TRACKING_CODE_ALPHABET.length);
  });

  it("are nine characters of the alphabet, shown in three groups", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: TRACKING_CODE_RANDOM_BYTES, maxLength: TRACKING_CODE_RANDOM_BYTES }), (bytes) => {
        const code = trackingCodeFrom(bytes);
        if (code === null) return; // too many rejected bytes: the caller asks again
        expect(code).toHaveLength(TRACKING_CODE_LENGTH);
        expect([...code].every((char) => TRACKING_CODE_ALPHABET.includes(char))).toBe(true);
        expect(formatTrackingCode(code)).toMatch(/^[2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{3}$/);
        expect(normaliseTrackingCode(formatTrackingCode(code).toLowerCase())).toBe(code);
      }),
    );
  });

  it("skips bytes that would bias the choice and gives up when too few remain", () => {
    expect(trackingCodeFrom(new Uint8Array([255, 0, 1, 2, 3, 4, 5, 6, 7, 8]))).toBe("23456789A");
    expect(trackingCodeFrom(new Uint8Array([250, 251, 252, 0]))).toBeNull();
  });

  it.each([
    ["k7q-m4x-2hp", "K7QM4X2HP"],
    [" K7Q M4X 2HP ", "K7QM4X2HP"],
    ["K7Q-M4X-2H", null],
    ["K7Q-M4X-2H0", null],
    ["K7Q-M4X-2HPP", null],
    ["", null],
  ])("reads %j as %j", (typed, expected) => {
    expect(normaliseTrackingCode(typed)).toBe(expected);
  });
});
