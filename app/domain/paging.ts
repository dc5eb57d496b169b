/** One page of a list that has been filtered and sorted already. Pages count from 1. */
export interface Paged<T> {
  rows: T[];
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
}

/** Cuts a page out of a list; a page past the end shows the last page, never an empty one. */
export function pageOf<T>(all: readonly T[], requested: number, pageSize: number): Paged<T> {
  const pageCount = Math.max(1, Math.ceil(all.length / pageSize));
  const page = Math.min(Math.max(1, Number.isFinite(requested) ? Math.floor(requested) : 1), pageCount);
  return { rows: all.slice((page - 1) * pageSize, page * pageSize), total: all.length, page, pageCount, pageSize };
}

/** The page number of a query parameter ("halaman"): 1 when it is missing or not a positive number. */
export function pageParam(value: string | null): number {
  return value && /^\d{1,6}$/.test(value) && Number(value) > 0 ? Number(value) : 1;
}

/**
 * Where a page of a list counted in the database starts: the page clamped as pageOf does (a page past the end
 * shows the last one), and the rows to skip.
 */
export function pageWindow(total: number, requested: number, pageSize: number): { page: number; pageCount: number; offset: number } {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, Number.isFinite(requested) ? Math.floor(requested) : 1), pageCount);
  return { page, pageCount, offset: (page - 1) * pageSize };
}

/** One page of a list the database counts and cuts (LIMIT/OFFSET): `count` gives the total, `fetch` the rows. */
export async function pageFromDatabase<T>(requested: number, pageSize: number, count: () => Promise<number>, fetch: (limit: number, offset: number) => Promise<T[]>): Promise<Paged<T>> {
  const total = await count();
  const { page, pageCount, offset } = pageWindow(total, requested, pageSize);
  const rows = total === 0 ? [] : await fetch(pageSize, offset);
  return { rows, total, page, pageCount, pageSize };
}
