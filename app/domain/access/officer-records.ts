// Who may read and act on an officer's own records (SKP plans, achievements and their evidence, 360 reviews,
// assessments): the officer, and the supervisors above them in the supervisor chain. Holding the supervisor role on
// the officer's unit is not enough: a same-level colleague with that role reads nothing (PP 30/2019: the assessor
// is the direct superior). Loaders and commands both ask this rule; nothing re-checks elsewhere.

export interface OfficerRecordFacts {
  /** The viewer's officer record, if the viewer is an officer at all. */
  viewerOfficerId: number | null;
  officerId: number;
  /** The officer's supervisors, nearest first. */
  chain: readonly number[];
}

export interface OfficerRecordAccess {
  self: boolean;
  /** The viewer is the officer's direct supervisor: the assessor. */
  assessor: boolean;
  /** The viewer is somewhere above the officer in the supervisor chain. */
  inChain: boolean;
  canView: boolean;
}

export function officerRecordAccess(facts: OfficerRecordFacts): OfficerRecordAccess {
  const viewer = facts.viewerOfficerId;
  const self = viewer !== null && viewer === facts.officerId;
  const inChain = viewer !== null && !self && facts.chain.includes(viewer);
  const assessor = viewer !== null && !self && facts.chain[0] === viewer;
  return { self, assessor, inChain, canView: self || inChain };
}

/**
 * The team view shows an officer's week to their direct supervisor only (the assessor follows the daily reports;
 * supervisors further up open the officer's plan instead), and its live events reach only that supervisor.
 */
export function seesInTeamView(viewerOfficerId: number | null, officerSupervisorId: number | null): boolean {
  return viewerOfficerId !== null && officerSupervisorId === viewerOfficerId;
}
