import { beforeAll, describe, expect, it } from "vitest";
import { auditTrail } from "~/data/audit.server";
import { addCounter, agencyCounter, movedCounter, postersOf, regenerateCounterCode, reopenCounter, retireCounter, updateCounter } from "~/data/org-admin/counters.server";
import { addOfficer, agencyOfficer, retireOfficer, updateOfficer } from "~/data/org-admin/officers.server";
import { addService, agencyService, setServiceActive, updateService, type ServiceInput } from "~/data/org-admin/services.server";
import { addUnit, agencyUnit, retireUnit, updateUnit } from "~/data/org-admin/units.server";
import { importOrganisation } from "~/data/org-import.server";
import { findOffices } from "~/data/organisation.server";
import { publicUnitsOfAgency } from "~/data/public-results.server";
import { counterByCode, counterChoices } from "~/data/ratings.server";
import { readImportPath } from "~/exports/org-import-files.server";
import { parseForm } from "~/http/forms";
import { unitFormSchema } from "~/http/org-admin-forms";
import { EXAMPLE_FOLDER } from "../fixtures/org-import";
import { freshDatabase } from "./database";

// The administration pages' commands against a real PostgreSQL, on the example organisation (Kota Teluk Harapan).
const { db } = await freshDatabase();
const NOW = new Date("2026-12-04T03:00:00Z"); // Friday 10:00 WIB
const ACTOR = null as unknown as number; // commands audit an actor; no user exists in this database
let agencyId = 0;
let otherAgencyId = 0;

async function unitId(code: string, agency = agencyId) {
  return (await db.selectFrom("units").select("id").where("agency_id", "=", agency).where("code", "=", code).executeTakeFirstOrThrow()).id;
}
async function officerId(nip: string) {
  return (await db.selectFrom("officers").select("id").where("nip", "=", nip).executeTakeFirstOrThrow()).id;
}
async function pathOf(id: number) {
  return (await db.selectFrom("units").select("path").where("id", "=", id).executeTakeFirstOrThrow()).path;
}

beforeAll(async () => {
  const read = await readImportPath(EXAMPLE_FOLDER);
  if (!read.ok) throw new Error(read.reason);
  for (const slug of ["kota-teluk-harapan", "kota-lain"]) {
    const files = slug === "kota-lain" ? { unit: read.files.unit } : read.files;
    const outcome = await importOrganisation(db, { agency: { slug, name: `Pemerintah ${slug}`, zone: "Asia/Jakarta" }, files, retireMissing: false, dryRun: false, actorUserId: null, source: "test", now: NOW });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome));
    if (slug === "kota-lain") otherAgencyId = outcome.agencyId;
    else agencyId = outcome.agencyId;
  }
});

