import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { closeDatabase } from "~/platform/db.server";
import { POSTER_MARGIN_MM } from "~/exports/pdf/qr-posters-pdf.server";
import { freshDemoDatabase } from "./database";
import { formPost, staffCookie } from "./staff-request";

// The QR posters of many counters as one PDF, read back with poppler's pdfinfo and pdftotext: one A4 page per
// counter, its short address and the promise of anonymity on it, and nothing outside the printable margins.
describe("QR posters of many counters", async () => {
  const { db, url } = await freshDemoDatabase();
  process.env.DATABASE_URL = url;
  afterAll(closeDatabase);
  const pdfRoute = await import("~/routes/staf.organisasi.$unitId.poster[.pdf]");
  const listRoute = await import("~/routes/staf.organisasi.$unitId.loket._index");

  const root = await db
    .selectFrom("units")
    .innerJoin("agencies", "agencies.id", "units.agency_id")
    .select(["units.id", "units.agency_id"])
    .where("agencies.slug", "=", "kota-pariaman")
    .where("units.parent_id", "is", null)
    .executeTakeFirstOrThrow();
  const unit = await db.selectFrom("units").select("id").where("agency_id", "=", root.agency_id).where("name", "=", "Dinas Kependudukan dan Pencatatan Sipil").executeTakeFirstOrThrow();
  const cookie = await staffCookie(db, "admin");
  // A counter whose names run long, as real ones do, to see that they stay in their boxes.
  await db.updateTable("units").set({ name: "Dinas Kependudukan dan Pencatatan Sipil Kabupaten dengan Nama yang Sangat Panjang Sekali untuk Diuji di Poster" }).where("id", "=", unit.id).execute();
  const long = await db
    .insertInto("counters")
    .values({ unit_id: unit.id, name: "Loket Pelayanan Terpadu Satu Pintu Administrasi Kependudukan, Akta Kelahiran, Kematian dan Perkawinan Lantai Dua", public_code: "panjang1" })
    .returning(["id", "public_code"])
    .executeTakeFirstOrThrow();
  const demo = await db.selectFrom("counters").select(["id", "public_code"]).where("unit_id", "=", unit.id).where("retired_at", "is", null).where("id", "!=", long.id).orderBy("id").limit(2).execute();
  const chosen = [...demo, long];

  const get = (route: { loader: (args: never) => unknown }, pathname: string, search: URLSearchParams) =>
    Promise.resolve(
      (route.loader as (args: { request: Request; params: Record<string, string>; context: object }) => unknown)({
        request: new Request(`http://portal.test${pathname}?${search.toString()}`, { headers: { Cookie: cookie } }),
        params: { unitId: String(root.id) },
        context: {},
      }),
    ).catch((thrown: unknown) => thrown);

  it("prints one A4 page per counter with its short address and the anonymity line, all inside the margins and none over another", async () => {
    const answer = (await get(pdfRoute, `/staf/organisasi/${root.id}/poster.pdf`, new URLSearchParams(chosen.map((counter) => ["loket", String(counter.id)])))) as Response;
    expect(answer.status).toBe(200);
    expect(answer.headers.get("Content-Type")).toBe("application/pdf");
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "posters-")), "posters.pdf");
    writeFileSync(file, Buffer.from(await answer.arrayBuffer()));

    const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
    expect(info).toMatch(/^Pages:\s+3$/m);
    expect(info).toMatch(/^Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)$/m);

    const pages = execFileSync("pdftotext", ["-bbox", file, "-"], { encoding: "utf8" }).split("<page ").slice(1);
    expect(pages).toHaveLength(3);
    const margin = (POSTER_MARGIN_MM * 72) / 25.4 - 0.5;
    const codes = new Set<string>();
    for (const page of pages) {
      const [, width, height] = /^width="([\d.]+)" height="([\d.]+)"/.exec(page)!;
      const words = [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)];
      expect(words.length).toBeGreaterThan(20);
      for (const [, xMin, yMin, xMax, yMax, word] of words) {
        expect({ word, inside: Number(xMin) >= margin && Number(yMin) >= margin && Number(xMax) <= Number(width) - margin && Number(yMax) <= Number(height) - margin }).toEqual({ word, inside: true });
      }
      // No line runs into another: a long name wrapping onto the next text would make two words overlap.
      const boxes = words.map(([, xMin, yMin, xMax, yMax, word]) => ({ word, x0: Number(xMin), y0: Number(yMin), x1: Number(xMax), y1: Number(yMax) }));
      const overlapping = boxes.flatMap((a, i) => boxes.slice(i + 1).filter((b) => Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 0.5 && Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) > 0.5).map((b) => `${a.word} / ${b.word}`));
      expect(overlapping).toEqual([]);
      const text = words.map((match) => match[5]).join(" ");
      expect(text).toContain("Penilaian Anda anonim: tanpa nama, nomor HP, atau NIK.");
      const code = /portal\.test\/l\/([a-z0-9]+)/.exec(text)?.[1];
      if (code) codes.add(code);
    }
    expect([...codes].sort()).toEqual(chosen.map((counter) => counter.public_code).sort());
  });

  it("asks before reopening a retired counter, then reopens it with its old code", async () => {
    const counterRoute = await import("~/routes/staf.organisasi.$unitId.loket.$counterId");
    await db.updateTable("counters").set({ retired_at: new Date() }).where("id", "=", long.id).execute();
    const post = (fields: Record<string, string>) =>
      Promise.resolve(counterRoute.action({ request: formPost(`/staf/organisasi/${root.id}/loket/${long.id}`, cookie, fields), params: { unitId: String(root.id), counterId: String(long.id) }, context: {} })).catch((thrown: unknown) => thrown);
    const asked = await post({ intent: "reopen" });
    expect(asked).toMatchObject({ confirm: { intent: "reopen" } });
    expect((await db.selectFrom("counters").select("retired_at").where("id", "=", long.id).executeTakeFirstOrThrow()).retired_at).not.toBeNull();
    const done = (await post({ intent: "reopen", confirmed: "yes" })) as Response;
    expect(done.status).toBe(302);
    expect(done.headers.get("Location")).toBe(`/staf/organisasi/${root.id}/loket/${long.id}?dibuka=1`);
    expect(await db.selectFrom("counters").select(["retired_at", "public_code"]).where("id", "=", long.id).executeTakeFirstOrThrow()).toEqual({ retired_at: null, public_code: "panjang1" });
  });

  it("answers an empty choice on the counters' page with 400 and the error above the ticks, and a choice with the PDF", async () => {
    const empty = (await get(listRoute, `/staf/organisasi/${root.id}/loket`, new URLSearchParams({ cetak: "poster", q: "Loket" }))) as { init: { status: number }; data: { error: string; query: string; chosen: number[] } };
    expect(empty.init.status).toBe(400);
    expect(empty.data).toMatchObject({ error: "orgAdmin.counters.noneChosen", query: "Loket", chosen: [] });
    const some = (await get(listRoute, `/staf/organisasi/${root.id}/loket`, new URLSearchParams([["cetak", "poster"], ["loket", String(long.id)]]))) as Response;
    expect(some.status).toBe(302);
    expect(some.headers.get("Location")).toBe(`/staf/organisasi/${root.id}/poster.pdf?loket=${long.id}`);
  });
});
