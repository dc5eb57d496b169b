import { createCookie } from "@remix-run/node";
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { addAction, forumActionsForElement, updateAction } from "~/data/forums/actions.server";
import { currentRecord, publishedSnapshot, publishRecord, recordApproval, saveRecordText, startCorrection, withdrawnNumbers } from "~/data/forums/records.server";
import { markNotReflected, proposeForumThemes, saveSummary, setThemeAccepted, themesOf } from "~/data/forums/themes.server";
import { addItems, hideItem, itemsOf, mergeItems, submitPublicInput } from "~/data/forums/items.server";
import { createForum, saveAttendance } from "~/data/forums/forums.server";
import { freshDemoDatabase } from "./database";

const { db, url } = await freshDemoDatabase();
// The route modules read the pool from db(); point it at this file's database.
process.env.DATABASE_URL = url;

const sessionCookie = createCookie("__suara_session", { secrets: [process.env.SESSION_SECRET ?? "development-only-secret-change-me!!"], path: "/" });

async function sessionFor(username: string): Promise<string> {
  const user = await db.selectFrom("users").select("id").where("username", "=", username).executeTakeFirstOrThrow();
  const id = randomBytes(16).toString("hex");
  await db.insertInto("sessions").values({ id, user_id: user.id, expires_at: new Date(Date.now() + 3_600_000) }).execute();
  return sessionCookie.serialize(id);
}

async function unitNamed(agencySlug: string, name: string) {
  return db
    .selectFrom("units")
    .innerJoin("agencies", "agencies.id", "units.agency_id")
    .select(["units.id", "units.path"])
    .where("agencies.slug", "=", agencySlug)
    .where("units.name", "=", name)
    .executeTakeFirstOrThrow();
}

async function newForum(unitId: number) {
  return createForum(db, {
    actorUserId: null,
    unitId,
    title: "Forum uji",
    heldOn: "2026-12-01",
    startTime: null,
    place: "Aula",
    agenda: "Dialog",
    chairName: "Ketua Forum",
    noteTakerName: "Notulis",
    serviceIds: [],
  });
}

const SEEDED_TITLE = "Forum Konsultasi Publik Layanan Administrasi Kependudukan 2026";
const dukcapil = await unitNamed("kota-pariaman", "Dinas Kependudukan dan Pencatatan Sipil");

describe("the seeded published forum", () => {
  it("has a published version 1 whose snapshot holds themes with cited inputs and actions", async () => {
    const forum = await db.selectFrom("forums").select("id").where("title", "=", SEEDED_TITLE).executeTakeFirstOrThrow();
    const snapshot = await publishedSnapshot(db, forum.id);
    expect(snapshot?.version).toBe(1);
    expect(snapshot?.themes.length).toBeGreaterThan(1);
    for (const theme of snapshot!.themes) {
      expect(theme.citedNumbers.length).toBeGreaterThan(0);
      expect(theme.citedNumbers.every((n) => theme.items.some((item) => item.number === n))).toBe(true);
    }
    expect(snapshot?.actions).toHaveLength(3);
  });
});

