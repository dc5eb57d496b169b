import type { Role } from "../../../db/schema";
import { hasRoleFor, type RoleGrant } from "./grants";

// Who keeps a unit's SKM report (its texts and its recommendations with their follow-up): a supervisor or an
// administrator of the unit or of a unit above it. Everyone else, officers included, does not see the report.

export const SKM_REPORT_ROLES = ["supervisor", "admin"] as const satisfies readonly Role[];

export function mayKeepSkmReport(grants: readonly RoleGrant[], unitPath: string): boolean {
  return hasRoleFor(grants, SKM_REPORT_ROLES, unitPath);
}
