import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { submitComplaint } from "~/data/complaints/intake.server";
import { closeDatabase } from "~/platform/db.server";
import { freshDemoDatabase } from "./database";
import { staffCookie } from "./staff-request";

process.env.DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "suara-uploaded-files-"));

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
// A PDF that carries a script: opened inside the portal it could run in the portal's origin.
const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj << /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj\n%%EOF");

// A complaint's attachments are served like SKP evidence: sandboxed, never cached, a PDF downloaded, not opened.
describe("a complaint attachment as the handler downloads it", async () => {
  const { db, url } = await freshDemoDatabase();
  process.env.DATABASE_URL = url;
  afterAll(closeDatabase);
  const unit = await db
    .selectFrom("units")
    .innerJoin("agencies", "agencies.id", "units.agency_id")
    .select("units.id")
    .where("agencies.slug", "=", "kota-pariaman")
    .where("units.slug", "=", "dinas-kependudukan-dan-pencatatan-sipil")
    .executeTakeFirstOrThrow();
  const filed = await submitComplaint(
    db,
    { unitId: unit.id, category: "pengaduan", body: "Berkas saya ditolak tanpa alasan.", visitDate: "2030-11-20", visibility: "anonim", attachments: [{ bytes: PDF, originalName: "surat \"penolakan\".pdf" }, { bytes: PNG, originalName: "foto.png" }] },
    new Date("2030-11-25T02:00:00Z"),
  );
  if (!filed.ok) throw new Error("complaint not filed");
  const attachments = await db.selectFrom("complaint_attachments").select(["id", "media_type"]).where("complaint_id", "=", filed.complaintId).orderBy("id").execute();
  const route = await import("~/routes/staf.pengaduan.lampiran.$attachmentId");
  const get = async (username: string, attachmentId: number) => {
    const cookie = await staffCookie(db, username);
    const request = new Request(`http://portal.test/staf/pengaduan/lampiran/${attachmentId}`, { headers: { Cookie: cookie } });
    return route.loader({ request, params: { attachmentId: String(attachmentId) }, context: {} }).catch((thrown: unknown) => thrown as Response);
  };

  it("downloads the PDF as an attachment under a policy that runs nothing", async () => {
    const pdf = attachments.find((a) => a.media_type === "application/pdf")!;
    const answer = await get("pengaduan", pdf.id);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("Content-Type")).toBe("application/pdf");
    expect(answer.headers.get("Content-Disposition")).toBe('attachment; filename="surat penolakan.pdf"');
    expect(answer.headers.get("Content-Security-Policy")).toMatch(/; sandbox$/);
    expect(answer.headers.get("Cache-Control")).toBe("private, no-store");
    expect(new Uint8Array(await answer.arrayBuffer())).toEqual(PDF);
  });

  it("shows the photo in place, sandboxed too", async () => {
    const png = attachments.find((a) => a.media_type === "image/png")!;
    const answer = await get("pengaduan", png.id);
    expect(answer.headers.get("Content-Disposition")).toBe('inline; filename="foto.png"');
    expect(answer.headers.get("Content-Security-Policy")).toMatch(/; sandbox$/);
  });

  it("answers 404 to another government's supervisor and 403 to the officer on duty, who holds neither role", async () => {
    expect((await get("supervisor.sorong", attachments[0]!.id)).status).toBe(404);
    expect((await get("petugas", attachments[0]!.id)).status).toBe(403);
  });
});