describe("publishing", () => {
  it("is refused without the chair's approval, naming what is missing, and nothing is published", async () => {
    const forumId = await newForum(dukcapil.id);
    await saveAttendance(db, forumId, [{ group: "service_users", count: 10, names: [] }]);
    await addItems(db, { forumId, actorUserId: null, texts: ["Antrean KTP lama sekali", "Antrean KTP-el lama, nunggu berjam-jam"], source: "spoken", group: null });
    await proposeForumThemes(db, forumId);
    await setThemeAccepted(db, forumId, "all", true);
    const [theme] = await themesOf(db, forumId);
    expect(await saveSummary(db, forumId, theme!.id, "Antrean lama (#1, #2).")).toEqual({ kind: "ok", numbers: [1, 2] });
    await saveRecordText(db, forumId, { agreements: "Loket ditambah.", dissent: "" });
    await addAction(db, { forumId, themeId: theme!.id, description: "Tambah loket", responsibleUnitId: dukcapil.id, responsibleOfficer: null, dueOn: "2026-12-31", element: "U3" });

    const refused = await publishRecord(db, forumId, null, new Date());
    expect(refused).toEqual({ ok: false, reason: "gaps", gaps: [{ kind: "notApproved" }] });
    expect((await currentRecord(db, forumId)).status).toBe("draft");
    expect(await publishedSnapshot(db, forumId)).toBeUndefined();

    await recordApproval(db, { forumId, actorUserId: null, approvedOn: "2026-12-02", communityRepName: null, communitySignedOn: null, now: new Date() });
    expect(await publishRecord(db, forumId, null, new Date())).toEqual({ ok: true, version: 1 });
  });

  it("refuses a summary citing an input outside its theme, saving nothing", async () => {
    const forumId = await newForum(dukcapil.id);
    await addItems(db, { forumId, actorUserId: null, texts: ["Antrean KTP lama sekali", "Antrean KTP-el lama sekali", "Toilet kotor sekali"], source: "spoken", group: null });
    await proposeForumThemes(db, forumId);
    const [theme] = await themesOf(db, forumId);
    expect(await saveSummary(db, forumId, theme!.id, "Toilet kotor (#3).")).toEqual({ kind: "notInTheme", numbers: [3] });
    expect((await themesOf(db, forumId))[0]!.summary).toBe("");
  });

  it("refuses an action whose unit belongs to another government", async () => {
    const forumId = await newForum(dukcapil.id);
    const sorong = await unitNamed("kota-sorong", "Dinas Kependudukan dan Pencatatan Sipil");
    const result = await addAction(db, { forumId, themeId: null, description: "x", responsibleUnitId: sorong.id, responsibleOfficer: null, dueOn: "2026-12-31", element: null });
    expect(result).toEqual({ ok: false, reason: "unitOutsideAgency" });
  });
});

describe("corrections after publication", () => {
  it("make a new version with a reason; the old version stays intact; both are audited", async () => {
    const forum = await db.selectFrom("forums").select("id").where("title", "=", SEEDED_TITLE).executeTakeFirstOrThrow();
    const before = await publishedSnapshot(db, forum.id, 1);
    expect(await startCorrection(db, forum.id, null, "Nama notulis salah ketik")).toEqual({ ok: true, version: 2 });
    await saveRecordText(db, forum.id, { agreements: "Kesepakatan yang diperbaiki.", dissent: "" });
    expect((await publishRecord(db, forum.id, null, new Date())).ok).toBe(false);
    await recordApproval(db, { forumId: forum.id, actorUserId: null, approvedOn: "2026-11-20", communityRepName: null, communitySignedOn: null, now: new Date() });
    expect(await publishRecord(db, forum.id, null, new Date())).toEqual({ ok: true, version: 2 });

    expect(await publishedSnapshot(db, forum.id, 1)).toEqual(before);
    expect((await publishedSnapshot(db, forum.id))?.agreements).toBe("Kesepakatan yang diperbaiki.");
    expect((await publishedSnapshot(db, forum.id))?.correctionReason).toBe("Nama notulis salah ketik");
    const statuses = await db.selectFrom("forum_records").select(["version", "status"]).where("forum_id", "=", forum.id).orderBy("version").execute();
    expect(statuses).toEqual([
      { version: 1, status: "superseded" },
      { version: 2, status: "published" },
    ]);
    const audit = await db.selectFrom("audit_log").select("action").where("subject_type", "=", "forum").where("subject_id", "=", String(forum.id)).orderBy("id").execute();
    expect(audit.map((a) => a.action)).toEqual(["forum.create", "forum.approve", "forum.publish", "forum.correction", "forum.approve", "forum.publish"]);
  });

  it("cannot be started twice while a draft is open", async () => {
    const forum = await db.selectFrom("forums").select("id").where("title", "=", SEEDED_TITLE).executeTakeFirstOrThrow();
    expect((await startCorrection(db, forum.id, null, "lagi")).ok).toBe(true);
    expect(await startCorrection(db, forum.id, null, "dan lagi")).toEqual({ ok: false, reason: "notPublished" });
  });
});

