import type { RoleGrant } from "./grants";
import { grantCovers } from "./grants";

// Who may look after a staff account (issue codes, reset, deactivate): an administrator whose grants cover every
// unit the account belongs to (its roles' units and its officer's unit). An account that also works for another
// agency is that agency's business too, so one agency's administrator alone cannot shut it out.

export function mayManageAccount(grants: readonly RoleGrant[], accountUnitPaths: readonly string[]): boolean {
  const adminGrants = grants.filter((grant) => grant.role === "admin");
  return accountUnitPaths.length > 0 && accountUnitPaths.every((path) => adminGrants.some((grant) => grantCovers(grant, path)));
}
