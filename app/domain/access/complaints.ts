import type { ComplaintActor, ComplaintEventType, ComplaintStatus } from "~/domain/complaint-lifecycle";

/**
 * Who may see and do what on a complaint. Pure: the caller passes the user's grants and the units' paths,
 * so the loaders (what a page shows), the commands (what a step may do) and the queue (what a list holds)
 * all ask the same rules.
 */

/** A role granted on a unit; it covers the unit's whole subtree (paths look like '/3/17/42/'). */
export interface AccessGrant {
  role: string;
  unitPath: string;
}

export interface ComplaintAccessor {
  officerId: number | null;
  grants: readonly AccessGrant[];
}

/** Where a complaint sits: the unit it was filed with, the unit it was forwarded to, the officer it names. */
export interface ComplaintPlace {
  receivedPath: string;
  responsiblePath: string | null;
  officerId: number | null;
  status: ComplaintStatus;
}

/** The named officer sees a complaint only once it has been forwarded to their unit. */
export const NAMED_OFFICER_SEES: readonly ComplaintStatus[] = ["diteruskan", "ditindaklanjuti", "ditanggapi", "selesai"];

export function covers(user: ComplaintAccessor, roles: readonly string[], unitPath: string | null): boolean {
  return unitPath !== null && user.grants.some((grant) => roles.includes(grant.role) && unitPath.startsWith(grant.unitPath));
}

const HANDLER = ["complaint_handler"] as const;
const SUPERVISOR = ["supervisor"] as const;

/** Which role this user acts in for a step on this complaint, or null when the step is not theirs to take. */
export function actorForStep(user: ComplaintAccessor, type: ComplaintEventType, place: ComplaintPlace): ComplaintActor | null {
  const received = place.receivedPath;
  const responsible = place.responsiblePath;
  switch (type) {
    case "verify":
    case "postpone":
    case "not_our_authority":
    case "archive":
    case "resume":
    case "forward":
      return covers(user, HANDLER, received) ? { role: "complaint_handler" } : null;
    case "follow_up":
      if (covers(user, HANDLER, responsible)) return { role: "complaint_handler" };
      return covers(user, SUPERVISOR, responsible) ? { role: "supervisor" } : null;
    case "close":
      if (covers(user, HANDLER, received) || covers(user, HANDLER, responsible)) return { role: "complaint_handler" };
      return covers(user, SUPERVISOR, responsible) ? { role: "supervisor" } : null;
    case "set_visibility":
      if (covers(user, HANDLER, received) || covers(user, HANDLER, responsible)) return { role: "complaint_handler" };
      if (covers(user, SUPERVISOR, responsible ?? received)) return { role: "supervisor" };
      return covers(user, ["moderator"], received) ? { role: "moderator" } : null;
    case "officer_reply":
      return user.officerId !== null && user.officerId === place.officerId && user.grants.some((grant) => grant.role === "officer")
        ? { role: "officer", officerId: String(user.officerId) }
        : null;
    case "citizen_response":
    case "auto_close":
      return null;
  }
}

/** A handler forwards only to a unit inside their own scope. */
export function mayForwardTo(user: ComplaintAccessor, targetPath: string): boolean {
  return covers(user, HANDLER, targetPath);
}

export interface ComplaintViewer {
  isHandler: boolean;
  isSupervisor: boolean;
  isNamedOfficer: boolean;
  /** Handlers and supervisors see the reporter's side (attachments, who did what); the named officer does not. */
  seesReporter: boolean;
  /** Only handlers see the reporter's contact details. */
  seesContact: boolean;
}

/** How this user may see a complaint, or null when it is outside their scope (the page answers 404). */
export function viewerOf(user: ComplaintAccessor, place: ComplaintPlace): ComplaintViewer | null {
  const isHandler = covers(user, HANDLER, place.receivedPath) || covers(user, HANDLER, place.responsiblePath);
  const isSupervisor = covers(user, SUPERVISOR, place.responsiblePath ?? place.receivedPath);
  const isNamedOfficer = user.officerId !== null && user.officerId === place.officerId && NAMED_OFFICER_SEES.includes(place.status);
  if (!isHandler && !isSupervisor && !isNamedOfficer) return null;
  return { isHandler, isSupervisor, isNamedOfficer, seesReporter: isHandler || isSupervisor, seesContact: isHandler };
}

/** An attachment is opened by whoever sees the reporter's side of its complaint. */
export function mayOpenAttachment(user: ComplaintAccessor, place: Omit<ComplaintPlace, "officerId" | "status">): boolean {
  return covers(user, HANDLER, place.receivedPath) || covers(user, HANDLER, place.responsiblePath) || covers(user, SUPERVISOR, place.responsiblePath ?? place.receivedPath);
}

/**
 * What a user's complaint queue may hold: complaints filed with or forwarded to a handler's units; a
 * supervisor's units' complaints (forwarded to them, or filed with them and not yet forwarded); and the
 * complaints naming the user as officer once forwarded. The query layer turns this into SQL.
 */
export interface QueueScope {
  handlerPaths: string[];
  supervisorPaths: string[];
  officerId: number | null;
}

export function queueScopeOf(user: ComplaintAccessor): QueueScope | null {
  const handlerPaths = user.grants.filter((grant) => grant.role === "complaint_handler").map((grant) => grant.unitPath);
  const supervisorPaths = user.grants.filter((grant) => grant.role === "supervisor").map((grant) => grant.unitPath);
  const officerId = user.grants.some((grant) => grant.role === "officer") ? user.officerId : null;
  if (handlerPaths.length === 0 && supervisorPaths.length === 0 && officerId === null) return null;
  return { handlerPaths, supervisorPaths, officerId };
}

/** Why this user sees a queued complaint: as a handler, as the responsible unit's supervisor, or as the named officer. */
export function queueRoleOf(scope: QueueScope, receivedPath: string, responsiblePath: string | null): "handler" | "supervisor" | "officer" {
  if (scope.handlerPaths.some((p) => receivedPath.startsWith(p) || (responsiblePath ?? "").startsWith(p))) return "handler";
  if (scope.supervisorPaths.some((p) => (responsiblePath ?? receivedPath).startsWith(p))) return "supervisor";
  return "officer";
}
