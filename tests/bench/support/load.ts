// The load generator shared by the app and the bare-Node ceiling: autocannon, one unique rating per request.
import { randomBytes, randomUUID } from "node:crypto";
import autocannon from "autocannon";

export interface CounterTarget {
  code: string;
  services: number[];
  /** Officers on duty now; "unknown" is always added as a choice, as citizens often pick it. */
  officers: number[];
}

export interface LoadResult {
  seconds: number;
  requests: number;
  created: number;
  byStatus: Record<string, number>;
  non2xx: number;
  errors: number;
  timeouts: number;
  ratePerSecond: number;
  latency: { p50: number; p90: number; p99: number; max: number; mean: number };
  /** Idempotency keys of the requests answered 201 (acknowledged after the commit). */
  createdKeys: string[];
}

let sequence = 0;
const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)]!;

/** A distinct client per request: its own address behind the loopback proxy and its own device cookie. */
function nextClient(): { forwardedFor: string; cookie: string } {
  sequence += 1;
  const n = sequence + process.pid * 997; // different runs rarely reuse addresses, and the limits are per day
  const forwardedFor = `10.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
  // Remix's unsigned cookie value: base64 of the JSON string, URI-encoded by the cookie serializer.
  const deviceId = randomBytes(17).toString("base64url").slice(0, 22);
  const cookie = `sd=${encodeURIComponent(Buffer.from(JSON.stringify(deviceId)).toString("base64"))}`;
  return { forwardedFor, cookie };
}

export function ratingRequestBody(counter: CounterTarget): { path: string; body: string; key: string } {
  const key = randomUUID();
  const officer = pick([...counter.officers.map(String), "unknown"]);
  const body = new URLSearchParams({
    idempotencyKey: key,
    kind: "quick",
    serviceId: String(pick(counter.services)),
    officer,
    quickScore: String(1 + Math.floor(Math.random() * 4)),
  }).toString();
  return { path: `/api/ratings/${counter.code}`, body, key };
}

const KEY_IN_BODY = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** Drives POST /api/ratings/<code> at `connections` for `seconds`, spreading requests over every counter. */
export async function driveRatings(baseUrl: string, counters: CounterTarget[], options: { connections: number; seconds: number; timeoutSeconds?: number }): Promise<LoadResult> {
  if (counters.length === 0) throw new Error("no counters to rate");
  let turn = 0;
  const createdKeys: string[] = [];
  const byStatus: Record<string, number> = {};
  const instance = autocannon({
    url: baseUrl,
    connections: options.connections,
    pipelining: 1,
    duration: options.seconds,
    timeout: options.timeoutSeconds ?? 10,
    requests: [
      {
        method: "POST",
        setupRequest: (request: Record<string, unknown>) => {
          // Round-robin over counters, so every counter gets its share.
          const counter = counters[turn++ % counters.length]!;
          const { path, body } = ratingRequestBody(counter);
          const client = nextClient();
          return {
            ...request,
            method: "POST",
            path,
            body,
            headers: {
              "Content-Type": "application/x-www-form-urlencoded",
              Accept: "application/json",
              "X-Forwarded-For": client.forwardedFor,
              Cookie: client.cookie,
            },
          };
        },
        onResponse: (status: number, body: string) => {
          byStatus[status] = (byStatus[status] ?? 0) + 1;
          if (status === 201) {
            const key = KEY_IN_BODY.exec(body)?.[0];
            if (key) createdKeys.push(key.toLowerCase());
          }
        },
      },
    ],
  } as autocannon.Options);
  const result = await instance;
  const created = byStatus["201"] ?? 0;
  const requests = Object.values(byStatus).reduce((total, count) => total + count, 0);
  return {
    seconds: result.duration,
    requests,
    created,
    byStatus,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    ratePerSecond: created / result.duration,
    latency: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max, mean: result.latency.average },
    createdKeys,
  };
}
