// The counter page's offline queue. A rating is written to the device's storage the moment the citizen taps
// "Kirim" (its own idempotency key, the time of the tap), before any network is tried, and leaves the storage only
// when the server has answered for it: stored (a resend of a stored rating answers "duplicate", also stored) or
// refused for good (a daily limit, a retired counter). Network errors and 5xx keep it, with a growing pause;
// a 503's Retry-After is honoured. Several tabs share one queue; Web Locks keep their sends apart.

export interface QueuedRating {
  key: string;
  url: string;
  fields: [string, string][];
  visitedAt: string;
  attempts: number;
  /** Not sent again before this instant (ms since epoch). */
  notBefore: number;
}

export type SendOutcome =
  | { kind: "stored"; thankYou: string }
  | { kind: "refused"; errors: Record<string, string> }
  | { kind: "retry"; retryAfterMs?: number };

export interface QueueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const STORAGE_KEY = "suara.ratingQueue.v2";
// The queue of earlier versions of the page (its items carry their key in their fields).
const LEGACY_KEY = "suara.pendingRatings";
const BASE_DELAY_MS = 2_000;
const MAX_DELAY_MS = 5 * 60_000;

export function readQueue(storage: QueueStorage): QueuedRating[] {
  const items = parse<QueuedRating[]>(storage.getItem(STORAGE_KEY)) ?? [];
  const legacy = parse<{ url: string; fields: [string, string][]; savedAt: string }[]>(storage.getItem(LEGACY_KEY));
  if (legacy && legacy.length > 0) {
    for (const old of legacy) {
      const key = old.fields.find(([name]) => name === "idempotencyKey")?.[1];
      if (!key || items.some((item) => item.key === key)) continue;
      items.push({ key, url: old.url, fields: old.fields, visitedAt: old.savedAt, attempts: 0, notBefore: 0 });
    }
    storage.setItem(STORAGE_KEY, JSON.stringify(items));
    storage.removeItem(LEGACY_KEY);
  }
  return items.filter((item) => typeof item?.key === "string" && Array.isArray(item.fields));
}

function parse<T>(raw: string | null): T | undefined {
  if (!raw) return undefined;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return undefined;
  }
}

/** Adds a rating (idempotent on its key). Throws when the storage refuses (full or disabled). */
export function enqueue(storage: QueueStorage, item: QueuedRating): void {
  const items = readQueue(storage).filter((existing) => existing.key !== item.key);
  storage.setItem(STORAGE_KEY, JSON.stringify([...items, item]));
}

function update(storage: QueueStorage, key: string, change: (item: QueuedRating) => QueuedRating | null): void {
  // Read again before writing: another tab may have added a rating meanwhile.
  const items = readQueue(storage).flatMap((item) => {
    if (item.key !== key) return [item];
    const changed = change(item);
    return changed ? [changed] : [];
  });
  storage.setItem(STORAGE_KEY, JSON.stringify(items));
}

/** The pause before the next attempt: doubling from 2 s up to 5 minutes, with jitter so phones do not align. */
export function backoffMs(attempts: number, random: number): number {
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(ceiling * (0.5 + random / 2));
}

/** Retry-After as seconds or an HTTP date, in milliseconds from `now`. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

/** One POST to the rating endpoint, classified. Only a JSON `ok` counts as stored (a captive portal's page does not). */
export async function sendRating(item: Pick<QueuedRating, "url" | "fields">, fetcher: typeof fetch, now: number): Promise<SendOutcome> {
  let response: Response;
  try {
    response = await fetcher(item.url, {
      method: "POST",
      body: new URLSearchParams(item.fields),
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    });
  } catch {
    return { kind: "retry" };
  }
  if (response.status >= 500) return { kind: "retry", retryAfterMs: response.status === 503 ? retryAfterMs(response.headers.get("Retry-After"), now) : undefined };
  const body = (await response.json().catch(() => null)) as { ok?: boolean; thankYou?: string; errors?: Record<string, string> } | null;
  if (body?.ok === true && typeof body.thankYou === "string") return { kind: "stored", thankYou: body.thankYou };
  if (body && body.ok === false) return { kind: "refused", errors: body.errors ?? { _form: "errors.server.body" } };
  return { kind: "retry" };
}

export interface FlushReport {
  stored: number;
  refused: { key: string; errors: Record<string, string> }[];
  /** The earliest moment a waiting rating may be tried again, or null when none waits. */
  nextAttemptAt: number | null;
}

/** Sends the waiting ratings whose pause is over, in the order they were made; stops at the first network failure. */
export async function flushQueue(
  storage: QueueStorage,
  fetcher: typeof fetch,
  clock: () => number,
  random: () => number,
  onProgress?: (item: QueuedRating, outcome: SendOutcome) => void,
): Promise<FlushReport> {
  const report: FlushReport = { stored: 0, refused: [], nextAttemptAt: null };
  for (const item of readQueue(storage)) {
    if (item.notBefore > clock()) continue;
    const outcome = await sendRating(item, fetcher, clock());
    onProgress?.(item, outcome);
    if (outcome.kind === "stored") {
      update(storage, item.key, () => null);
      report.stored++;
    } else if (outcome.kind === "refused") {
      update(storage, item.key, () => null);
      report.refused.push({ key: item.key, errors: outcome.errors });
    } else {
      const attempts = item.attempts + 1;
      const wait = Math.max(outcome.retryAfterMs ?? 0, backoffMs(attempts, random()));
      update(storage, item.key, (current) => ({ ...current, attempts, notBefore: clock() + wait }));
      break;
    }
  }
  const waiting = readQueue(storage);
  report.nextAttemptAt = waiting.length > 0 ? Math.max(clock(), Math.min(...waiting.map((item) => item.notBefore))) : null;
  return report;
}