describe("hidden inputs", () => {
  it("never reach the public page, even after publication, and pending ones never either", async () => {
    const forum = await db.selectFrom("forums").select("id").where("title", "=", SEEDED_TITLE).executeTakeFirstOrThrow();
    const snapshot = (await publishedSnapshot(db, forum.id))!;
    const cited = snapshot.themes[0]!.items[0]!;
    const item = (await itemsOf(db, forum.id)).find((row) => row.number === cited.number)!;
    await hideItem(db, forum.id, item.id, "Memuat data pribadi", new Date());
    expect(await withdrawnNumbers(db, forum.id)).toContain(cited.number);

    const { loader } = await import("~/routes/forum.$forumId");
    const page = (await loader({ request: new Request(`http://x/forum/${forum.id}`), params: { forumId: String(forum.id) }, context: {} })) as {
      record: { themes: { items: { number: number; body: string }[] }[] };
    };
    const shown = page.record.themes.flatMap((theme) => theme.items.map((i) => i.number));
    expect(shown).not.toContain(cited.number);
    const old = (await loader({ request: new Request(`http://x/forum/${forum.id}?versi=1`), params: { forumId: String(forum.id) }, context: {} })) as typeof page;
    expect(old.record.themes.flatMap((theme) => theme.items.map((i) => i.number))).not.toContain(cited.number);
  });

  it("a public submission waits for moderation and a merged duplicate leaves its theme", async () => {
    const forumId = await newForum(dukcapil.id);
    const result = await submitPublicInput(db, { forumId, body: "Loket kurang", name: "Ani", group: null, showName: false, clientAddress: "198.51.100.1", now: new Date() });
    expect(result.ok).toBe(true);
    const [pending] = await itemsOf(db, forumId);
    expect(pending?.moderation).toBe("pending");
    await addItems(db, { forumId, actorUserId: null, texts: ["Antrean KTP lama sekali", "Antrean KTP lama sekali!"], source: "spoken", group: null });
    expect(await mergeItems(db, forumId, 2, [3])).toEqual({ ok: true });
    const merged = (await itemsOf(db, forumId)).find((row) => row.number === 3)!;
    expect(merged.mergedIntoNumber).toBe(2);
    expect(merged.themeId).toBeNull();
  });

  it("public input is limited per address hash per hour", async () => {
    const forumId = await newForum(dukcapil.id);
    const at = new Date("2026-11-23T03:10:00Z");
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await submitPublicInput(db, { forumId, body: `masukan ${i}`, name: null, group: null, showName: false, clientAddress: "198.51.100.2", now: at }));
    expect(results.map((r) => r.ok)).toEqual([true, true, true, true, true, false]);
    expect((await itemsOf(db, forumId)).length).toBe(5);
  });
});

describe("pasting inputs", () => {
  it("refuses more than 2,000 at once and saves nothing", async () => {
    const forumId = await newForum(dukcapil.id);
    const texts = Array.from({ length: 2_001 }, (_, i) => `masukan ${i}`);
    expect(await addItems(db, { forumId, actorUserId: null, texts, source: "written", group: null })).toEqual({ ok: false, reason: "tooMany" });
    expect(await itemsOf(db, forumId)).toHaveLength(0);
  });

  it("saves all or none when one line fails in the database", async () => {
    const forumId = await newForum(dukcapil.id);
    const texts = [...Array.from({ length: 700 }, (_, i) => `masukan ${i}`), "x".repeat(2_001)];
    await expect(addItems(db, { forumId, actorUserId: null, texts, source: "written", group: null })).rejects.toThrow();
    expect(await itemsOf(db, forumId)).toHaveLength(0);
  });

  it("through the page: a 5,000-line paste is refused with the limit and nothing is saved; 2,000 lines are saved", async () => {
    const forumId = await newForum(dukcapil.id);
    const cookie = await sessionFor("moderator");
    const { action } = await import("~/routes/staf.forum.$forumId.masukan");
    const post = (text: string) => {
      const body = new URLSearchParams({ intent: "paste", text, source: "written", group: "" });
      return action({ request: new Request(`http://x/staf/forum/${forumId}/masukan`, { method: "POST", body, headers: { Cookie: cookie } }), params: { forumId: String(forumId) }, context: {} });
    };
    const refused = await post(Array.from({ length: 5_000 }, (_, i) => `- masukan nomor ${i}`).join("\n"));
    expect(refused.errors).toEqual({ text: "forums.errors.tooManyLines" });
    expect(refused.params).toEqual({ lines: 5_000, limit: 2_000 });
    expect(await itemsOf(db, forumId)).toHaveLength(0);
    const saved = await post(Array.from({ length: 2_000 }, (_, i) => `masukan nomor ${i}`).join("\n"));
    expect(saved.added).toBe(2_000);
    expect((await itemsOf(db, forumId)).map((item) => item.number).slice(-1)).toEqual([2_000]);
  });
});

