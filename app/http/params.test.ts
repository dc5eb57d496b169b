import { describe, expect, it } from "vitest";
import { z } from "zod";
import { idField, MAX_ID, parseForm } from "./forms";
import { idFromText, unitIdParam } from "./params";

describe("ids from text", () => {
  it.each<[string | null | undefined, number | null]>([
    ["12", 12],
    ["007", 7],
    [String(MAX_ID), MAX_ID],
    [String(MAX_ID + 1), null],
    ["99999999999999999999", null],
    ["0", null],
    ["-3", null],
    ["1e3", null],
    [" 12", null],
    ["12abc", null],
    ["", null],
    [null, null],
    [undefined, null],
  ])("%j is %j", (text, id) => {
    expect(idFromText(text)).toBe(id);
  });

  it("answers 404 for an id no row can have", () => {
    expect(() => unitIdParam("2147483648")).toThrow(Response);
    expect(unitIdParam("5")).toBe(5);
  });
});

describe("parseForm", () => {
  const schema = z.object({ unitId: idField(), name: z.string().max(50) });

  it("refuses an id of 2³¹ as an invalid field, not a database error", () => {
    const parsed = parseForm(schema, new URLSearchParams({ unitId: "2147483648", name: "Loket" }));
    expect(parsed).toMatchObject({ ok: false, errors: { unitId: "form.invalid" } });
  });

  it("refuses a NUL character in any field with that field's error", () => {
    const parsed = parseForm(schema, new URLSearchParams({ unitId: "4", name: "Lo\u0000ket" }));
    expect(parsed).toMatchObject({ ok: false, errors: { name: "form.invalid" } });
  });

  it("takes a clean form", () => {
    expect(parseForm(schema, new URLSearchParams({ unitId: "4", name: "Loket" }))).toEqual({ ok: true, data: { unitId: 4, name: "Loket" } });
  });
});
