import { describe, expect, it } from "vitest";
import { validateNip } from "~/domain/nip";
import { seedDemo } from "../../db/seed/demo";
import { findOffices } from "~/data/organisation.server";
import { freshDemoDatabase } from "./database";

describe("demo data", async () => {
  const { db } = await freshDemoDatabase();

  it("holds five governments with counters, services and officers enough for a believable demo", async () => {
    const count = async (table: "agencies" | "counters" | "officers" | "services") =>
      Number((await db.selectFrom(table).select(db.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
    expect(await count("agencies")).toBe(5);
    expect(await count("counters")).toBeGreaterThanOrEqual(40);
    expect(await count("officers")).toBeGreaterThanOrEqual(200);
    expect(await count("services")).toBeGreaterThanOrEqual(50);
  });

  it("gives every officer a valid NIP and a supervisor chain that ends without a loop", async () => {
    const officers = await db.selectFrom("officers").select(["id", "nip", "supervisor_id"]).execute();
    const today = new Date("2026-11-23T00:00:00Z");
    for (const officer of officers) expect(validateNip(officer.nip, today).ok, officer.nip).toBe(true);
    const supervisorOf = new Map(officers.map((o) => [o.id, o.supervisor_id]));
    for (const officer of officers) {
      const seen = new Set<number>();
      let current: number | null | undefined = officer.id;
      while (current) {
        expect(seen.has(current)).toBe(false);
        seen.add(current);
        current = supervisorOf.get(current);
      }
    }
  });

  it("keeps unit paths consistent with the tree", async () => {
    const units = await db.selectFrom("units").select(["id", "parent_id", "path"]).execute();
    const byId = new Map(units.map((u) => [u.id, u]));
    for (const unit of units) {
      const parentPath = unit.parent_id ? byId.get(unit.parent_id)!.path : "/";
      expect(unit.path).toBe(`${parentPath}${unit.id}/`);
    }
  });

  it("writes nothing more when seeded again", async () => {
    const before = await db.selectFrom("officers").select(db.fn.countAll().as("n")).executeTakeFirstOrThrow();
    expect(await seedDemo(db)).toBe(false);
    const after = await db.selectFrom("officers").select(db.fn.countAll().as("n")).executeTakeFirstOrThrow();
    expect(after.n).toEqual(before.n);
  });

  it("finds an office by city, unit or service words", async () => {
    const byService = await findOffices(db, "ktp-el pariaman");
    expect(byService.map((office) => office.name)).toContain("Dinas Kependudukan dan Pencatatan Sipil");
    expect(byService.every((office) => office.agencyName === "Pemerintah Kota Pariaman")).toBe(true);
    expect(await findOffices(db, "tidak-ada-kantor-seperti-ini")).toEqual([]);
  });

  it.each([
    ["Dukcapil Pariaman", "Dinas Kependudukan dan Pencatatan Sipil", "Pemerintah Kota Pariaman"],
    ["Disdukcapil Sorong", "Dinas Kependudukan dan Pencatatan Sipil", "Pemerintah Kota Sorong"],
    ["capil pariaman", "Dinas Kependudukan dan Pencatatan Sipil", "Pemerintah Kota Pariaman"],
    ["Dinkes Pariaman", "Dinas Kesehatan", "Pemerintah Kota Pariaman"],
  ])("finds an office by the short name people use: %s", async (query, unitName, agencyName) => {
    const found = await findOffices(db, query);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((office) => office.agencyName === agencyName)).toBe(true);
    expect(found.map((office) => office.name)).toContain(unitName);
  });

  it("finds a puskesmas by its place, and every example the home page gives", async () => {
    const puskesmas = (await findOffices(db, "puskesmas")).map((office) => office.name);
    const place = puskesmas[0]!.replace(/^Puskesmas\s+/i, "").split(/\s+/)[0]!;
    expect((await findOffices(db, `puskesmas ${place}`)).map((office) => office.name)).toContain(puskesmas[0]);
    for (const example of ["Dukcapil Pariaman", "puskesmas", "KTP-el"]) expect((await findOffices(db, example)).length, example).toBeGreaterThan(0);
  });
});
