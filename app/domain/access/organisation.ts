import type { RoleGrant } from "./grants";
import { hasRoleFor } from "./grants";

// Who may change an agency's organisation on the administration pages (/staf/organisasi/:agencyUnitId/...): an
// administrator of the agency's top unit, and only for things inside that agency. The page's agency comes from the
// URL; a unit, service, counter or officer of another agency answers 404 there, even to an administrator of both.

/** `subjectUnitPath`: the unit the thing belongs to (a unit's own path, a service's or counter's or officer's unit). */
export function mayAdministerInAgency(grants: readonly RoleGrant[], agencyTopPath: string, subjectUnitPath: string): boolean {
  return subjectUnitPath.startsWith(agencyTopPath) && hasRoleFor(grants, ["admin"], agencyTopPath);
}
