import { describe, expect, it } from "vitest";
import { agencySettingsSchema, effectiveLimits } from "./agency-settings";

const DEFAULTS = { perDevice: 3, perIp: 40, kioskMinIntervalSeconds: 8 };
const form = (overrides: Record<string, string> = {}) => ({ name: "Pemerintah Kota Contoh", timeZone: "Asia/Makassar", publicMinSurveys: "30", officerRankingMin: "10", ...overrides });

describe("the limits a rating meets", () => {
  it.each([
    ["no agency row", undefined, DEFAULTS],
    ["nothing set", { perDevice: null, perIp: null, kioskMinIntervalSeconds: null }, DEFAULTS],
    ["a device limit of its own", { perDevice: 1, perIp: null, kioskMinIntervalSeconds: null }, { ...DEFAULTS, perDevice: 1 }],
    ["no pause at its kiosks", { perDevice: null, perIp: 500, kioskMinIntervalSeconds: 0 }, { ...DEFAULTS, perIp: 500, kioskMinIntervalSeconds: 0 }],
  ] as const)("%s", (_label, agency, limits) => expect(effectiveLimits(agency, DEFAULTS)).toEqual(limits));
});

describe("the settings form", () => {
  it("reads empty limits as the portal's default", () => {
    expect(agencySettingsSchema.parse(form({ ratingLimitPerDevice: "", kioskMinIntervalSeconds: "0" }))).toEqual({
      name: "Pemerintah Kota Contoh",
      timeZone: "Asia/Makassar",
      publicMinSurveys: 30,
      officerRankingMin: 10,
      ratingLimitPerDevice: null,
      ratingLimitPerIp: null,
      kioskMinIntervalSeconds: 0,
    });
  });

  it.each([
    ["publicMinSurveys", "0", "agencySettings.errors.range_1_10000"],
    ["publicMinSurveys", "", "form.required"],
    ["publicMinSurveys", "3,5", "agencySettings.errors.whole"],
    ["officerRankingMin", "1001", "agencySettings.errors.range_1_1000"],
    ["ratingLimitPerDevice", "0", "agencySettings.errors.range_1_1000"],
    ["ratingLimitPerIp", "-4", "agencySettings.errors.whole"],
    ["kioskMinIntervalSeconds", "3601", "agencySettings.errors.range_0_3600"],
    ["timeZone", "Europe/Paris", "form.notInList"],
    ["name", "  ", "form.required"],
  ])("%s = %j is refused with %s", (field, value, message) => {
    const result = agencySettingsSchema.safeParse(form({ [field]: value }));
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.issues.find((issue) => issue.path[0] === field)?.message).toBe(message);
  });
});
