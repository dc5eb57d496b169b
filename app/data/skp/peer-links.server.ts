import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../../../db/schema";
import { BERAKHLAK_VALUES } from "~/domain/berakhlak";
import { peerLinkExpiry, peerLinkState, type PeerLinkState } from "~/domain/peer-reviews";
import { keyedHash } from "~/platform/keyed-hash.server";
import { appendAudit } from "../audit.server";
import { enqueueMail } from "../mail-outbox.server";
import { dayWords, planNoticeContext } from "../records-notices.server";
import { hasFinalAssessment, lockedPlan, officerAccess, type Viewer } from "./access.server";
import { audit, type CommandResult } from "./commands.server";
import type { ReviewInput } from "./period.server";
import texts from "../../../public/locales/id/records.json";

// 360 reviews by peers without an account (PermenPANRB 6/2022: peers assess the officer's behaviour). The
// assessor invites a peer by name and, if known, e-mail; the peer gets a random link, of which only the keyed
// hash is stored, usable once and for PEER_LINK_VALID_DAYS. The page behind it shows the officer's name and
// period and the review form, nothing of the record. Each command opens one transaction.

const PURPOSE = "peer-review-link";

function linkHash(token: string): string {
  return keyedHash(PURPOSE, token, 64);
}

export function peerLinkPath(token: string): string {
  return `/ulasan-rekan/${token}`;
}

export interface PeerInvite {
  name: string;
  email: string | null;
}

/** The assessor makes a one-time link for a peer; the link is shown once (and mailed when an address is given). */
export async function invitePeerByLink(
  db: Kysely<Database>,
  actor: Viewer,
  planId: number,
  invite: PeerInvite,
  context: { now: Date; baseUrl: string },
): Promise<CommandResult<{ token: string; expiresAt: Date; mailed: boolean }>> {
  return db.transaction().execute(async (trx) => {
    const plan = await lockedPlan(trx, planId);
    const access = await officerAccess(trx, actor, plan.officer_id);
    if (!access?.assessor) return { ok: false, reason: "notAssessor" };
    if (plan.status !== "approved") return { ok: false, reason: "wrongStatus" };
    if (await hasFinalAssessment(trx, planId)) return { ok: false, reason: "alreadyFinal" };
    const token = randomBytes(32).toString("base64url");
    const expiresAt = peerLinkExpiry(context.now);
    const link = await trx
      .insertInto("skp_peer_links")
      .values({
        plan_id: planId,
        peer_name: invite.name,
        peer_email: invite.email,
        token_hash: linkHash(token),
        invited_by_user_id: actor.id,
        created_at: context.now,
        expires_at: expiresAt,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (invite.email) {
      const notice = await planNoticeContext(trx, plan);
      const params: Record<string, string> = {
        peer: invite.name,
        officer: notice.officer,
        period: notice.period,
        link: `${context.baseUrl}${peerLinkPath(token)}`,
        expires: dayWords(expiresAt, notice.timeZone),
      };
      const fill = (template: string) => template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => params[name] ?? "");
      await enqueueMail(trx, {
        agencyId: plan.agency_id,
        kind: "skp_peer_link",
        to: invite.email,
        subject: fill(texts.records.peerLinkMail.subject),
        text: fill(texts.records.peerLinkMail.body),
        at: context.now,
      });
    }
    // The audit keeps who was invited, never the link.
    await audit(trx, actor, planId, "skp.peer_link.create", undefined, { linkId: link.id, peer: invite.name, mailed: invite.email !== null });
    return { ok: true, token, expiresAt, mailed: invite.email !== null };
  });
}

/** The links of a plan, for its assessor: to whom, until when, and whether answered. Never the link itself. */
export async function peerLinksOf(db: Kysely<Database>, planId: number, now: Date) {
  const [rows, final, plan] = await Promise.all([
    db
      .selectFrom("skp_peer_links")
      .select(["id", "peer_name as name", "peer_email as email", "created_at as createdAt", "expires_at as expiresAt", "used_at as usedAt"])
      .where("plan_id", "=", planId)
      .orderBy("id")
      .execute(),
    hasFinalAssessment(db, planId),
    db.selectFrom("skp_plans").select("status").where("id", "=", planId).executeTakeFirstOrThrow(),
  ]);
  const reviewsOpen = plan.status === "approved" && !final;
  return rows.map((row) => ({ ...row, state: peerLinkState(row, { reviewsOpen }, now) }));
}

export type PeerLinkPage =
  | { state: "unknown" }
  | { state: Exclude<PeerLinkState, "open">; peerName: string }
  | { state: "open"; peerName: string; officerName: string; position: string; unitName: string; agencyName: string; periodStart: string; periodEnd: string; expiresAt: Date; timeZone: string };

async function findLink(db: Kysely<Database>, token: string) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
  return db
    .selectFrom("skp_peer_links")
    .innerJoin("skp_plans", "skp_plans.id", "skp_peer_links.plan_id")
    .innerJoin("officers", "officers.id", "skp_plans.officer_id")
    .innerJoin("units", "units.id", "skp_plans.unit_id")
    .innerJoin("agencies", "agencies.id", "skp_plans.agency_id")
    .select([
      "skp_peer_links.id",
      "skp_peer_links.plan_id as planId",
      "skp_peer_links.peer_name as peerName",
      "skp_peer_links.expires_at as expiresAt",
      "skp_peer_links.used_at as usedAt",
      "skp_plans.status",
      "skp_plans.period_start as periodStart",
      "skp_plans.period_end as periodEnd",
      "officers.name as officerName",
      "officers.position",
      "units.name as unitName",
      "agencies.name as agencyName",
      "agencies.time_zone as timeZone",
    ])
    .where("skp_peer_links.token_hash", "=", linkHash(token))
    .executeTakeFirst();
}

