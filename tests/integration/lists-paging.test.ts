import { describe, expect, it } from "vitest";
import { accountsPage } from "~/data/accounts.server";
import { agencyCountersPage } from "~/data/org-admin/counters.server";
import { agencyOfficersPage } from "~/data/org-admin/officers.server";
import { usersWithinPage } from "~/data/users.server";
import { freshDemoDatabase } from "./database";

// The administration lists grow with the agency: the database searches, counts and cuts each page, and a page
// holds exactly the rows the search finds, in a stable order, none twice.
describe("lists paged in the database", async () => {
  const { db } = await freshDemoDatabase();
  const unit = await db
    .selectFrom("units")
    .innerJoin("agencies", "agencies.id", "units.agency_id")
    .select(["units.id", "units.path", "units.agency_id as agencyId"])
    .where("agencies.slug", "=", "kota-pariaman")
    .where("units.name", "=", "Dinas Kependudukan dan Pencatatan Sipil")
    .executeTakeFirstOrThrow();
  const stamp = `Halaman${Date.now().toString(36)}`;
  const many = 57;
  const officers = await db
    .insertInto("officers")
    .values(Array.from({ length: many }, (_, i) => ({ agency_id: unit.agencyId, unit_id: unit.id, nip: `1990010120200${String(i).padStart(5, "0")}`, name: `${stamp} Petugas ${String(i).padStart(2, "0")}`, position: "Pengadministrasi", rank: "III/a" })))
    .returning("id")
    .execute();
  const users = await db
    .insertInto("users")
    .values(officers.map((officer, i) => ({ username: `${stamp.toLowerCase()}.${i}`, officer_id: officer.id, display_name: `${stamp} Pengguna ${String(i).padStart(2, "0")}` })))
    .returning("id")
    .execute();
  await db
    .insertInto("user_roles")
    .values(users.map((user) => ({ user_id: user.id, role: "officer" as const, unit_id: unit.id })))
    .execute();
  await db
    .insertInto("counters")
    .values(Array.from({ length: 104 }, (_, i) => ({ unit_id: unit.id, name: `${stamp} Loket ${String(i).padStart(3, "0")}`, public_code: `${stamp.slice(-6)}${String(i).padStart(3, "0")}`.toLowerCase(), code: `H${i}` })))
    .execute();

  async function everyPage<T extends { id?: number; userId?: number }>(load: (page: number) => Promise<{ rows: T[]; total: number; page: number; pageCount: number; pageSize: number }>) {
    const first = await load(1);
    const seen: T[] = [];
    for (let page = 1; page <= first.pageCount; page += 1) {
      const one = await load(page);
      expect(one.page).toBe(page);
      expect(one.rows.length).toBe(page < first.pageCount ? first.pageSize : first.total - first.pageSize * (first.pageCount - 1));
      seen.push(...one.rows);
    }
    // Past the end shows the last page.
    expect((await load(first.pageCount + 5)).page).toBe(first.pageCount);
    return { first, seen };
  }

  it("officers: search by name or NIP, 50 to a page", async () => {
    const { first, seen } = await everyPage((page) => agencyOfficersPage(db, unit.agencyId, { query: stamp, unitId: null, withRetired: false }, page, 50));
    expect(first.total).toBe(many);
    expect(first.pageCount).toBe(2);
    expect(new Set(seen.map((row) => row.id)).size).toBe(many);
    expect(seen.map((row) => row.name)).toEqual([...seen.map((row) => row.name)].sort());
    const byNip = await agencyOfficersPage(db, unit.agencyId, { query: "1990010120200 00042", unitId: null, withRetired: false }, 1, 50);
    expect(byNip.rows.map((row) => row.name)).toEqual([`${stamp} Petugas 42`]);
  });

  it("counters: search by name, 100 to a page", async () => {
    const { first, seen } = await everyPage((page) => agencyCountersPage(db, unit.agencyId, { query: `${stamp} loket`, unitId: unit.id, withRetired: false }, page, 100));
    expect(first.total).toBe(104);
    expect(seen.at(-1)?.name).toBe(`${stamp} Loket 103`);
    expect(new Set(seen.map((row) => row.id)).size).toBe(104);
  });

  it("accounts: search by name, username or NIP, 50 to a page, with their roles", async () => {
    const { first, seen } = await everyPage((page) => accountsPage(db, [unit.path], { q: stamp, status: null }, page, 50));
    expect(first.total).toBe(many);
    expect(new Set(seen.map((row) => row.userId)).size).toBe(many);
    expect(seen.every((row) => row.status === "awaiting_activation" && row.roles.some((role) => role.role === "officer"))).toBe(true);
    expect((await accountsPage(db, [unit.path], { q: `${stamp.toLowerCase()}.7`, status: null }, 1, 50)).total).toBe(1);
    expect((await accountsPage(db, [unit.path], { q: "1990010120200 00013", status: null }, 1, 50)).rows.map((row) => row.displayName)).toEqual([`${stamp} Pengguna 13`]);
    expect((await accountsPage(db, [unit.path], { q: stamp, status: "active" }, 1, 50)).total).toBe(0);
  });

  it("users and roles: search by name, username or NIP, 50 to a page", async () => {
    const { first, seen } = await everyPage((page) => usersWithinPage(db, [unit.path], stamp, page, 50));
    expect(first.total).toBe(many);
    expect(seen.map((row) => row.displayName)).toEqual(Array.from({ length: many }, (_, i) => `${stamp} Pengguna ${String(i).padStart(2, "0")}`));
    expect((await usersWithinPage(db, [unit.path], `${stamp.toLowerCase()}.3`, 1, 50)).rows.map((row) => row.username)).toEqual([`${stamp.toLowerCase()}.3`, `${stamp.toLowerCase()}.30`, `${stamp.toLowerCase()}.31`, `${stamp.toLowerCase()}.32`, `${stamp.toLowerCase()}.33`, `${stamp.toLowerCase()}.34`, `${stamp.toLowerCase()}.35`, `${stamp.toLowerCase()}.36`, `${stamp.toLowerCase()}.37`, `${stamp.toLowerCase()}.38`, `${stamp.toLowerCase()}.39`].sort((a, b) => Number(a.split(".")[1]) - Number(b.split(".")[1])));
    expect((await usersWithinPage(db, [unit.path], "199001012020000021", 1, 50)).rows.map((row) => row.displayName)).toEqual([`${stamp} Pengguna 21`]);
    // Outside the administrator's paths: nothing.
    expect((await usersWithinPage(db, ["/nowhere/"], stamp, 1, 50)).total).toBe(0);
  });
});
