import type { Columns, Timestamp } from "./columns";

/** One fixed window of one rate limit for one keyed hash (of an address, usually). */
export interface RateLimitsTable {
  bucket: string;
  key_hash: string;
  window_start: Timestamp;
  hits: number;
}

export interface SecurityTables {
  rate_limits: RateLimitsTable;
}

export const SECURITY_COLUMNS = {
  rate_limits: { bucket: true, key_hash: true, window_start: true, hits: true },
} satisfies Columns<SecurityTables>;
