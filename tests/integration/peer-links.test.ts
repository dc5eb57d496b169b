import { afterAll, describe, expect, it } from "vitest";
import { finaliseAssessment } from "~/data/assessments/commands.server";
import { evidencePack } from "~/data/assessments/evidence.server";
import { invitePeerByLink, peerLinkPage, submitLinkReview } from "~/data/skp/peer-links.server";
import { submitReview, type ReviewInput } from "~/data/skp/period.server";
import type { Rating } from "~/domain/predikat";
import { closeDatabase } from "~/platform/db.server";
import { freshDemoDatabase } from "./database";
import { demoStaff } from "./demo-staff";
import { formPost, staffCookie } from "./staff-request";

function review(rating: Rating, justification = "Terlihat dalam pelayanan sehari-hari."): ReviewInput {
  const one = { rating, justification };
  return { berorientasi_pelayanan: one, akuntabel: one, kompeten: one, harmonis: one, loyal: one, adaptif: one, kolaboratif: one };
}

// 360 reviews by peers without an account: a one-time link made by the assessor, stored only as a keyed hash,
// usable once and for 14 days; the reviewed officer sees peers only as a summary from 3 answers, never by name.
describe("peer reviews through a one-time link", async () => {
  const { db, url } = await freshDemoDatabase();
  process.env.DATABASE_URL = url;
  afterAll(closeDatabase);
  const petugas = await demoStaff(db, "petugas");
  const kabid = await demoStaff(db, "kabid.dukcapil");
  const rekan = await demoStaff(db, "rekan.petugas");
  const plan = await db.selectFrom("skp_plans").select(["id", "period_end"]).where("officer_id", "=", petugas.officerId!).executeTakeFirstOrThrow();
  const during = new Date(`${plan.period_end}T01:00:00Z`);
  const context = { now: during, baseUrl: "https://suara.example.go.id" };

  const reviewsPage = async (username: string) => {
    const module = await import("~/routes/staf.skp.$planId.ulasan");
    const request = new Request(`http://portal.test/staf/skp/${plan.id}/ulasan`, { headers: { Cookie: await staffCookie(db, username) } });
    return (await module.loader({ request, params: { planId: String(plan.id) }, context: {} })) as unknown as Record<string, unknown>;
  };

  let firstToken = "";

  it("only the assessor makes a link; the link is mailed to the address given and kept only as a hash", async () => {
    expect(await invitePeerByLink(db, petugas, plan.id, { name: "Sari", email: null }, context)).toEqual({ ok: false, reason: "notAssessor" });
    expect(await invitePeerByLink(db, rekan, plan.id, { name: "Sari", email: null }, context)).toEqual({ ok: false, reason: "notAssessor" });
    const made = await invitePeerByLink(db, kabid, plan.id, { name: "Sari Wulandari", email: "sari@contoh.go.id" }, context);
    if (!made.ok) throw new Error(made.reason);
    firstToken = made.token;
    expect(made.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(made.expiresAt.getTime() - during.getTime()).toBe(14 * 24 * 3600 * 1000);

    const stored = await db.selectFrom("skp_peer_links").selectAll().where("plan_id", "=", plan.id).execute();
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(made.token);
    const audit = await db.selectFrom("audit_log").select(["after"]).where("action", "=", "skp.peer_link.create").execute();
    expect(JSON.stringify(audit)).not.toContain(made.token);

    const mail = await db.selectFrom("mail_outbox").select(["recipient", "subject", "body"]).where("kind", "=", "skp_peer_link").executeTakeFirstOrThrow();
    expect(mail.recipient).toBe("sari@contoh.go.id");
    expect(mail.body).toContain(`https://suara.example.go.id/ulasan-rekan/${made.token}`);
    expect(mail.body).toContain("Yth. Sari Wulandari");
  });

  it("opens the form without an account, takes one review, and is dead afterwards", async () => {
    const open = await peerLinkPage(db, firstToken, during);
    expect(open).toMatchObject({ state: "open", peerName: "Sari Wulandari" });
    expect(await submitLinkReview(db, firstToken, review("di_atas"), during)).toEqual({ ok: true });
    expect(await submitLinkReview(db, firstToken, review("di_bawah"), during)).toEqual({ ok: false, state: "used" });
    expect(await peerLinkPage(db, firstToken, during)).toEqual({ state: "used", peerName: "Sari Wulandari" });
    const rows = await db.selectFrom("skp_reviews").select(["rating", "kind", "reviewer_officer_id"]).where("peer_link_id", "is not", null).execute();
    expect(rows).toHaveLength(7);
    expect(new Set(rows.map((row) => `${row.kind}/${row.rating}/${row.reviewer_officer_id}`))).toEqual(new Set(["peer/di_atas/null"]));
  });

  it("answers an unknown or mangled link as unknown", async () => {
    expect(await peerLinkPage(db, firstToken.slice(0, -1) + (firstToken.endsWith("A") ? "B" : "A"), during)).toEqual({ state: "unknown" });
    expect(await peerLinkPage(db, "x", during)).toEqual({ state: "unknown" });
    expect(await submitLinkReview(db, "not-a-link-at-all-not-a-link", review("sesuai"), during)).toEqual({ ok: false, state: "unknown" });
  });

  it("refuses a review after the link expired and stores nothing", async () => {
    const made = await invitePeerByLink(db, kabid, plan.id, { name: "Budi", email: null }, { ...context, now: new Date(during.getTime() - 15 * 24 * 3600 * 1000) });
    if (!made.ok) throw new Error(made.reason);
    expect(await peerLinkPage(db, made.token, during)).toEqual({ state: "expired", peerName: "Budi" });
    const before = await db.selectFrom("skp_reviews").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(await submitLinkReview(db, made.token, review("sesuai"), during)).toEqual({ ok: false, state: "expired" });
    const after = await db.selectFrom("skp_reviews").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it("shows the officer no peer below 3 answers and then only counts; the supervisor sees every review by name", async () => {
    const second = await invitePeerByLink(db, kabid, plan.id, { name: "Dewi Lestari", email: null }, context);
    if (!second.ok) throw new Error(second.reason);
    expect(await submitLinkReview(db, second.token, review("sesuai", "Dewi menulis ini."), during)).toEqual({ ok: true });

    // Two peers answered (both through links): withheld for the officer.
    let mine = await reviewsPage("petugas");
    expect(mine.peerSummary).toEqual({ kind: "withheld", answered: 2, minimum: 3 });
    expect(JSON.stringify(mine)).not.toMatch(/Sari Wulandari|Dewi Lestari|Dewi menulis/);

    // The third, a colleague with an account.
    expect((await submitReview(db, rekan, plan.id, review("di_bawah", "Rekan menulis ini."))).ok).toBe(true);
    mine = await reviewsPage("petugas");
    expect(mine.peerSummary).toMatchObject({ kind: "shown", answered: 3, counts: { kolaboratif: { di_atas: 1, sesuai: 1, di_bawah: 1 } } });
    const officerSees = JSON.stringify(mine);
    expect(officerSees).not.toMatch(/Sari Wulandari|Dewi Lestari|Dewi menulis|Rekan menulis|link:|peerLinks":\[\{/);
    expect(mine.peerLinks).toEqual([]);

    const theirs = await reviewsPage("kabid.dukcapil");
    const reviews = theirs.reviews as { reviewerName: string; viaLink: boolean; justification: string; kind: string }[];
    expect(new Set(reviews.filter((r) => r.kind === "peer").map((r) => `${r.reviewerName}/${r.viaLink}`))).toEqual(
      new Set(["Sari Wulandari/true", "Dewi Lestari/true", `${(await db.selectFrom("officers").select("name").where("id", "=", rekan.officerId!).executeTakeFirstOrThrow()).name}/false`]),
    );
    expect(theirs.peerLinks).toEqual([
      expect.objectContaining({ name: "Sari Wulandari", state: "used" }),
      expect.objectContaining({ name: "Budi", state: "expired" }),
      expect.objectContaining({ name: "Dewi Lestari", state: "used" }),
    ]);
    // The evidence pack counts each peer once, by account or by link.
    const pack = await evidencePack(db, plan.id, during);
    expect(pack.reviewers.peers).toBe(3);
  });

  it("the assessor's invitation form refuses a bad address beside the field, with 400 and nothing stored", async () => {
    const module = await import("~/routes/staf.skp.$planId.ulasan");
    const before = await db.selectFrom("skp_peer_links").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    const request = formPost(`/staf/skp/${plan.id}/ulasan`, await staffCookie(db, "kabid.dukcapil"), { intent: "inviteLink", peerName: "Tono", peerEmail: "tono-at-contoh" });
    const response = (await module.action({ request, params: { planId: String(plan.id) }, context: {} })) as unknown as { init: { status: number }; data: { errors: Record<string, string> } };
    expect(response.init.status).toBe(400);
    expect(response.data.errors).toEqual({ peerEmail: "assessments.errors.peerEmail" });
    const after = await db.selectFrom("skp_peer_links").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it("closes every open link once the assessment is final", async () => {
    const open = await invitePeerByLink(db, kabid, plan.id, { name: "Rina", email: null }, context);
    if (!open.ok) throw new Error(open.reason);
    const JUSTIFIED = "Dibahas dalam dialog kinerja akhir periode.";
    const afterPeriod = new Date(`${plan.period_end}T05:00:00Z`);
    const final = await finaliseAssessment(db, kabid, plan.id, { ratingHasilKerja: "sesuai", ratingPerilaku: "sesuai", justificationHasilKerja: JUSTIFIED, justificationPerilaku: JUSTIFIED }, afterPeriod);
    expect(final.ok).toBe(true);
    expect(await peerLinkPage(db, open.token, afterPeriod)).toEqual({ state: "closed", peerName: "Rina" });
    expect(await submitLinkReview(db, open.token, review("sesuai"), afterPeriod)).toEqual({ ok: false, state: "closed" });
    expect(await invitePeerByLink(db, kabid, plan.id, { name: "Rina", email: null }, context)).toEqual({ ok: false, reason: "alreadyFinal" });
  });
});
