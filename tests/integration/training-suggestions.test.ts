import { afterAll, describe, expect, it } from "vitest";
import { closeDatabase } from "~/platform/db.server";
import { staffCookie } from "./staff-request";
import { finaliseAssessment } from "~/data/assessments/commands.server";
import { trainingSuggestionsFor } from "~/data/assessments/development.server";
import { assessmentVersions } from "~/data/assessments/versions.server";
import { freshDemoDatabase } from "./database";
import { demoStaff } from "./demo-staff";

// Training suggestions fire for the demo officer: too few of their own surveys rate U6/U7 for an element of their
// own, but their unit's lowest element gets a topic once the assessment is final (read from the frozen evidence).
describe("training suggestions for the demo officer", async () => {
  const { db, url } = await freshDemoDatabase();
  process.env.DATABASE_URL = url;
  afterAll(closeDatabase);
  const petugas = await demoStaff(db, "petugas");
  const kabid = await demoStaff(db, "kabid.dukcapil");
  const plan = await db.selectFrom("skp_plans").select(["id", "period_end"]).where("officer_id", "=", petugas.officerId!).executeTakeFirstOrThrow();

  it("suggests a topic for the unit's lowest element, on the assessment page", async () => {
    const JUSTIFIED = "Dibahas dalam dialog kinerja akhir periode.";
    const at = new Date(`${plan.period_end}T05:00:00Z`);
    const final = await finaliseAssessment(db, kabid, plan.id, { ratingHasilKerja: "sesuai", ratingPerilaku: "sesuai", justificationHasilKerja: JUSTIFIED, justificationPerilaku: JUSTIFIED }, at);
    expect(final.ok).toBe(true);
    const versions = await assessmentVersions(db, plan.id);
    const latest = versions.at(-1)!;
    const unit = latest.evidence.unitElements;
    expect(unit?.available).toBe(true);
    if (!unit?.available) return;
    // The unit's elements rest on the demo's many ratings; its lowest one is the suggestion.
    expect(unit.value.length).toBe(9);
    const lowest = [...unit.value].sort((a, b) => a.nrr - b.nrr)[0]!;
    const suggestions = trainingSuggestionsFor(latest.evidence);
    expect(suggestions).toContainEqual(expect.objectContaining({ source: "unit", code: lowest.code }));

    // The assessment page offers it to the assessor to accept into the next period.
    const module = await import("~/routes/staf.penilaian.$planId");
    const request = new Request(`http://portal.test/staf/penilaian/${plan.id}`, { headers: { Cookie: await staffCookie(db, "kabid.dukcapil") } });
    const page = (await module.loader({ request, params: { planId: String(plan.id) }, context: {} })) as unknown as { training: { source: string; code: string }[] };
    expect(page.training).toContainEqual(expect.objectContaining({ source: "unit", code: lowest.code }));
  });
});
