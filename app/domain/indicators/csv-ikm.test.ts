import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { ikmReportFromCsv, detectDelimiter, parseCsvRecords, readIkmCsv } from "./csv-ikm";
import { ELEMENT_CODES, mapElements } from "./elements";
import { computeIkm, EQUAL_WEIGHTS } from "./ikm";

const HEADER = "U1,U2,U3,U4,U5,U6,U7,U8,U9";

describe("detectDelimiter", () => {
  it.each([
    ["U1;U2;U3\n1;2;3", ";"],
    ["U1,U2,U3\n1;2;3", ","],
    ['"a;b;c",U1,U2\n', ","],
    ['"a,b,c";U1;U2\n', ";"],
    ["\uFEFFU1;U2", ";"],
    ["U1", ","],
  ])("%j → %s", (text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });
});

describe("parseCsvRecords", () => {
  it("handles a BOM, CRLF, quoted delimiters, doubled quotes and blank lines", () => {
    const text = '\uFEFFname;note;U1\r\n"Rina; S.";"said ""ok""";4\r\n\r\nAgus;;3\r\n';
    expect(parseCsvRecords(text)).toEqual({
      ok: true,
      records: [
        { line: 1, fields: ["name", "note", "U1"] },
        { line: 2, fields: ["Rina; S.", 'said "ok"', "4"] },
        { line: 4, fields: ["Agus", "", "3"] },
      ],
    });
  });

  it("reports a record by its first line when a quoted field spans lines", () => {
    const parsed = parseCsvRecords('note,U1\n"two\nlines",4\nlast,3');
    expect(parsed).toEqual({
      ok: true,
      records: [
        { line: 1, fields: ["note", "U1"] },
        { line: 2, fields: ["two\nlines", "4"] },
        { line: 4, fields: ["last", "3"] },
      ],
    });
  });

  it("keeps an empty last field after a trailing delimiter", () => {
    expect(parseCsvRecords("a,b,\n", ",")).toEqual({ ok: true, records: [{ line: 1, fields: ["a", "b", ""] }] });
  });

  it.each([
    ['U1,U2\n"3,4\n', 2, "never closed"],
    ['U1,U2\n"3"x,4\n', 2, "after its closing quote"],
  ])("reports malformed quoting in %j", (text, line, message) => {
    expect(parseCsvRecords(text)).toMatchObject({ ok: false, line, column: null, message: expect.stringContaining(message) });
  });
});

describe("readIkmCsv", () => {
  it("reads U columns in any case and order, ignoring other columns", () => {
    const text = "u9;Nama;U1;u2;U3;U4;U5;U6;U7;U8\n4;Rina;3;3;3;3;3;3;3;\n;Agus;;;;;;;;\n";
    const data = readIkmCsv(text);
    if (!data.ok) throw new Error(data.message);
    expect(data.respondents).toBe(1);
    expect(data.tallies.U9).toEqual({ sum: 4, count: 1 });
    expect(data.tallies.U8).toEqual({ sum: 0, count: 0 });
  });

  it.each([
    ["U1,U2,U3,U4,U5,U6,U7,U8\n", 1, "U9", "lacks column U9"],
    ["Nama,U1,U2,U3\n", 1, "U4", "lacks columns U4, U5, U6, U7, U8, U9"],
    [`${HEADER},u3\n`, 1, "U3", "more than once"],
    ["", 1, null, "empty"],
    [`${HEADER}\n1,2,3,4,1,2,3,4,1\n1,2,3,5,1,2,3,4,1\n`, 3, "U4", 'invalid answer "5"'],
    [`${HEADER}\n1,2,3,4,1,2,3,4,0\n`, 2, "U9", 'invalid answer "0"'],
    [`${HEADER}\n1,2,3,4,1,2,3.5,4,1\n`, 2, "U7", 'invalid answer "3.5"'],
    [`${HEADER}\n1,2,3,4,1,2,baik,4,1\n`, 2, "U7", 'invalid answer "baik"'],
    [`${HEADER}\n1,2,3,4,1,2,3,4\n`, 2, null, "expected 9 fields"],
    [`note,${HEADER}\n"a\nb",1,2,3,4,1,2,3,4,1\nc,1,2,3,4,1,2,3,9,1\n`, 4, "U8", 'invalid answer "9"'],
  ])("reports %j at line %i, column %s", (text, line, column, message) => {
    expect(readIkmCsv(text)).toEqual({ ok: false, line, column, message: expect.stringContaining(message) });
  });
});

