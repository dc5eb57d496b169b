import { describe, expect, it } from "vitest";
import { parseDrilldownQuery, periodFields, searchWith } from "./drilldown-query";

const SETTINGS = { minimumRatings: 10 };

const TODAY = "2026-11-23";

describe("drill-down filters from the address bar", () => {
  it.each([
    ["", { element: null, score: null }, 1],
    ["unsur=U7&nilai=2", { element: "U7", score: 2 }, 1],
    ["nilai=4&halaman=3", { element: null, score: 4 }, 3],
    ["unsur=U10&nilai=5&halaman=0", { element: null, score: null }, 1],
    ["unsur=u7&nilai=dua&halaman=x", { element: null, score: null }, 1],
    ["unsur=&nilai=", { element: null, score: null }, 1],
  ])("read %j as element, score and page", (search, comments, page) => {
    const query = parseDrilldownQuery(new URLSearchParams(search), TODAY, SETTINGS);
    expect(query.comments).toEqual(comments);
    expect(query.page).toBe(page);
  });

  it("keep the period filters of the indicator pages", () => {
    const query = parseDrilldownQuery(
      new URLSearchParams("periode=year&tanggal=2025-06-01&terverifikasi=1&unsur=U1"),
      TODAY,
      SETTINGS,
    );
    expect(query).toMatchObject({
      period: { kind: "year", from: "2025-01-01", to: "2025-12-31" },
      verifiedOnly: true,
      comments: { element: "U1" },
    });
  });

  it("write the period back in a form the parser reads to the same period", () => {
    for (const search of [
      "",
      "periode=month&tanggal=2026-02-14",
      "periode=year&tanggal=2025-06-01&terverifikasi=1",
      "periode=custom&dari=2026-01-05&sampai=2026-02-10&min=5",
    ]) {
      const query = parseDrilldownQuery(new URLSearchParams(search), TODAY, SETTINGS);
      const again = parseDrilldownQuery(new URLSearchParams(periodFields(query)), TODAY, SETTINGS);
      expect({ period: again.period, verifiedOnly: again.verifiedOnly, minimumRatings: again.minimumRatings }).toEqual({
        period: query.period,
        verifiedOnly: query.verifiedOnly,
        minimumRatings: query.minimumRatings,
      });
    }
  });

  it("build links that keep the period and leave out empty filters", () => {
    const query = parseDrilldownQuery(new URLSearchParams("periode=quarter&tanggal=2026-08-01"), TODAY, SETTINGS);
    expect(searchWith(query)).toBe("?periode=quarter&tanggal=2026-07-01");
    expect(searchWith(query, { unsur: "U7", nilai: null, halaman: 2 })).toBe(
      "?periode=quarter&tanggal=2026-07-01&unsur=U7&halaman=2",
    );
  });
});
