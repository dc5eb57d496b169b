import type { RoleGrant } from "./grants";
import { grantCovers } from "./grants";

// Who reports progress on a forum's follow-up action (DOMAIN.md §4): the unit responsible for it, through its head
// (a supervisor of that unit or of a unit above it). The forum's moderator and administrators follow the actions
// but do not mark another unit's work done.

export const ACTION_REPORTER_ROLES = ["supervisor"] as const;

/** Whether a user with these grants may report progress on an action of the unit at `responsibleUnitPath`. */
export function mayReportOnAction(grants: readonly Pick<RoleGrant, "role" | "unitPath">[], responsibleUnitPath: string): boolean {
  return grants.some((grant) => (ACTION_REPORTER_ROLES as readonly string[]).includes(grant.role) && grantCovers(grant as RoleGrant, responsibleUnitPath));
}
