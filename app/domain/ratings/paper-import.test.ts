import { describe, expect, it } from "vitest";
import { parseCsvRecords } from "../indicators/csv-ikm";
import { checkPaperRows } from "./paper-import";

const PERIOD = { from: "2026-10-01", to: "2026-12-31" };
function check(csv: string) {
  const parsed = parseCsvRecords(csv);
  if (!parsed.ok) throw new Error("csv");
  return checkPaperRows(parsed.records, PERIOD);
}

describe("paper survey rows", () => {
  it("accepts a clean sheet, Indonesian words included", () => {
    const result = check("tanggal,U1,U2,U3,U4,U5,U6,U7,U8,U9,jenis_kelamin,pendidikan,saran\n2026-10-05,4,3,3,4,3,3,4,,3,Perempuan,SMA,Ramah\n2026-10-06,3,3,2,4,3,3,3,3,3,L,s1,");
    expect(result.bad).toEqual([]);
    expect(result.good).toHaveLength(2);
    expect(result.good[0]).toMatchObject({ line: 2, sex: "female", education: "sma", comment: "Ramah", answers: { U8: null, U7: 4 } });
    expect(result.good[1]).toMatchObject({ sex: "male", education: "d4_s1", comment: null });
  });

  it("names each bad row's line, column and reason", () => {
    const result = check("U1,U2,U3,U4,U5,U6,U7,U8,U9,tanggal,pekerjaan\n4,4,4,4,4,4,4,4,4,2026-11-01,pns\n5,3,3,3,3,3,3,3,3,2026-11-01,\n,,,,,,,,,2026-11-02,\n3,3,3,3,3,3,3,3,3,2025-01-01,petani");
    expect(result.good.map((row) => row.line)).toEqual([2]);
    expect(result.bad).toEqual([
      { line: 3, column: "U1", reason: "score", value: "5" },
      { line: 4, column: null, reason: "no_answers" },
      { line: 5, column: "tanggal", reason: "date_outside_period", value: "2025-01-01" },
      { line: 5, column: "pekerjaan", reason: "not_in_list", value: "petani" },
    ]);
  });

  it("refuses a sheet without the element columns, naming them", () => {
    const result = check("U1,U2,U3\n1,2,3");
    expect(result.good).toEqual([]);
    expect(result.bad.map((problem) => problem.column)).toEqual(["U4", "U5", "U6", "U7", "U8", "U9"]);
  });
});