describe("units", () => {
  it("finds a unit in the office search by the other names its administrator gave it, and keeps them on a later edit", async () => {
    const id = await unitId("DUKCAPIL");
    const unit = (await agencyUnit(db, agencyId, id))!;
    const found = async (query: string) => (await findOffices(db, query)).some((office) => office.id === id);
    expect(await found("Gedung Layanan Terpadu Teluk")).toBe(false);
    const form = new FormData();
    for (const [key, value] of Object.entries({ code: unit.code!, name: unit.name, kind: unit.kind, address: unit.address ?? "", parentId: String(unit.parentId), searchNames: " Gedung Layanan Terpadu Teluk ;  capil teluk, Capil Teluk " })) form.set(key, value);
    const parsed = parseForm(unitFormSchema, form);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.data.searchNames).toBe("Gedung Layanan Terpadu Teluk, capil teluk");
    expect((await updateUnit(db, ACTOR, agencyId, id, parsed.data)).ok).toBe(true);
    expect(await found("gedung terpadu")).toBe(true);
    expect(await found("Capil Teluk")).toBe(true);
    const [entry] = (await auditTrail(db, "unit", id)).slice(-1);
    expect(entry).toMatchObject({ action: "unit.edit" });
    // An edit that does not name them (the import, say) leaves them; a too-long name is refused beside the field.
    expect((await updateUnit(db, ACTOR, agencyId, id, { code: unit.code!, name: unit.name, kind: unit.kind, address: unit.address, parentId: unit.parentId! })).ok).toBe(true);
    expect((await agencyUnit(db, agencyId, id))?.searchNames).toBe("Gedung Layanan Terpadu Teluk, capil teluk");
    form.set("searchNames", `Gedung, ${"x".repeat(81)}`);
    expect(parseForm(unitFormSchema, form)).toMatchObject({ ok: false, errors: { searchNames: "orgAdmin.errors.searchNames_tooLong" } });
  });

  it("adds a unit under a parent, with its path and a public address from its name", async () => {
    const outcome = await addUnit(db, ACTOR, agencyId, { code: "DPMPTSP", name: "Dinas Penanaman Modal dan PTSP", kind: "dinas", address: null, parentId: await unitId("SETDA") });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome));
    const unit = await agencyUnit(db, agencyId, outcome.id);
    expect(unit?.path).toBe(`${await pathOf(await unitId("SETDA"))}${outcome.id}/`);
    expect(unit?.slug).toBe("dinas-penanaman-modal-dan-ptsp");
    expect((await auditTrail(db, "unit", outcome.id)).map((entry) => entry.action)).toEqual(["unit.add"]);
  });

  it("refuses a code the agency already uses, whatever its case, and writes nothing", async () => {
    const before = await db.selectFrom("units").select(db.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    const outcome = await addUnit(db, ACTOR, agencyId, { code: "dukcapil", name: "Lain", kind: "dinas", address: null, parentId: await unitId("SETDA") });
    expect(outcome).toEqual({ ok: false, errors: { code: "orgAdmin.errors.codeTaken" } });
    expect(await db.selectFrom("units").select(db.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).toEqual(before);
  });

  it("refuses a parent of another agency", async () => {
    const outcome = await addUnit(db, ACTOR, agencyId, { code: "X1", name: "X", kind: "dinas", address: null, parentId: await unitId("SETDA", otherAgencyId) });
    expect(outcome).toEqual({ ok: false, errors: { parentId: "form.notInList" } });
  });

  it("moves a unit with its whole subtree, so every path below follows", async () => {
    const dinkes = await unitId("DINKES");
    const puskesmas = await unitId("PKM-PANTAI");
    const kecamatan = await unitId("KEC-TIMUR");
    const outcome = await updateUnit(db, ACTOR, agencyId, dinkes, { code: "DINKES", name: "Dinas Kesehatan", kind: "dinas", address: null, parentId: kecamatan });
    expect(outcome.ok).toBe(true);
    expect(await pathOf(dinkes)).toBe(`${await pathOf(kecamatan)}${dinkes}/`);
    expect(await pathOf(puskesmas)).toBe(`${await pathOf(kecamatan)}${dinkes}/${puskesmas}/`);
    expect((await auditTrail(db, "unit", dinkes)).at(-1)?.action).toBe("unit.move");
    // and back, under the top unit
    await updateUnit(db, ACTOR, agencyId, dinkes, { code: "DINKES", name: "Dinas Kesehatan", kind: "dinas", address: null, parentId: await unitId("SETDA") });
    expect(await pathOf(puskesmas)).toBe(`${await pathOf(await unitId("SETDA"))}${dinkes}/${puskesmas}/`);
  });

  it("refuses to move a unit under its own sub-unit, and changes nothing", async () => {
    const dinkes = await unitId("DINKES");
    const before = await pathOf(dinkes);
    const outcome = await updateUnit(db, ACTOR, agencyId, dinkes, { code: "DINKES", name: "Dinas Kesehatan Baru", kind: "dinas", address: null, parentId: await unitId("PKM-PANTAI") });
    expect(outcome).toEqual({ ok: false, errors: { parentId: "orgAdmin.errors.parentCycle" } });
    expect(await pathOf(dinkes)).toBe(before);
    expect((await agencyUnit(db, agencyId, dinkes))?.name).toBe("Dinas Kesehatan");
  });

  it("renames a unit and keeps its public address", async () => {
    const kecamatan = await unitId("KEC-TIMUR");
    const slug = (await agencyUnit(db, agencyId, kecamatan))!.slug;
    await updateUnit(db, ACTOR, agencyId, kecamatan, { code: "KEC-TIMUR", name: "Kecamatan Harapan Timur", kind: "kecamatan", address: "Jl. Baru 1", parentId: await unitId("SETDA") });
    expect(await agencyUnit(db, agencyId, kecamatan)).toMatchObject({ name: "Kecamatan Harapan Timur", slug, address: "Jl. Baru 1" });
  });

  it("refuses to retire a unit whose sub-units still serve", async () => {
    expect(await retireUnit(db, ACTOR, agencyId, await unitId("DINKES"), NOW)).toEqual({ ok: false, errors: { _form: "orgAdmin.errors.retire_activeSubUnits" } });
  });

  it("retires a unit: it leaves the public search and the open-data list, its counters close, its history stays", async () => {
    const kecamatan = await unitId("KEC-TIMUR");
    const counter = await db.selectFrom("counters").select(["id", "public_code"]).where("unit_id", "=", kecamatan).executeTakeFirstOrThrow();
    expect((await findOffices(db, "Harapan Timur")).map((row) => row.id)).toContain(kecamatan);
    expect(await retireUnit(db, ACTOR, agencyId, kecamatan, NOW)).toEqual({ ok: true, id: kecamatan });
    expect((await findOffices(db, "Harapan Timur")).map((row) => row.id)).not.toContain(kecamatan);
    expect((await publicUnitsOfAgency(db, agencyId)).map((row) => row.id)).not.toContain(kecamatan);
    expect(await counterByCode(db, counter.public_code)).toBeUndefined();
    expect(await movedCounter(db, counter.public_code)).toMatchObject({ counterName: "Loket PATEN", newCode: null, unitPage: "/kantor/kota-teluk-harapan" });
    expect(await agencyUnit(db, agencyId, kecamatan)).toMatchObject({ code: "KEC-TIMUR" });
    expect(await addUnit(db, ACTOR, agencyId, { code: "KEL-1", name: "Kelurahan Satu", kind: "kelurahan", address: null, parentId: kecamatan })).toEqual({ ok: false, errors: { parentId: "orgAdmin.errors.retiredParent" } });
  });
});

