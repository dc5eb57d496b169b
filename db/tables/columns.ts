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

/** For each table, every column name of its interface, exactly (checked by `satisfies`). */
export type Columns<Tables> = { [Table in keyof Tables]: Record<keyof Tables[Table], true> };
