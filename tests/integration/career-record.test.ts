import { afterAll, describe, expect, it } from "vitest";
import { addDevelopment, decideObjection, finaliseAssessment, respondToAssessment } from "~/data/assessments/commands.server";
import { closeDatabase } from "~/platform/db.server";
import { freshDemoDatabase } from "./database";
import { demoStaff } from "./demo-staff";
import { staffCookie } from "./staff-request";

// The officer's career record across periods: the page's data and its PDF, for the officer and their chain only.
describe("an officer's career record", async () => {
  const { db, url } = await freshDemoDatabase();
  process.env.DATABASE_URL = url;
  afterAll(closeDatabase);
  const petugas = await demoStaff(db, "petugas");
  const kabid = await demoStaff(db, "kabid.dukcapil");
  const head = await demoStaff(db, "supervisor");
  const plan = await db.selectFrom("skp_plans").select(["id", "period_end"]).where("officer_id", "=", petugas.officerId!).executeTakeFirstOrThrow();
  const afterPeriod = new Date(`${plan.period_end}T05:00:00Z`);
  const JUSTIFIED = "Dibahas dalam dialog kinerja akhir periode.";

  const load = async (path: string, username: string) => {
    const module = path.includes(".pdf") ? await import("~/routes/staf.kinerja-saya_.riwayat[.pdf]") : await import("~/routes/staf.kinerja-saya_.riwayat");
    return module
      .loader({ request: new Request(`http://portal.test${path}`, { headers: { Cookie: await staffCookie(db, username) } }), params: {}, context: {} })
      .catch((thrown: unknown) => thrown);
  };

  it("lists each finalised period with its predikat, the objection's outcome, training and commendations", async () => {
    const ratings = { ratingHasilKerja: "sesuai", ratingPerilaku: "sesuai", justificationHasilKerja: JUSTIFIED, justificationPerilaku: JUSTIFIED } as const;
    expect((await finaliseAssessment(db, kabid, plan.id, ratings, afterPeriod)).ok).toBe(true);
    expect((await respondToAssessment(db, petugas, plan.id, { kind: "objected", reason: "Ulasan rekan belum dipertimbangkan." }, afterPeriod)).ok).toBe(true);
    expect((await decideObjection(db, head, plan.id, { outcome: "rejected", reason: "Bukti sudah dipertimbangkan." }, afterPeriod)).ok).toBe(true);
    expect((await addDevelopment(db, kabid, plan.id, { kind: "training", topic: "service_excellence_ethics" }, afterPeriod)).ok).toBe(true);
    expect((await addDevelopment(db, kabid, plan.id, { kind: "commendation", note: "Layanan jemput bola di sekolah." }, afterPeriod)).ok).toBe(true);

    const page = (await load("/staf/kinerja-saya/riwayat", "petugas")) as { record: { periods: unknown[]; trainings: unknown[]; commendations: unknown[] } };
    expect(page.record.periods).toEqual([
      expect.objectContaining({ planId: plan.id, predikat: "baik", ratingHasilKerja: "sesuai", version: 1, objection: "rejected" }),
    ]);
    expect(page.record.trainings).toEqual([expect.objectContaining({ topic: "service_excellence_ethics" })]);
    expect(page.record.commendations).toEqual([expect.objectContaining({ note: "Layanan jemput bola di sekolah." })]);
  });

  it("prints as a PDF with the officer's NIP in its name, for the officer and the supervisors above them", async () => {
    const own = (await load("/staf/kinerja-saya/riwayat.pdf", "petugas")) as Response;
    expect(own.status).toBe(200);
    expect(own.headers.get("Content-Type")).toBe("application/pdf");
    const bytes = Buffer.from(await own.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    expect(bytes.toString("latin1")).toContain("DejaVuSans");
    const nip = (await db.selectFrom("officers").select("nip").where("id", "=", petugas.officerId!).executeTakeFirstOrThrow()).nip;
    expect(own.headers.get("Content-Disposition")).toContain(`riwayat-kinerja-${nip}.pdf`);
    for (const username of ["kabid.dukcapil", "supervisor"]) {
      const chain = (await load(`/staf/kinerja-saya/riwayat.pdf?pegawai=${petugas.officerId}`, username)) as Response;
      expect(chain.status).toBe(200);
    }
  });

  it("answers 404 to a colleague, another government's supervisor and a malformed officer id", async () => {
    for (const [username, query] of [["rekan.petugas", `?pegawai=${petugas.officerId}`], ["supervisor.sorong", `?pegawai=${petugas.officerId}`], ["kabid.dukcapil", "?pegawai=abc"]] as const) {
      expect(((await load(`/staf/kinerja-saya/riwayat${query}`, username)) as Response).status).toBe(404);
      expect(((await load(`/staf/kinerja-saya/riwayat.pdf${query}`, username)) as Response).status).toBe(404);
    }
  });
});
