import { describe, expect, it } from "vitest";
import { ALL_COLUMNS } from "../../db/schema";
import { freshDatabase } from "./database";

describe("the Database type and the migrated schema", async () => {
  const { db } = await freshDatabase();

  it("have the same tables and columns", async () => {
    const tables = await db.introspection.getTables();
    const live = Object.fromEntries(
      tables
        .filter((table) => table.schema === "public" && !table.name.startsWith("kysely_"))
        .map((table) => [table.name, table.columns.map((column) => column.name).sort()]),
    );
    const declared = Object.fromEntries(
      Object.entries(ALL_COLUMNS).map(([table, columns]) => [table, Object.keys(columns).sort()]),
    );
    expect(live).toEqual(declared);
  });

  it("declare every DATE column, and only those, as DateOnly (read as \"YYYY-MM-DD\" text)", async () => {
    const tables = await db.introspection.getTables();
    const liveDates = tables
      .filter((table) => table.schema === "public" && !table.name.startsWith("kysely_"))
      .flatMap((table) => table.columns.filter((column) => column.dataType === "date").map((column) => `${table.name}.${column.name}`))
      .sort();
    const declaredDates = Object.entries(ALL_COLUMNS)
      .flatMap(([table, columns]) => Object.entries(columns).filter(([, kind]) => kind === "date").map(([column]) => `${table}.${column}`))
      .sort();
    expect(declaredDates).toEqual(liveDates);
    expect(liveDates.length).toBeGreaterThan(10);
  });
});