const standard: ServiceInput = {
  code: "PINDAH",
  name: "Surat Keterangan Pindah",
  requirements: "KK; KTP-el",
  procedure: "Isi formulir F-1.03, verifikasi, cetak.",
  completionDays: 1,
  feeRupiah: 0,
  product: "Surat Keterangan Pindah",
  complaintChannel: "Portal Suara",
  usersPerYear: 3000,
};

describe("services", () => {
  it("adds a service with its published standard and expected users", async () => {
    const outcome = await addService(db, ACTOR, await unitId("DUKCAPIL"), standard);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome));
    expect(await agencyService(db, agencyId, outcome.id)).toMatchObject({ name: "Surat Keterangan Pindah", completionDays: 1, feeRupiah: 0, usersPerYear: 3000, active: true });
  });

  it("refuses a second service of the same name or code in the unit", async () => {
    const dukcapil = await unitId("DUKCAPIL");
    expect(await addService(db, ACTOR, dukcapil, { ...standard, code: "LAIN" })).toEqual({ ok: false, errors: { name: "orgAdmin.errors.nameTaken" } });
    expect(await addService(db, ACTOR, dukcapil, { ...standard, name: "Lain", code: "ktp" })).toEqual({ ok: false, errors: { code: "orgAdmin.errors.codeTaken" } });
  });

  it("edits the standard and audits before and after", async () => {
    const service = await db.selectFrom("services").select("id").where("code", "=", "PINDAH").executeTakeFirstOrThrow();
    await updateService(db, ACTOR, service.id, { ...standard, feeRupiah: 10000, usersPerYear: null });
    expect(await agencyService(db, agencyId, service.id)).toMatchObject({ feeRupiah: 10000, usersPerYear: null });
    const last = (await auditTrail(db, "service", service.id)).at(-1);
    expect(last).toMatchObject({ action: "service.edit", before: expect.objectContaining({ fee_rupiah: 0 }), after: expect.objectContaining({ feeRupiah: 10000 }) });
  });

  it("a retired service leaves the counter's choices", async () => {
    const counter = await db.selectFrom("counters").select("id").where("code", "=", "DKC-2").executeTakeFirstOrThrow();
    const akta = await db.selectFrom("services").select("id").where("code", "=", "AKTA").executeTakeFirstOrThrow();
    expect((await counterChoices(db, counter.id, NOW)).services.map((service) => service.id)).toContain(akta.id);
    await setServiceActive(db, ACTOR, akta.id, false);
    expect((await counterChoices(db, counter.id, NOW)).services.map((service) => service.id)).not.toContain(akta.id);
    await setServiceActive(db, ACTOR, akta.id, true);
  });
});

