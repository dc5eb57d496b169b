import type { ColumnType } from "kysely";

/**
 * A calendar day as PostgreSQL writes a DATE, "YYYY-MM-DD" (no time, no zone): db/connect.ts keeps DATE values as
 * this text, the form the domain's day arithmetic (app/domain/working-days.ts) and the date inputs use.
 */
export type IsoDate = string;
/** A DATE column: read as "YYYY-MM-DD" text, written as the same text. */
export type DateOnly = ColumnType<IsoDate, string, string>;
export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type Json<T = unknown> = ColumnType<T, string | undefined, string>;
// pg returns int8 as a string; db/connect.ts turns it into a number (safe below 2^53, where counts stay).
export type Int8 = ColumnType<number, number | bigint, number | bigint>;

/** Whether a column's declared type is DateOnly (or DateOnly | null). */
type IsDateOnly<Column> = [NonNullable<Column>] extends [DateOnly] ? ([DateOnly] extends [NonNullable<Column>] ? true : false) : false;

/**
 * For each table, every column name of its interface, exactly (checked by `satisfies`): `"date"` for a DateOnly
 * column, `true` for any other. tests/integration/schema.test.ts checks that the `"date"` columns are exactly the
 * DATE columns of the migrated database, so a DATE column cannot be declared as a Date or as anything else.
 */
export type Columns<Tables> = { [Table in keyof Tables]: { [Column in keyof Tables[Table]]: IsDateOnly<Tables[Table][Column]> extends true ? "date" : true } };
