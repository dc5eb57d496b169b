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