describe("scope", () => {
  it("a moderator of another government gets 404 for a Pariaman forum's pages and actions", async () => {
    const sorongRoot = await db
      .selectFrom("units")
      .innerJoin("agencies", "agencies.id", "units.agency_id")
      .select("units.id")
      .where("agencies.slug", "=", "kota-sorong")
      .where("units.parent_id", "is", null)
      .executeTakeFirstOrThrow();
    const user = await db
      .insertInto("users")
      .values({ username: "moderator.sorong", display_name: "Moderator Sorong", password_hash: "x" })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db.insertInto("user_roles").values({ user_id: user.id, role: "moderator", unit_id: sorongRoot.id }).execute();
    const cookie = await sessionFor("moderator.sorong");
    const forumId = await newForum(dukcapil.id);
    const headers = { Cookie: cookie };
    const status = async (run: () => Promise<unknown>) => {
      try {
        await run();
        return 200;
      } catch (thrown) {
        return thrown instanceof Response ? thrown.status : 500;
      }
    };
    const overview = await import("~/routes/staf.forum.$forumId._index");
    const items = await import("~/routes/staf.forum.$forumId.masukan");
    const record = await import("~/routes/staf.forum.$forumId.berita-acara");
    const params = { forumId: String(forumId) };
    expect(await status(() => overview.loader({ request: new Request(`http://x/staf/forum/${forumId}`, { headers }), params, context: {} }))).toBe(404);
    const paste = new URLSearchParams({ intent: "paste", text: "masukan", source: "spoken", group: "" });
    expect(await status(() => items.action({ request: new Request(`http://x/staf/forum/${forumId}/masukan`, { method: "POST", body: paste, headers }), params, context: {} }))).toBe(404);
    const publish = new URLSearchParams({ intent: "publish" });
    expect(await status(() => record.action({ request: new Request(`http://x/staf/forum/${forumId}/berita-acara`, { method: "POST", body: publish, headers }), params, context: {} }))).toBe(404);
    expect(await itemsOf(db, forumId)).toHaveLength(0);

    // The Pariaman moderator reaches the same page.
    const own = await sessionFor("moderator");
    expect(await status(() => overview.loader({ request: new Request(`http://x/staf/forum/${forumId}`, { headers: { Cookie: own } }), params, context: {} }))).toBe(200);
  });

  it("only the responsible unit's head marks an action done, and only with evidence", async () => {
    const forum = await db.selectFrom("forums").select("id").where("title", "=", SEEDED_TITLE).executeTakeFirstOrThrow();
    const action = await db.selectFrom("forum_actions").select(["id", "status"]).where("forum_id", "=", forum.id).orderBy("id").executeTakeFirstOrThrow();
    const { action: update } = await import("~/routes/staf.forum.tindak-lanjut");
    const body = (evidence: string) => new URLSearchParams({ actionId: String(action.id), status: "done", note: "Antrean daring sudah berjalan.", evidence });
    const call = async (username: string, evidence: string) => {
      try {
        const result = (await update({ request: new Request("http://x/staf/forum/tindak-lanjut", { method: "POST", body: body(evidence), headers: { Cookie: await sessionFor(username) } }), params: {}, context: {} })) as unknown as {
          data: { saved: boolean; errors: Record<string, string> };
          init: { status?: number } | null;
        };
        return { status: result.init?.status ?? 200, ...result.data };
      } catch (thrown) {
        return thrown instanceof Response ? thrown.status : thrown;
      }
    };
    const statusNow = async () => (await db.selectFrom("forum_actions").select("status").where("id", "=", action.id).executeTakeFirstOrThrow()).status;
    expect(await call("supervisor.sorong", "https://contoh.go.id")).toBe(404);
    // The moderator of the whole government follows the action but does not mark another unit's work done.
    expect(await call("moderator", "https://contoh.go.id")).toMatchObject({ status: 403, saved: false, errors: { _form: "forums.errors.notYourUnit" } });
    expect(await call("supervisor", "")).toMatchObject({ status: 400, saved: false, errors: { evidence: "forums.errors.evidenceRequired" } });
    expect(await statusNow()).toBe(action.status);
    expect(await call("supervisor", "https://disdukcapil.pariamankota.go.id/antrean-daring")).toMatchObject({ status: 200, saved: true });
    expect(await statusNow()).toBe("done");
    const updates = await db.selectFrom("forum_action_updates").select(["evidence"]).where("action_id", "=", action.id).orderBy("id", "desc").executeTakeFirstOrThrow();
    expect(updates.evidence).toBe("https://disdukcapil.pariamankota.go.id/antrean-daring");
  });
});

