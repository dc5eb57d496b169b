import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { accountStatus, agenciesLeftWithoutAdministrator, CODE_ALPHABET, CODE_LENGTH, codeFromBytes, codePurposeFor, formatCode, normaliseCode, type AdminGrant } from "./accounts";

describe("account status", () => {
  it.each([
    [{ active: true, hasPassword: true }, "active"],
    [{ active: true, hasPassword: false }, "awaiting_activation"],
    [{ active: false, hasPassword: true }, "deactivated"],
    [{ active: false, hasPassword: false }, "deactivated"],
  ] as const)("%o is %s", (account, status) => expect(accountStatus(account)).toBe(status));
});

describe("activation codes", () => {
  it("are twelve characters of the alphabet without look-alikes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 24, maxLength: 24 }), (bytes) => {
        const code = codeFromBytes(bytes);
        if (code === null) return;
        expect(code).toHaveLength(CODE_LENGTH);
        for (const character of code) expect(CODE_ALPHABET).toContain(character);
        expect(normaliseCode(formatCode(code))).toBe(code);
      }),
    );
    for (const lookAlike of ["0", "O", "1", "I", "L"]) expect(CODE_ALPHABET).not.toContain(lookAlike);
  });

  it("give null when too few bytes fall under the rejection limit", () => {
    expect(codeFromBytes(new Uint8Array(11).fill(5))).toBeNull();
    expect(codeFromBytes(new Uint8Array(24).fill(255))).toBeNull();
  });

  it.each([
    ["abcd efgh jkmn", "ABCDEFGHJKMN"],
    ["ABCD-EFGH-JKMN", "ABCDEFGHJKMN"],
    ["  abcd-efgh-jkmn ", "ABCDEFGHJKMN"],
    ["ABCD-EFGH-JKM", null],
    ["ABCD-EFGH-JKM0", null],
    ["ABCD-EFGH-JKMNP", null],
    ["", null],
  ])("typed %j reads as %j", (typed, code) => expect(normaliseCode(typed)).toBe(code));

  it("print in groups of four", () => expect(formatCode("ABCDEFGHJKMN")).toBe("ABCD-EFGH-JKMN"));

  it.each([
    [{ hasPassword: false, passwordChangedAt: null }, "activation"],
    [{ hasPassword: true, passwordChangedAt: null }, "reset"],
    [{ hasPassword: false, passwordChangedAt: new Date("2026-01-01T00:00:00Z") }, "reset"],
  ] as const)("an account %o gets a %s code", (account, purpose) => expect(codePurposeFor(account)).toBe(purpose));
});

describe("the last administrator of an agency", () => {
  const grant = (grantId: number, userId: number, agencyId: number, userActive = true): AdminGrant => ({ grantId, userId, agencyId, userActive });
  it.each([
    ["the only administrator's grant", [grant(1, 10, 1)], { kind: "revoke", grantId: 1 }, [1]],
    ["one of two administrators' grants", [grant(1, 10, 1), grant(2, 11, 1)], { kind: "revoke", grantId: 1 }, []],
    ["the only administrator, deactivated", [grant(1, 10, 1)], { kind: "deactivate", userId: 10 }, [1]],
    ["an administrator of two agencies, one of them shared", [grant(1, 10, 1), grant(2, 10, 2), grant(3, 11, 2)], { kind: "deactivate", userId: 10 }, [1]],
    ["a grant beside an inactive second administrator", [grant(1, 10, 1), grant(2, 11, 1, false)], { kind: "revoke", grantId: 1 }, [1]],
    ["an agency already without an active administrator", [grant(1, 10, 1, false)], { kind: "deactivate", userId: 10 }, []],
    ["a second grant of the same user in the same agency", [grant(1, 10, 1), grant(2, 10, 1)], { kind: "revoke", grantId: 1 }, []],
  ] as const)("%s", (_label, grants, change, orphaned) => expect(agenciesLeftWithoutAdministrator(grants, change)).toEqual(orphaned));
});
