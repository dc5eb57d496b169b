import type { ColumnType } from "kysely";

export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type Json<T = unknown> = ColumnType<T, string | undefined, string>;
// pg returns int8 as a string; db/connect.ts turns it into a number (safe below 2^53, where counts stay).
export type Int8 = ColumnType<number, number | bigint, number | bigint>;

/** For each table, every column name of its interface, exactly (checked by `satisfies`). */
export type Columns<Tables> = { [Table in keyof Tables]: Record<keyof Tables[Table], true> };
