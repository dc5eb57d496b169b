import type { RoleGrant } from "./grants";

// Who keeps which holidays. National holidays and collective leave count for every agency's working-day clocks,
// so only a platform administrator changes them (docs/decisions/0009-platform-administrator.md); an agency's
// regional days are kept by an administrator of that agency's top unit (an administrator of one of its offices
// does not change the whole government's calendar).

export interface HolidayKeeper {
  platformAdmin: boolean;
  grants: readonly RoleGrant[];
}

/** Whose calendar a holiday belongs to: every agency's, or one agency's (by its top unit's path). */
export type HolidayScope = { kind: "national" } | { kind: "regional"; agencyRootPath: string };

/** Whether the holiday page opens at all: a platform administrator, or an administrator of some agency's top unit. */
export function mayOpenHolidays(actor: HolidayKeeper): boolean {
  return actor.platformAdmin || agencyRootsKept(actor).length > 0;
}

/** Whether the actor may add, confirm or remove a holiday of this scope. */
export function mayKeepHoliday(actor: HolidayKeeper, scope: HolidayScope): boolean {
  if (scope.kind === "national") return actor.platformAdmin;
  return actor.grants.some((grant) => grant.role === "admin" && grant.unitPath === scope.agencyRootPath && isTopUnitPath(grant.unitPath));
}

/** The top-unit paths ("/12/") of the agencies whose regional days the actor keeps. */
export function agencyRootsKept(actor: HolidayKeeper): string[] {
  return [...new Set(actor.grants.filter((grant) => grant.role === "admin" && isTopUnitPath(grant.unitPath)).map((grant) => grant.unitPath))];
}

/** "/12/" is an agency's top unit; "/12/40/" is one of its offices. */
export function isTopUnitPath(path: string): boolean {
  return /^\/\d+\/$/.test(path);
}