describe("forumActionsForElement", () => {
  it("lists a unit's published actions for one SKM element, with lateness", async () => {
    const forumId = await newForum(dukcapil.id);
    void forumId;
    const u9 = await forumActionsForElement(db, dukcapil.id, "U9", new Date("2026-11-24T03:00:00Z"));
    expect(u9.map((a) => a.description)).toContain("Memperbaiki kipas angin dan menambah kursi ruang tunggu.");
    expect(u9.find((a) => a.description.startsWith("Memperbaiki"))?.late).toBe(true);
    const action = await db.selectFrom("forum_actions").select("id").where("element", "=", "U9").executeTakeFirstOrThrow();
    await updateAction(db, { actionId: action.id, actorUserId: null, status: "done", note: "Kursi sudah datang.", now: new Date() });
    const after = await forumActionsForElement(db, dukcapil.id, "U9", new Date("2026-11-24T03:00:00Z"));
    expect(after.find((a) => a.id === action.id)).toMatchObject({ status: "done", late: false, lastNote: "Kursi sudah datang." });
    expect(await forumActionsForElement(db, dukcapil.id, "U7")).toEqual([]);
  });
});

describe("the published record leaves no input out", () => {
  it("refuses a summary that leaves a theme input uncited, lists unthemed inputs under masukan lain, and keeps the progress at publication", async () => {
    const forumId = await newForum(dukcapil.id);
    await saveAttendance(db, forumId, [{ group: "service_users", count: 8, names: [] }]);
    await addItems(db, { forumId, actorUserId: null, texts: ["Antrean KTP lama sekali", "Antrean KTP-el lama, nunggu berjam-jam"], source: "spoken", group: null });
    await proposeForumThemes(db, forumId);
    await setThemeAccepted(db, forumId, "all", true);
    const [theme] = await themesOf(db, forumId);
    // One citation is not enough: every input of the theme is cited.
    expect(await saveSummary(db, forumId, theme!.id, "Antrean lama (#1).")).toEqual({ kind: "missing", numbers: [2] });
    expect((await themesOf(db, forumId))[0]!.summary).toBe("");
    expect(await saveSummary(db, forumId, theme!.id, "Antrean lama (#1, #2).")).toEqual({ kind: "ok", numbers: [1, 2] });
    // An input entered after the themes were proposed belongs to no theme.
    await addItems(db, { forumId, actorUserId: null, texts: ["Parkiran motor di depan kantor sempit"], source: "written", group: null });
    await saveRecordText(db, forumId, { agreements: "Loket ditambah.", dissent: "" });
    await addAction(db, { forumId, themeId: theme!.id, description: "Tambah loket", responsibleUnitId: dukcapil.id, responsibleOfficer: null, dueOn: "2026-12-31", element: "U3" });
    await recordApproval(db, { forumId, actorUserId: null, approvedOn: "2026-12-02", communityRepName: null, communitySignedOn: null, now: new Date() });
    expect(await publishRecord(db, forumId, null, new Date())).toEqual({ ok: true, version: 1 });

    const snapshot = (await publishedSnapshot(db, forumId))!;
    expect(snapshot.otherItems?.map((item) => item.body)).toEqual(["Parkiran motor di depan kantor sempit"]);
    expect(snapshot.actions[0]).toMatchObject({ statusAtPublication: "planned" });

    const action = await db.selectFrom("forum_actions").select("id").where("forum_id", "=", forumId).executeTakeFirstOrThrow();
    await updateAction(db, { actionId: action.id, actorUserId: null, status: "in_progress", note: "Meja loket sudah dipesan.", now: new Date() });
    const { loader } = await import("~/routes/forum.$forumId");
    const page = (await loader({ request: new Request(`http://x/forum/${forumId}`), params: { forumId: String(forumId) }, context: {} })) as {
      record: { otherItems: { number: number }[]; actions: { status: string; statusAtPublication?: string }[] };
    };
    expect(page.record.otherItems.map((item) => item.number)).toEqual([3]);
    expect(page.record.actions[0]).toMatchObject({ status: "in_progress", statusAtPublication: "planned" });
  });

  it("accepts a summary leaving out an input only when the moderator marked it not reflected, and publishes the reason", async () => {
    const forumId = await newForum(dukcapil.id);
    await saveAttendance(db, forumId, [{ group: "service_users", count: 5, names: [] }]);
    await addItems(db, { forumId, actorUserId: null, texts: ["Antrean KTP lama sekali", "Antrean KTP-el lama, nunggu berjam-jam"], source: "spoken", group: null });
    await proposeForumThemes(db, forumId);
    await setThemeAccepted(db, forumId, "all", true);
    const [theme] = await themesOf(db, forumId);
    expect(await saveSummary(db, forumId, theme!.id, "Antrean lama (#1).")).toEqual({ kind: "missing", numbers: [2] });
    expect(await markNotReflected(db, forumId, theme!.id, 9, "Tidak ada")).toEqual({ ok: false, reason: "notInTheme" });
    expect(await markNotReflected(db, forumId, theme!.id, 2, "Sama dengan #1, disampaikan orang yang sama.")).toEqual({ ok: true });
    expect(await saveSummary(db, forumId, theme!.id, "Antrean lama (#1).")).toEqual({ kind: "ok", numbers: [1] });
    // A cited input is reflected: it cannot be marked.
    expect(await markNotReflected(db, forumId, theme!.id, 1, "x")).toEqual({ ok: false, reason: "cited" });
    await saveRecordText(db, forumId, { agreements: "Loket ditambah.", dissent: "" });
    await addAction(db, { forumId, themeId: theme!.id, description: "Tambah loket", responsibleUnitId: dukcapil.id, responsibleOfficer: null, dueOn: "2026-12-31", element: "U3" });
    await recordApproval(db, { forumId, actorUserId: null, approvedOn: "2026-12-02", communityRepName: null, communitySignedOn: null, now: new Date() });
    expect(await publishRecord(db, forumId, null, new Date())).toEqual({ ok: true, version: 1 });
    const snapshot = (await publishedSnapshot(db, forumId))!;
    expect(snapshot.themes[0]!.items.map((item) => [item.number, item.notReflectedReason])).toEqual([
      [1, null],
      [2, "Sama dengan #1, disampaikan orang yang sama."],
    ]);
  });

  it("names the theme whose summary no longer cites an input moved into it, and publishing waits", async () => {
    const forumId = await newForum(dukcapil.id);
    await addItems(db, { forumId, actorUserId: null, texts: ["Antrean KTP lama sekali", "Antrean KTP-el lama, nunggu berjam-jam"], source: "spoken", group: null });
    await proposeForumThemes(db, forumId);
    const [theme] = await themesOf(db, forumId);
    await saveSummary(db, forumId, theme!.id, "Antrean lama (#1, #2).");
    await setThemeAccepted(db, forumId, "all", true);
    await addItems(db, { forumId, actorUserId: null, texts: ["Antrean KTP dari pagi sampai siang"], source: "spoken", group: null });
    const third = (await itemsOf(db, forumId)).find((item) => item.number === 3)!;
    await db.updateTable("forum_items").set({ theme_id: theme!.id }).where("id", "=", third.id).execute();
    const { draftGaps } = await import("~/data/forums/records.server");
    expect(await draftGaps(db, forumId)).toContainEqual({ kind: "summaryIncomplete", label: theme!.label, numbers: [3] });
  });
});
