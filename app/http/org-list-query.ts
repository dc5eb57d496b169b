import { pageParam } from "~/domain/paging";
import { idFromText } from "./params";

/** The filters of the organisation's lists (counters, officers): words, one unit of the agency, retired ones too. */
export interface OrgListQuery {
  query: string;
  /** Only a unit of the agency counts; any other id is ignored. */
  unitId: number | null;
  withRetired: boolean;
  page: number;
}

/** Reads `?q=&unit=&semua=1&halaman=` against the agency's units. */
export function orgListQuery(params: URLSearchParams, agencyUnitIds: readonly number[]): OrgListQuery {
  const unitId = idFromText(params.get("unit"));
  return {
    query: (params.get("q") ?? "").slice(0, 100),
    unitId: unitId !== null && agencyUnitIds.includes(unitId) ? unitId : null,
    withRetired: params.get("semua") === "1",
    page: pageParam(params.get("halaman")),
  };
}
