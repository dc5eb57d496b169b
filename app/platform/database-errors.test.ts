import { describe, expect, it } from "vitest";
import { databaseFailure } from "./database-errors";

const pg = (code: string, message = "x") => Object.assign(new Error(message), { code });

describe("databaseFailure", () => {
  it.each<[string, unknown, ReturnType<typeof databaseFailure>]>([
    ["refused connection", Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }), "unavailable"],
    ["server shutting down", pg("57P01"), "unavailable"],
    ["server starting up", pg("57P03"), "unavailable"],
    ["too many connections", pg("53300"), "unavailable"],
    ["connection lost mid-query", new Error("Connection terminated unexpectedly"), "unavailable"],
    ["pool wait timed out", new Error("timeout exceeded when trying to connect"), "unavailable"],
    ["every address refused", new AggregateError([pg("ECONNREFUSED"), pg("ECONNREFUSED")]), "unavailable"],
    ["integer out of range", pg("22003", 'value "2147483648" is out of range for type integer'), "bad_value"],
    ["NUL byte in text", pg("22021", 'invalid byte sequence for encoding "UTF8": 0x00'), "bad_value"],
    ["impossible date", pg("22008"), "bad_value"],
    ["unique violation is a bug, not bad input", pg("23505"), null],
    ["a plain bug", new TypeError("x is undefined"), null],
    ["a thrown string", "boom", null],
    ["nothing", undefined, null],
  ])("%s", (_name, error, expected) => {
    expect(databaseFailure(error)).toBe(expected);
  });
});
