import { describe, expect, it } from "vitest";
import { agencyRootsKept, mayKeepHoliday, mayOpenHolidays, type HolidayKeeper, type HolidayScope } from "./holidays";

const platform: HolidayKeeper = { platformAdmin: true, grants: [{ role: "admin", unitId: 1, unitPath: "/1/" }] };
const agencyAdmin: HolidayKeeper = { platformAdmin: false, grants: [{ role: "admin", unitId: 5, unitPath: "/5/" }] };
const officeAdmin: HolidayKeeper = { platformAdmin: false, grants: [{ role: "admin", unitId: 9, unitPath: "/5/9/" }] };
const supervisor: HolidayKeeper = { platformAdmin: false, grants: [{ role: "supervisor", unitId: 5, unitPath: "/5/" }] };
const platformOnly: HolidayKeeper = { platformAdmin: true, grants: [] };

const national: HolidayScope = { kind: "national" };
const regional5: HolidayScope = { kind: "regional", agencyRootPath: "/5/" };
const regional1: HolidayScope = { kind: "regional", agencyRootPath: "/1/" };
const regional50: HolidayScope = { kind: "regional", agencyRootPath: "/50/" };

describe("who keeps which holidays", () => {
  it.each<[string, HolidayKeeper, HolidayScope, boolean]>([
    ["the platform administrator keeps the national list", platform, national, true],
    ["an agency's administrator does not change the national list", agencyAdmin, national, false],
    ["an agency's administrator keeps its regional days", agencyAdmin, regional5, true],
    ["not another agency's regional days", agencyAdmin, regional1, false],
    ["a path that only starts like the agency's is another agency", agencyAdmin, regional50, false],
    ["an office's administrator does not change the whole agency's calendar", officeAdmin, regional5, false],
    ["a supervisor keeps no holiday", supervisor, regional5, false],
    ["the platform administrator keeps the regional days of the agency it administers", platform, regional1, true],
    ["but being platform administrator is not a grant on other agencies", platform, regional5, false],
    ["a platform administrator without grants still keeps the national list", platformOnly, national, true],
  ])("%s", (_name, actor, scope, allowed) => {
    expect(mayKeepHoliday(actor, scope)).toBe(allowed);
  });

  it.each<[string, HolidayKeeper, boolean]>([
    ["platform administrator", platformOnly, true],
    ["agency administrator", agencyAdmin, true],
    ["office administrator", officeAdmin, false],
    ["supervisor", supervisor, false],
  ])("the holiday page opens for a %s: %s", (_name, actor, opens) => {
    expect(mayOpenHolidays(actor)).toBe(opens);
  });

  it("lists the agencies whose regional days an administrator keeps, once each", () => {
    expect(agencyRootsKept({ platformAdmin: false, grants: [...agencyAdmin.grants, ...agencyAdmin.grants, ...officeAdmin.grants, ...platform.grants] })).toEqual(["/5/", "/1/"]);
  });
});