describe("ikmReportFromCsv", () => {
  // NRR: U1 3.5, U2 3, U3 3, U4 3.5, U5 3, U6 3, U7 3.5, U8 3, U9 2.5 → Σ 28, IKM 28/9, unit 77.78 (B).
  const WORKED_EXAMPLE = [
    "\uFEFFNo;Layanan;U1;U2;U3;U4;U5;U6;U7;U8;U9",
    '1;"KTP; baru";4;3;3;4;3;3;4;3;3',
    "2;KK;3;3;3;3;;3;3;3;2",
    "3;KK;;;;;3;;;;",
    "4;Akta;;;;;;;;;",
    "",
  ].join("\r\n");

  it("worked example: the JSON report", () => {
    const result = ikmReportFromCsv(WORKED_EXAMPLE, undefined, EQUAL_WEIGHTS);
    if (!result.ok) throw new Error(result.message);
    expect(result.report).toEqual({
      respondents: 3,
      nrr: { U1: 3.5, U2: 3, U3: 3, U4: 3.5, U5: 3, U6: 3, U7: 3.5, U8: 3, U9: 2.5 },
      ikm: 28 / 9,
      ikmUnit: 700 / 9,
      mutu: "B",
      kinerja: "Baik",
      lowest: "U9",
    });
    expect(Object.keys(result.report)).toEqual(["respondents", "nrr", "ikm", "ikmUnit", "mutu", "kinerja", "lowest"]);
  });

  it("adds the required sample and sufficiency when the population is given", () => {
    const insufficient = ikmReportFromCsv(WORKED_EXAMPLE, 120, EQUAL_WEIGHTS);
    const sufficient = ikmReportFromCsv(WORKED_EXAMPLE, 3, EQUAL_WEIGHTS);
    expect(insufficient).toMatchObject({ ok: true, report: { sampleRequired: 92, sufficient: false } });
    expect(sufficient).toMatchObject({ ok: true, report: { sampleRequired: 3, sufficient: true } });
  });

  it.each([
    ["4".repeat(9).split("").join(","), "A", "Sangat baik"],
    ["3,3,3,3,3,3,3,3,3", "C", "Kurang baik"],
    ["1,1,1,1,1,1,1,1,1", "D", "Tidak baik"],
  ])("labels kinerja in Indonesian: %s → %s, %s", (row, mutu, kinerja) => {
    expect(ikmReportFromCsv(`${HEADER}\n${row}\n`, undefined, EQUAL_WEIGHTS)).toMatchObject({ ok: true, report: { mutu, kinerja } });
  });

  it("reports nulls for a file with a header and no answers", () => {
    expect(ikmReportFromCsv(`${HEADER}\n,,,,,,,,\n`, undefined, EQUAL_WEIGHTS)).toEqual({
      ok: true,
      report: {
        respondents: 0,
        nrr: mapElements(() => null),
        ikm: null,
        ikmUnit: null,
        mutu: null,
        kinerja: null,
        lowest: null,
      },
    });
  });

  it("passes errors through", () => {
    expect(ikmReportFromCsv("U1\n1\n", undefined, EQUAL_WEIGHTS)).toMatchObject({ ok: false, line: 1, column: "U2" });
  });

  it("agrees with computeIkm on the tallies, whatever the delimiter and line ends", () => {
    const answer = fc.constantFrom("", "1", "2", "3", "4", " 3 ");
    const row = fc.array(answer, { minLength: 9, maxLength: 9 });
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 30 }),
        fc.constantFrom(",", ";"),
        fc.constantFrom("\n", "\r\n"),
        (rows, delimiter, lineEnd) => {
          const text = [ELEMENT_CODES.join(delimiter), ...rows.map((fields) => fields.join(delimiter))].join(lineEnd);
          const tallies = mapElements((code) => {
            const column = ELEMENT_CODES.indexOf(code);
            const values = rows.map((fields) => (fields[column] ?? "").trim()).filter((value) => value !== "");
            return { count: values.length, sum: values.reduce((total, value) => total + Number(value), 0) };
          });
          const respondents = rows.filter((fields) => fields.some((value) => value.trim() !== "")).length;
          const result = ikmReportFromCsv(text, undefined, EQUAL_WEIGHTS);
          if (!result.ok) throw new Error(result.message);
          const outcome = computeIkm(tallies);
          expect(result.report.respondents).toBe(respondents);
          expect(result.report.ikm).toBe(outcome.kind === "computed" ? outcome.ikm : null);
          expect(result.report.mutu).toBe(outcome.kind === "computed" ? outcome.mutu : null);
        },
      ),
    );
  });
});