describe("counters", () => {
  let counterId = 0;
  it("adds a counter offering services of its own unit", async () => {
    const dukcapil = await unitId("DUKCAPIL");
    const ktp = await db.selectFrom("services").select("id").where("code", "=", "KTP").where("unit_id", "=", dukcapil).executeTakeFirstOrThrow();
    const outcome = await addCounter(db, ACTOR, dukcapil, { code: "DKC-3", name: "Loket 3 Pindah Datang", serviceIds: [ktp.id] }, () => "loketbaru3x");
    if (!outcome.ok) throw new Error(JSON.stringify(outcome));
    counterId = outcome.id;
    expect(await agencyCounter(db, agencyId, counterId)).toMatchObject({ publicCode: "loketbaru3x", serviceIds: [ktp.id] });
    expect(await counterByCode(db, "loketbaru3x")).toMatchObject({ name: "Loket 3 Pindah Datang" });
  });

  it("refuses a service of another unit and writes nothing", async () => {
    const umum = await db.selectFrom("services").select("id").where("code", "=", "PU").executeTakeFirstOrThrow();
    expect(await updateCounter(db, ACTOR, counterId, { code: "DKC-3", name: "Loket 3", serviceIds: [umum.id] })).toEqual({ ok: false, errors: { serviceIds: "orgAdmin.errors.serviceOfOtherUnit" } });
    expect((await agencyCounter(db, agencyId, counterId))?.name).toBe("Loket 3 Pindah Datang");
  });

  it("a new public code: the old one opens the moved page, pointing to the new one", async () => {
    const outcome = await regenerateCounterCode(db, ACTOR, counterId, () => "loketbaru3y");
    expect(outcome).toMatchObject({ ok: true, code: "loketbaru3y" });
    expect(await counterByCode(db, "loketbaru3x")).toBeUndefined();
    expect(await movedCounter(db, "loketbaru3x")).toMatchObject({ counterName: "Loket 3 Pindah Datang", newCode: "loketbaru3y" });
    expect(await movedCounter(db, "loketbaru3y")).toBeUndefined(); // the current code still rates
    expect(await movedCounter(db, "neverissued")).toBeUndefined();
    expect((await auditTrail(db, "counter", counterId)).map((entry) => entry.action)).toEqual(["counter.add", "counter.newCode"]);
  });

  it("prints posters only for the agency's active counters", async () => {
    const foreign = await db.selectFrom("counters").innerJoin("units", "units.id", "counters.unit_id").select("counters.id").where("units.agency_id", "=", otherAgencyId).execute();
    const ktpCounter = await db.selectFrom("counters").select("id").where("code", "=", "DKC-1").executeTakeFirstOrThrow();
    const posters = await postersOf(db, agencyId, [counterId, ktpCounter.id, ...foreign.map((row) => row.id), 2147483647]);
    expect(posters.map((poster) => poster.publicCode).sort()).toEqual([(await agencyCounter(db, agencyId, ktpCounter.id))!.publicCode, "loketbaru3y"].sort());
    expect(posters.find((poster) => poster.publicCode === "loketbaru3y")?.services).toEqual(["Penerbitan KTP-el"]);
  });

  it("a retired counter closes: no rating form, its code says it closed, its duty ends", async () => {
    const ktpCounter = await db.selectFrom("counters").select(["id", "public_code"]).where("code", "=", "DKC-1").executeTakeFirstOrThrow();
    expect(await db.selectFrom("duty_patterns").select("id").where("counter_id", "=", ktpCounter.id).where("valid_to", ">=", "2026-12-04").execute()).not.toHaveLength(0);
    await retireCounter(db, ACTOR, ktpCounter.id, NOW);
    expect(await counterByCode(db, ktpCounter.public_code)).toBeUndefined();
    expect(await movedCounter(db, ktpCounter.public_code)).toMatchObject({ newCode: null, unitPage: expect.stringMatching(/^\/kantor\/kota-teluk-harapan\/.+/) });
    expect(await db.selectFrom("duty_patterns").select("id").where("counter_id", "=", ktpCounter.id).where("valid_to", ">=", "2026-12-04").execute()).toHaveLength(0);
    expect(await regenerateCounterCode(db, ACTOR, ktpCounter.id)).toEqual({ ok: false, errors: { _form: "orgAdmin.errors.counterRetired" } });
  });

  it("a retired counter reopens with its code: citizens rate it again and the code no longer says it closed, audited", async () => {
    const ktpCounter = await db.selectFrom("counters").select(["id", "public_code"]).where("code", "=", "DKC-1").executeTakeFirstOrThrow();
    expect(await counterByCode(db, ktpCounter.public_code)).toBeUndefined();
    expect(await reopenCounter(db, ACTOR, ktpCounter.id)).toEqual({ ok: true, id: ktpCounter.id });
    expect(await counterByCode(db, ktpCounter.public_code)).toMatchObject({ id: ktpCounter.id });
    expect(await movedCounter(db, ktpCounter.public_code)).toBeUndefined();
    expect((await agencyCounter(db, agencyId, ktpCounter.id))?.retiredAt).toBeNull();
    const trail = await auditTrail(db, "counter", ktpCounter.id);
    expect(trail.map((entry) => entry.action)).toEqual(expect.arrayContaining(["counter.retire", "counter.reopen"]));
    // Reopening an open counter changes nothing and writes no second entry.
    await reopenCounter(db, ACTOR, ktpCounter.id);
    expect((await auditTrail(db, "counter", ktpCounter.id)).filter((entry) => entry.action === "counter.reopen")).toHaveLength(1);
  });

  it("refuses to reopen a counter or reactivate a service of a retired unit, and changes nothing", async () => {
    const kecamatan = await unitId("KEC-TIMUR");
    const paten = await db.selectFrom("counters").select(["id", "public_code"]).where("unit_id", "=", kecamatan).executeTakeFirstOrThrow();
    expect(await reopenCounter(db, ACTOR, paten.id)).toEqual({ ok: false, errors: { _form: "orgAdmin.errors.unitRetired" } });
    expect(await counterByCode(db, paten.public_code)).toBeUndefined();
    const domisili = await db.selectFrom("services").select("id").where("code", "=", "DOMISILI").where("unit_id", "=", kecamatan).executeTakeFirstOrThrow();
    await setServiceActive(db, ACTOR, domisili.id, false);
    expect(await setServiceActive(db, ACTOR, domisili.id, true)).toEqual({ ok: false, errors: { _form: "orgAdmin.errors.unitRetired" } });
    expect((await db.selectFrom("services").select("active").where("id", "=", domisili.id).executeTakeFirstOrThrow()).active).toBe(false);
    expect((await auditTrail(db, "service", domisili.id)).map((entry) => entry.action)).not.toContain("service.reactivate");
  });
});

