// Rules for changing an agency's organisation by hand (the administration pages): where a unit may move, who may
// be an officer's direct supervisor, what a counter may offer. Pure: the caller passes the agency's rows.

export interface UnitNode {
  id: number;
  parentId: number | null;
  retired: boolean;
}

export type UnitMoveRefusal = "topUnit" | "unknownParent" | "retiredParent" | "self" | "cycle";

/**
 * Why a unit may not go under `newParentId`, or null when it may. `units` are the agency's units (any other id
 * is unknown). The top unit stands for the government and stays on top; a unit never goes under itself or one of
 * its own descendants (the tree would become a loop); a retired unit takes no new sub-units.
 */
export function unitMoveRefusal(units: readonly UnitNode[], unitId: number, newParentId: number): UnitMoveRefusal | null {
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const unit = byId.get(unitId);
  if (unit && unit.parentId === null) return "topUnit";
  const parent = byId.get(newParentId);
  if (!parent) return "unknownParent";
  if (newParentId === unitId) return "self";
  if (parent.retired) return "retiredParent";
  // Walk up from the new parent; meeting the unit means the parent lies inside the unit's own subtree.
  let current: UnitNode | undefined = parent;
  for (let steps = 0; current && steps <= units.length; steps++) {
    if (current.id === unitId) return "cycle";
    current = current.parentId === null ? undefined : byId.get(current.parentId);
  }
  return null;
}

export type UnitRetireRefusal = "topUnit" | "activeSubUnits" | "alreadyRetired";

/** A unit retires only after its sub-units did (their counters and officers need a home first); never the top. */
export function unitRetireRefusal(units: readonly UnitNode[], unitId: number): UnitRetireRefusal | null {
  const unit = units.find((candidate) => candidate.id === unitId);
  if (!unit || unit.parentId === null) return "topUnit";
  if (unit.retired) return "alreadyRetired";
  return units.some((child) => child.parentId === unitId && !child.retired) ? "activeSubUnits" : null;
}

export interface OfficerNode {
  id: number;
  agencyId: number;
  supervisorId: number | null;
  retired: boolean;
}

export type SupervisorRefusal = "self" | "unknownSupervisor" | "otherAgency" | "retiredSupervisor" | "cycle";

/**
 * Why `supervisorId` may not become the direct supervisor of `officerId` (null: no supervisor, always allowed).
 * The supervisor is an active officer of the same agency, and the chain of supervisors never comes back to the
 * officer (A supervises B who supervises A would leave both without a head to assess them, PermenPANRB 6/2022).
 * `officerId` null: an officer not stored yet, who has no subordinates, so only the first checks apply.
 */
export function supervisorRefusal(officers: readonly OfficerNode[], officerId: number | null, agencyId: number, supervisorId: number | null): SupervisorRefusal | null {
  if (supervisorId === null) return null;
  if (officerId !== null && supervisorId === officerId) return "self";
  const byId = new Map(officers.map((officer) => [officer.id, officer]));
  const supervisor = byId.get(supervisorId);
  if (!supervisor) return "unknownSupervisor";
  if (supervisor.agencyId !== agencyId) return "otherAgency";
  if (supervisor.retired) return "retiredSupervisor";
  if (officerId === null) return null;
  let current: OfficerNode | undefined = supervisor;
  for (let steps = 0; current && steps <= officers.length; steps++) {
    if (current.id === officerId) return "cycle";
    current = current.supervisorId === null ? undefined : byId.get(current.supervisorId);
  }
  return null;
}

/** The chosen services a counter may not offer: those that are not active services of the counter's own unit. */
export function servicesOutsideUnit(chosen: readonly number[], unitServiceIds: readonly number[]): number[] {
  const own = new Set(unitServiceIds);
  return [...new Set(chosen)].filter((id) => !own.has(id));
}

export type OfficerRetireRefusal = "alreadyRetired" | "hasSubordinates";

/** An officer retires after their active subordinates have another direct supervisor (nobody is left unassessed). */
export function officerRetireRefusal(officers: readonly OfficerNode[], officerId: number): OfficerRetireRefusal | null {
  const officer = officers.find((candidate) => candidate.id === officerId);
  if (!officer || officer.retired) return "alreadyRetired";
  return officers.some((other) => other.supervisorId === officerId && !other.retired) ? "hasSubordinates" : null;
}
