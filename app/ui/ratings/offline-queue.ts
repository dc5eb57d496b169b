// Ratings made without a network wait in localStorage and are sent when it returns. Each carries its
// idempotency key, so a resend after a lost answer is stored once.
const STORAGE_KEY = "suara.pendingRatings";

export interface PendingRating {
  url: string;
  fields: [string, string][];
  savedAt: string;
}

function read(): PendingRating[] {
  try {
    const raw = window.localStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as PendingRating[]) : [];
  } catch {
    return [];
  }
}

function write(items: PendingRating[]) {
  window.localStorage.setItem(STORAGE_KEY, JSON.stringify(items));
}

export function pendingCount(): number {
  return read().length;
}

export function enqueue(url: string, form: FormData) {
  const fields = [...form.entries()].filter((entry): entry is [string, string] => typeof entry[1] === "string");
  write([...read(), { url, fields, savedAt: new Date().toISOString() }]);
}

export type SendResult =
  | { kind: "stored"; thankYou: string }
  | { kind: "refused"; errors: Record<string, string> }
  | { kind: "network" };

export async function send(url: string, fields: [string, string][]): Promise<SendResult> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      body: new URLSearchParams(fields),
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    });
  } catch {
    return { kind: "network" };
  }
  if (response.status >= 500) return { kind: "network" };
  const body = (await response.json().catch(() => null)) as { ok?: boolean; thankYou?: string; errors?: Record<string, string> } | null;
  if (body?.ok && body.thankYou) return { kind: "stored", thankYou: body.thankYou };
  return { kind: "refused", errors: body?.errors ?? { _form: "errors.server.body" } };
}

/** Sends every waiting rating; keeps those the network did not take. Returns how many were stored. */
export async function flush(): Promise<number> {
  const waiting = read();
  if (waiting.length === 0) return 0;
  const keep: PendingRating[] = [];
  let stored = 0;
  for (const item of waiting) {
    const result = await send(item.url, item.fields);
    if (result.kind === "network") keep.push(item);
    else if (result.kind === "stored") stored++;
    // A refusal (over the limit, say) will not change by resending; it is dropped from the device.
  }
  write(keep);
  return stored;
}
