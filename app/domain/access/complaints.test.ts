import { describe, expect, it } from "vitest";
import { actorForStep, mayForwardTo, mayOpenAttachment, queueRoleOf, queueScopeOf, viewerOf, type ComplaintPlace } from "./complaints";

const handler = { officerId: null, grants: [{ role: "complaint_handler", unitPath: "/1/" }] };
const supervisor = { officerId: 7, grants: [{ role: "supervisor", unitPath: "/1/2/" }, { role: "officer", unitPath: "/1/2/" }] };
const officer = { officerId: 9, grants: [{ role: "officer", unitPath: "/1/2/" }] };
const stranger = { officerId: null, grants: [{ role: "complaint_handler", unitPath: "/5/" }] };

const filed: ComplaintPlace = { receivedPath: "/1/2/", responsiblePath: null, officerId: null, status: "diterima" };
const forwarded: ComplaintPlace = { receivedPath: "/1/2/", responsiblePath: "/1/2/", officerId: 9, status: "diteruskan" };

describe("complaint access", () => {
  it.each([
    ["the handler verifies a complaint filed in their scope", handler, "verify", filed, "complaint_handler"],
    ["a handler elsewhere may not verify it", stranger, "verify", filed, null],
    ["the supervisor may not verify", supervisor, "verify", filed, null],
    ["the responsible unit's supervisor writes the follow-up", supervisor, "follow_up", forwarded, "supervisor"],
    ["the named officer replies", officer, "officer_reply", forwarded, "officer"],
    ["another officer may not reply", { ...officer, officerId: 10 }, "officer_reply", forwarded, null],
    ["nobody on staff answers for the citizen", handler, "citizen_response", forwarded, null],
  ] as const)("%s", (_name, user, type, place, role) => {
    expect(actorForStep(user, type, place)?.role ?? null).toBe(role);
  });

  it("shows the contact to handlers only, the reporter's side to supervisors, nothing of it to the named officer", () => {
    expect(viewerOf(handler, forwarded)).toMatchObject({ seesContact: true, seesReporter: true });
    expect(viewerOf(supervisor, forwarded)).toMatchObject({ seesContact: false, seesReporter: true });
    expect(viewerOf(officer, forwarded)).toMatchObject({ isNamedOfficer: true, seesContact: false, seesReporter: false });
    expect(mayOpenAttachment(officer, forwarded)).toBe(false);
    expect(mayOpenAttachment(supervisor, forwarded)).toBe(true);
  });

  it("hides a complaint from the named officer until it is forwarded, and from staff outside the scope", () => {
    expect(viewerOf(officer, { ...forwarded, status: "terverifikasi" })).toBeNull();
    expect(viewerOf(stranger, forwarded)).toBeNull();
  });

  it("forwards only inside the handler's scope", () => {
    expect(mayForwardTo(handler, "/1/3/")).toBe(true);
    expect(mayForwardTo(handler, "/4/")).toBe(false);
  });

  it("says why a queued complaint is in a user's queue", () => {
    const scope = queueScopeOf(supervisor)!;
    expect(queueRoleOf(scope, "/1/2/", null)).toBe("supervisor");
    expect(queueRoleOf(scope, "/3/", "/3/")).toBe("officer");
    expect(queueScopeOf({ officerId: null, grants: [{ role: "moderator", unitPath: "/1/" }] })).toBeNull();
  });
});