/** What the page behind a link shows: the form while it is open, else only why it is not. */
export async function peerLinkPage(db: Kysely<Database>, token: string, now: Date): Promise<PeerLinkPage> {
  const link = await findLink(db, token);
  if (!link) return { state: "unknown" };
  const reviewsOpen = link.status === "approved" && !(await hasFinalAssessment(db, link.planId));
  const state = peerLinkState(link, { reviewsOpen }, now);
  if (state !== "open") return { state, peerName: link.peerName };
  const { officerName, position, unitName, agencyName, periodStart, periodEnd, expiresAt, peerName, timeZone } = link;
  return { state, peerName, officerName, position, unitName, agencyName, periodStart, periodEnd, expiresAt, timeZone };
}

export type LinkReviewResult = { ok: true } | { ok: false; state: Exclude<PeerLinkState, "open"> | "unknown" };

/** The peer's review through the link: all seven values at once, and the link is spent in the same transaction. */
export async function submitLinkReview(db: Kysely<Database>, token: string, input: ReviewInput, now: Date): Promise<LinkReviewResult> {
  const found = await findLink(db, token);
  if (!found) return { ok: false, state: "unknown" };
  return db.transaction().execute(async (trx) => {
    const plan = await lockedPlan(trx, found.planId);
    // Locked after the plan, so two submissions of one link (a double click) take turns and the second finds it used.
    const link = await trx
      .selectFrom("skp_peer_links")
      .select(["id", "peer_name", "expires_at as expiresAt", "used_at as usedAt"])
      .where("id", "=", found.id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const reviewsOpen = plan.status === "approved" && !(await hasFinalAssessment(trx, plan.id));
    const state = peerLinkState(link, { reviewsOpen }, now);
    if (state !== "open") return { ok: false, state };
    await trx
      .insertInto("skp_reviews")
      .values(
        BERAKHLAK_VALUES.map((value) => ({
          plan_id: plan.id,
          reviewer_officer_id: null,
          peer_link_id: link.id,
          kind: "peer" as const,
          value,
          rating: input[value].rating,
          justification: input[value].justification,
          created_at: now,
        })),
      )
      .execute();
    await trx.updateTable("skp_peer_links").set({ used_at: now }).where("id", "=", link.id).execute();
    await appendAudit(trx, {
      actorUserId: null,
      action: "skp.review.submit",
      subjectType: "skp_plan",
      subjectId: plan.id,
      after: { kind: "peer", peerLinkId: link.id, ratings: BERAKHLAK_VALUES.map((value) => [value, input[value].rating]) },
    });
    return { ok: true };
  });
}
