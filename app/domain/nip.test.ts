import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatNip, makeNip, validateNip, type NipRejection } from "./nip";

const today = new Date("2026-06-15T03:00:00Z");

describe("validateNip", () => {
  it("accepts a well-formed NIP and reads its parts", () => {
    expect(validateNip("198503122010011004", today)).toEqual({
      ok: true,
      nip: "198503122010011004",
      birthDate: "1985-03-12",
      appointment: "2010-01",
      sex: "male",
    });
  });

  it("strips spaces, as printed on an SK", () => {
    expect(validateNip(" 19900721 201503 2 017 ", today)).toMatchObject({
      ok: true,
      nip: "199007212015032017",
      sex: "female",
    });
  });

  it.each<[string, string, NipRejection]>([
    ["too short", "19850312201001100", "length"],
    ["too long", "1985031220100110040", "length"],
    ["empty", "", "length"],
    ["a letter", "19850312201001100A", "digits"],
    ["dashes", "19850312-201001-1-004", "digits"],
    ["30 February", "198502302010011004", "birth_date"],
    ["29 February in a common year", "198302292010011004", "birth_date"],
    ["born before 1940", "193912312010011004", "birth_date"],
    ["born after 2015", "201601012010011004", "birth_date"],
    ["month 13 of birth", "198513012010011004", "birth_date"],
    ["appointment month 00", "198503122010001004", "appointment"],
    ["appointment month 13", "198503122010131004", "appointment"],
    ["appointment before 1960", "194001011959011004", "appointment"],
    ["appointed at 16", "198503122002021004", "appointment"],
    ["appointment next month", "198503122026071004", "appointment"],
    ["sex digit 0", "198503122010010004", "sex"],
    ["sex digit 3", "198503122010013004", "sex"],
    ["sequence 000", "198503122010011000", "sequence"],
  ])("refuses %s (%s) with %s", (_label, input, reason) => {
    expect(validateNip(input, today)).toEqual({ ok: false, reason });
  });

  it.each([
    ["29 February in a leap year", "198402292010011004"],
    ["appointed in the month of the 17th birthday", "198503122002031004"],
    ["appointed this month", "198503122026061004"],
    ["sequence 999", "198503122010011999"],
  ])("accepts %s", (_label, input) => {
    expect(validateNip(input, today).ok).toBe(true);
  });

  it("reads 'this month' in Jakarta: 1 July 00:30 WIB is still June in UTC", () => {
    const earlyJulyInJakarta = new Date("2026-06-30T17:30:00Z");
    expect(validateNip("198503122026071004", earlyJulyInJakarta).ok).toBe(true);
    expect(validateNip("198503122026071004", earlyJulyInJakarta, "UTC")).toEqual({ ok: false, reason: "appointment" });
  });
});

describe("formatNip", () => {
  it("groups the four parts", () => {
    expect(formatNip("198503122010011004")).toBe("19850312 201001 1 004");
    expect(formatNip("19850312 2010011004")).toBe("19850312 201001 1 004");
  });

  it("leaves anything that is not 18 digits as typed", () => {
    expect(formatNip(" 12345 ")).toBe("12345");
  });
});

describe("makeNip", () => {
  it("assembles the parts", () => {
    expect(makeNip({ birthDate: "1985-03-12", appointment: "2010-01", sex: "male", sequence: 4 })).toBe(
      "198503122010011004",
    );
  });

  it("refuses malformed parts", () => {
    expect(() => makeNip({ birthDate: "1985-02-30", appointment: "2010-01", sex: "male", sequence: 4 })).toThrow();
    expect(() => makeNip({ birthDate: "1985-03-12", appointment: "2010-13", sex: "male", sequence: 4 })).toThrow();
    expect(() => makeNip({ birthDate: "1985-03-12", appointment: "2010-01", sex: "male", sequence: 0 })).toThrow();
    expect(() => makeNip({ birthDate: "1985-03-12", appointment: "2010-01", sex: "male", sequence: 1000 })).toThrow();
  });

  it("round-trips through validateNip for any plausible officer", () => {
    const plausible = fc
      .record({
        birth: fc.date({
          min: new Date("1940-01-01T00:00:00Z"),
          max: new Date("1990-12-31T00:00:00Z"),
          noInvalidDate: true,
        }),
        yearsUntilAppointment: fc.integer({ min: 18, max: 35 }),
        appointmentMonth: fc.integer({ min: 1, max: 12 }),
        sex: fc.constantFrom("male" as const, "female" as const),
        sequence: fc.integer({ min: 1, max: 999 }),
      })
      .map(({ birth, yearsUntilAppointment, appointmentMonth, sex, sequence }) => {
        const birthDate = birth.toISOString().slice(0, 10);
        const appointmentYear = Math.max(1960, birth.getUTCFullYear() + yearsUntilAppointment);
        const appointment = `${appointmentYear}-${String(appointmentMonth).padStart(2, "0")}`;
        return { birthDate, appointment, sex, sequence };
      });
    fc.assert(
      fc.property(plausible, (parts) => {
        const nip = makeNip(parts);
        expect(validateNip(nip, today)).toEqual({
          ok: true,
          nip,
          birthDate: parts.birthDate,
          appointment: parts.appointment,
          sex: parts.sex,
        });
        expect(formatNip(nip).replaceAll(" ", "")).toBe(nip);
      }),
    );
  });
});
