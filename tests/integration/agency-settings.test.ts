import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { agencySettings, updateAgencySettings } from "~/data/agency-settings.server";
import { verifyAuditLog } from "~/data/audit.server";
import { counterByCode, submitRating } from "~/data/ratings.server";
import { agencySettingsSchema, effectiveLimits } from "~/domain/agency-settings";
import { ratingSubmissionSchema } from "~/domain/ratings/submission";
import { freshDemoDatabase } from "./database";

const NOW = new Date("2026-11-23T03:00:00Z");
const PORTAL = { perDevice: 3, perIp: 40, kioskMinIntervalSeconds: 8 };

describe("an agency's settings", async () => {
  const { db } = await freshDemoDatabase();
  const agency = await db.selectFrom("agencies").select(["id", "name"]).where("slug", "=", "kota-pariaman").executeTakeFirstOrThrow();
  const admin = await db.selectFrom("users").select("id").where("username", "=", "admin").executeTakeFirstOrThrow();
  const form = (overrides: Record<string, string>) =>
    agencySettingsSchema.parse({ name: agency.name, timeZone: "Asia/Jakarta", publicMinSurveys: "30", officerRankingMin: "10", ratingLimitPerDevice: "", ratingLimitPerIp: "", kioskMinIntervalSeconds: "", ...overrides });

  it("saves what changed, audited, and a second save of the same values changes nothing", async () => {
    expect(await updateAgencySettings(db, admin.id, agency.id, form({ publicMinSurveys: "50", ratingLimitPerDevice: "1" }), NOW)).toEqual({ changed: ["publicMinSurveys", "ratingLimitPerDevice"] });
    expect(await updateAgencySettings(db, admin.id, agency.id, form({ publicMinSurveys: "50", ratingLimitPerDevice: "1" }), NOW)).toEqual({ changed: [] });
    expect(await agencySettings(db, agency.id)).toMatchObject({ publicMinSurveys: 50, ratingLimitPerDevice: 1, ratingLimitPerIp: null });
    const entries = await db.selectFrom("audit_log").select(["action", "before", "after"]).where("action", "=", "agency.settings").execute();
    expect(entries).toEqual([{ action: "agency.settings", before: { publicMinSurveys: 30, ratingLimitPerDevice: null }, after: { publicMinSurveys: 50, ratingLimitPerDevice: 1 } }]);
    expect(await verifyAuditLog(db)).toMatchObject({ ok: true });
  });

  it("its own device limit refuses a second rating from one phone at its counters, while another agency keeps the portal's", async () => {
    const codeOf = async (slug: string) =>
      (
        await db
          .selectFrom("counters")
          .innerJoin("units", "units.id", "counters.unit_id")
          .innerJoin("agencies", "agencies.id", "units.agency_id")
          .select("counters.public_code")
          .where("agencies.slug", "=", slug)
          .where("counters.retired_at", "is", null)
          .orderBy("counters.id")
          .executeTakeFirstOrThrow()
      ).public_code;
    const pariaman = (await counterByCode(db, await codeOf("kota-pariaman")))!;
    const other = await db.selectFrom("agencies").select("slug").where("slug", "!=", "kota-pariaman").orderBy("id").executeTakeFirstOrThrow();
    const elsewhere = (await counterByCode(db, await codeOf(other.slug)))!;
    expect(effectiveLimits(pariaman.agencyLimits, PORTAL)).toEqual({ ...PORTAL, perDevice: 1 });
    expect(effectiveLimits(elsewhere.agencyLimits, PORTAL)).toEqual(PORTAL);

    const service = await db.selectFrom("counter_services").select("service_id").where("counter_id", "=", pariaman.id).executeTakeFirstOrThrow();
    const rate = () =>
      submitRating(db, ratingSubmissionSchema.parse({ idempotencyKey: randomUUID(), serviceId: String(service.service_id), officer: "unknown", kind: "quick", quickScore: "4" }), {
        counter: pariaman,
        channel: "qr",
        now: NOW,
        deviceId: "one-phone",
        ip: "10.9.8.7",
        fromStaffSession: false,
        limits: effectiveLimits(pariaman.agencyLimits, PORTAL),
      });
    expect(await rate()).toMatchObject({ ok: true });
    expect(await rate()).toEqual({ ok: false, reason: "over_limit" });
  });
});
