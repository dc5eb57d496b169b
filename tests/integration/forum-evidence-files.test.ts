import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { MAX_EVIDENCE_BYTES } from "~/domain/skp-evidence";
import { closeDatabase } from "~/platform/db.server";
import { createForum } from "~/data/forums/forums.server";
import { addAction } from "~/data/forums/actions.server";
import { freshDemoDatabase } from "./database";
import { staffCookie } from "./staff-request";

process.env.DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "suara-forum-evidence-"));

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj << /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj\n%%EOF");
// A page named like a photo: refused by its first bytes.
const HTML_AS_PNG = new TextEncoder().encode("<html><script>alert(1)</script></html>");

// A follow-up action's evidence file: attached by the responsible unit with a progress update, stored through the
// portal's file store, served on the public forum page under the one rule for uploaded files.
describe("evidence files of a forum's follow-up action", async () => {
  const { db, url } = await freshDemoDatabase();
  process.env.DATABASE_URL = url;
  afterAll(closeDatabase);
  const forum = await db.selectFrom("forums").select("id").where("title", "=", "Forum Konsultasi Publik Layanan Administrasi Kependudukan 2026").executeTakeFirstOrThrow();
  const action = await db.selectFrom("forum_actions").select(["id", "status"]).where("forum_id", "=", forum.id).orderBy("id").executeTakeFirstOrThrow();
  const route = await import("~/routes/staf.forum.tindak-lanjut");
  const fileRoute = await import("~/routes/forum.$forumId_.bukti.$updateId");

  const post = async (username: string, fields: Record<string, string>, file?: { bytes: Uint8Array<ArrayBuffer>; name: string; type: string }) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append("evidenceFile", file ? new File([file.bytes], file.name, { type: file.type }) : new File([], "", { type: "application/octet-stream" }));
    const request = new Request(`http://portal.test/staf/forum/tindak-lanjut?aksi=${action.id}`, {
      method: "POST",
      body: form,
      headers: { Cookie: await staffCookie(db, username), Origin: "http://portal.test" },
    });
    try {
      const result = (await route.action({ request, params: {}, context: {} })) as unknown as { data: { saved: boolean; errors: Record<string, string> }; init: { status?: number } | null };
      return { status: result.init?.status ?? 200, ...result.data };
    } catch (thrown) {
      return { status: thrown instanceof Response ? thrown.status : 500, saved: false, errors: {} };
    }
  };
  const updateCount = async () => Number((await db.selectFrom("forum_action_updates").select((eb) => eb.fn.countAll().as("n")).where("action_id", "=", action.id).executeTakeFirstOrThrow()).n);
  const storedFiles = () => {
    const folder = path.join(process.env.DATA_DIR!, "evidence", "forum", String(action.id));
    return existsSync(folder) ? readdirSync(folder) : [];
  };
  const getFile = (forumId: number, updateId: number) =>
    fileRoute.loader({ request: new Request(`http://portal.test/forum/${forumId}/bukti/${updateId}`), params: { forumId: String(forumId), updateId: String(updateId) }, context: {} }).catch((thrown: unknown) => thrown as Response);

  it("refuses a file that is not a photo or a PDF beside the field, storing nothing", async () => {
    const before = await updateCount();
    const answer = await post("supervisor", { actionId: String(action.id), status: "in_progress", note: "Sedang dipasang." }, { bytes: HTML_AS_PNG, name: "foto.png", type: "image/png" });
    expect(answer).toMatchObject({ status: 400, saved: false, errors: { evidenceFile: "forums.errors.evidenceFileWrongType" } });
    expect(await updateCount()).toBe(before);
    expect(storedFiles()).toEqual([]);
  });

  it("refuses a file over 5 MB beside the field of the action named in the address, storing nothing", async () => {
    const before = await updateCount();
    const big = new Uint8Array(MAX_EVIDENCE_BYTES + 1);
    big.set(PNG);
    const answer = await post("supervisor", { actionId: String(action.id), status: "done", note: "Selesai." }, { bytes: big, name: "besar.png", type: "image/png" });
    expect(answer).toMatchObject({ status: 413, saved: false, errors: { evidenceFile: "forums.errors.evidenceFileTooLarge" } });
    expect((answer as unknown as { actionId: number }).actionId).toBe(action.id);
    expect(await updateCount()).toBe(before);
    expect(storedFiles()).toEqual([]);
  });

  it("writes no file for a moderator who is not the responsible unit", async () => {
    const answer = await post("moderator", { actionId: String(action.id), status: "done", note: "Selesai." }, { bytes: PNG, name: "foto.png", type: "image/png" });
    expect(answer).toMatchObject({ status: 403, saved: false });
    expect(storedFiles()).toEqual([]);
  });

  it("takes a photo as the evidence of a done action, audits it and serves it publicly, sandboxed", async () => {
    const answer = await post("supervisor", { actionId: String(action.id), status: "done", note: "Antrean daring sudah dibuka.", evidence: "" }, { bytes: PNG, name: "Foto loket (1).png", type: "image/png" });
    expect(answer).toMatchObject({ status: 200, saved: true });
    const row = await db
      .selectFrom("forum_action_updates")
      .select(["id", "status", "evidence", "evidence_file", "evidence_file_name", "evidence_file_type", "evidence_file_bytes"])
      .where("action_id", "=", action.id)
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "done", evidence: null, evidence_file_name: "Foto-loket-1.png", evidence_file_type: "image/png", evidence_file_bytes: PNG.length });
    expect(row.evidence_file).toMatch(new RegExp(`^forum/${action.id}/[0-9a-f]{32}\\.png$`));
    expect(storedFiles()).toHaveLength(1);
    const audit = await db.selectFrom("audit_log").select("after").where("action", "=", "forum.action.update").where("subject_id", "=", String(action.id)).orderBy("id", "desc").executeTakeFirstOrThrow();
    expect(audit.after).toMatchObject({ status: "done", file: { name: "Foto-loket-1.png", type: "image/png", bytes: PNG.length } });

    const served = await getFile(forum.id, row.id);
    expect(served.status).toBe(200);
    expect(served.headers.get("Content-Type")).toBe("image/png");
    expect(served.headers.get("Content-Disposition")).toBe('inline; filename="Foto-loket-1.png"');
    expect(served.headers.get("Content-Security-Policy")).toMatch(/; sandbox$/);
    expect(served.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(PNG);

    // The file is the forum's only: asked for under another forum's address, it is not found.
    const other = await db.selectFrom("forums").select("id").where("id", "<>", forum.id).orderBy("id").executeTakeFirstOrThrow();
    expect((await getFile(other.id, row.id)).status).toBe(404);
  });

  it("downloads a PDF rather than opening it, and shows nothing of a forum not yet published", async () => {
    const answer = await post("supervisor", { actionId: String(action.id), status: "done", note: "Surat keputusan terbit." }, { bytes: PDF, name: "sk.pdf", type: "application/pdf" });
    expect(answer).toMatchObject({ status: 200, saved: true });
    const row = await db.selectFrom("forum_action_updates").select("id").where("action_id", "=", action.id).orderBy("id", "desc").executeTakeFirstOrThrow();
    const served = await getFile(forum.id, row.id);
    expect(served.headers.get("Content-Type")).toBe("application/pdf");
    expect(served.headers.get("Content-Disposition")).toBe('attachment; filename="sk.pdf"');

    // An update of a draft forum's action (written directly, as no page allows it) is not public.
    const unit = await db.selectFrom("forum_actions").select("responsible_unit_id").where("id", "=", action.id).executeTakeFirstOrThrow();
    const draftForum = await createForum(db, { actorUserId: null, unitId: unit.responsible_unit_id, title: "Forum uji bukti", heldOn: "2026-12-01", startTime: null, place: "Aula", agenda: "Dialog", chairName: "Ketua", noteTakerName: "Notulis", serviceIds: [] });
    const added = await addAction(db, { forumId: draftForum, themeId: null, description: "Uji", responsibleUnitId: unit.responsible_unit_id, responsibleOfficer: null, dueOn: "2026-12-31", element: null });
    if (!added.ok) throw new Error("action not added");
    const { updateAction } = await import("~/data/forums/actions.server");
    await updateAction(db, { actionId: added.id, actorUserId: null, status: "in_progress", note: "Mulai.", file: { bytes: PNG, type: "image/png", extension: "png", name: "foto.png" }, now: new Date() });
    const draftUpdate = await db.selectFrom("forum_action_updates").select("id").where("action_id", "=", added.id).executeTakeFirstOrThrow();
    expect((await getFile(draftForum, draftUpdate.id)).status).toBe(404);
  });
});
