import type { Role } from "../../../db/schema";

export interface RoleGrant {
  role: Role;
  unitId: number;
  unitPath: string;
}

/** A grant on a unit covers that unit and its whole subtree (paths look like '/3/17/42/'). */
export function grantCovers(grant: RoleGrant, unitPath: string): boolean {
  return unitPath.startsWith(grant.unitPath);
}

export function hasRoleFor(grants: readonly RoleGrant[], roles: readonly Role[], unitPath: string): boolean {
  return grants.some((grant) => roles.includes(grant.role) && grantCovers(grant, unitPath));
}

export function rolesOf(grants: readonly RoleGrant[]): Role[] {
  return [...new Set(grants.map((grant) => grant.role))];
}

export type RevokeRefusal = "ownLastAdmin";

/**
 * Whether an administrator may revoke a grant. Nobody removes their own last admin grant: the agency would be
 * left without anyone able to give it back from inside the portal.
 */
export function revocationRefusal(
  actor: { userId: number; grants: readonly RoleGrant[] },
  target: { userId: number; role: Role; unitId: number },
): RevokeRefusal | null {
  if (actor.userId !== target.userId || target.role !== "admin") return null;
  const otherAdminGrants = actor.grants.filter((grant) => grant.role === "admin" && grant.unitId !== target.unitId);
  return otherAdminGrants.length === 0 ? "ownLastAdmin" : null;
}