describe("officers", () => {
  const sriWahyuni = "197508202000122001";
  const agus = "199003052015031004";
  it("adds an officer with a supervisor and an account awaiting activation", async () => {
    const outcome = await addOfficer(db, ACTOR, agencyId, { nip: "199205102020122001", name: "Dewi Lestari", position: "Operator", rank: "Penata Muda (III/a)", unitId: await unitId("DUKCAPIL"), supervisorId: await officerId(sriWahyuni), email: null });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome));
    const user = await db.selectFrom("users").select(["id", "username", "password_hash"]).where("officer_id", "=", outcome.id).executeTakeFirstOrThrow();
    expect(user).toMatchObject({ username: "199205102020122001", password_hash: null });
    expect(await db.selectFrom("user_roles").select(["role", "unit_id"]).where("user_id", "=", user.id).execute()).toEqual([{ role: "officer", unit_id: await unitId("DUKCAPIL") }]);
  });

  it("refuses a NIP that already exists", async () => {
    expect(await addOfficer(db, ACTOR, agencyId, { nip: agus, name: "X", position: "X", rank: "X", unitId: await unitId("DUKCAPIL"), supervisorId: null, email: null })).toEqual({ ok: false, errors: { nip: "orgAdmin.errors.nipTaken" } });
  });

  it("refuses a supervisor who reports to the officer (through two levels), and changes nothing", async () => {
    const head = await officerId(sriWahyuni);
    const facts = (await agencyOfficer(db, agencyId, head))!;
    const outcome = await updateOfficer(db, ACTOR, agencyId, head, { name: facts.name, position: facts.position, rank: facts.rank, unitId: facts.unitId, supervisorId: await officerId(agus), email: null });
    expect(outcome).toEqual({ ok: false, errors: { supervisorId: "orgAdmin.errors.supervisorCycle" } });
    expect((await agencyOfficer(db, agencyId, head))?.supervisorId).toBe(facts.supervisorId);
  });

  it("moves an officer to another unit: the officer role follows", async () => {
    const id = await officerId(agus);
    const facts = (await agencyOfficer(db, agencyId, id))!;
    const puskesmas = await unitId("PKM-PANTAI");
    expect((await updateOfficer(db, ACTOR, agencyId, id, { ...facts, unitId: puskesmas, email: null })).ok).toBe(true);
    expect(await db.selectFrom("user_roles").select(["role", "unit_id"]).where("user_id", "=", facts.userId!).where("role", "=", "officer").execute()).toEqual([{ role: "officer", unit_id: puskesmas }]);
    expect((await auditTrail(db, "officer", id)).at(-1)?.action).toBe("officer.move");
  });

  it("refuses to retire an officer others report to", async () => {
    expect(await retireOfficer(db, ACTOR, agencyId, await officerId(sriWahyuni), NOW)).toEqual({ ok: false, errors: { _form: "orgAdmin.errors.officer_hasSubordinates" } });
  });

  it("retires an officer: off the roster from today, the account stops, the record stays", async () => {
    const id = await officerId(agus);
    await retireOfficer(db, ACTOR, agencyId, id, NOW);
    const officer = await agencyOfficer(db, agencyId, id);
    expect(officer).toMatchObject({ active: false, nip: agus });
    expect(await db.selectFrom("users").select("active").where("officer_id", "=", id).executeTakeFirstOrThrow()).toEqual({ active: false });
    expect(await db.selectFrom("duty_roster").select("id").where("officer_id", "=", id).where("starts_at", ">=", NOW).execute()).toHaveLength(0);
    expect(await updateOfficer(db, ACTOR, agencyId, id, { ...officer!, email: null })).toEqual({ ok: false, errors: { _form: "orgAdmin.errors.officerRetired" } });
  });

  it("does not find another agency's officer", async () => {
    expect(await agencyOfficer(db, otherAgencyId, await officerId(sriWahyuni))).toBeUndefined();
  });
});
