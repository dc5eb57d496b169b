import pg from "pg";
import { sql, type Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { logger } from "./log.server";

// Events between processes through PostgreSQL LISTEN/NOTIFY: a command calls `publish` inside its transaction
// (PostgreSQL delivers on commit, to every process listening), and each process holds one listening connection
// whatever the number of subscribers. Behind a load balancer every process sees every event. A lost
// connection is re-opened; subscribers should also poll now and then, since events sent meanwhile are gone.

export type EventChannel = "suara_mail" | "suara_achievements";
type Handler = (payload: string) => void;

/** Sends an event on commit of the transaction `db` belongs to (at once outside a transaction). */
export async function publish(db: Kysely<Database>, channel: EventChannel, payload: string): Promise<void> {
  await sql`select pg_notify(${channel}, ${payload})`.execute(db);
}

export class EventHub {
  private client: pg.Client | undefined;
  private connecting: Promise<void> | undefined;
  private readonly handlers = new Map<EventChannel, Set<Handler>>();
  private closed = false;
  private retryTimer: NodeJS.Timeout | undefined;

  constructor(private readonly connectionString: string) {}

  /** Calls `handler` with each event's payload until the returned function is called. */
  async subscribe(channel: EventChannel, handler: Handler): Promise<() => void> {
    let set = this.handlers.get(channel);
    const first = !set;
    if (!set) {
      set = new Set();
      this.handlers.set(channel, set);
    }
    set.add(handler);
    await this.connect();
    if (first && this.client) await this.client.query(`listen ${channel}`);
    return () => {
      set.delete(handler);
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private connect(): Promise<void> {
    if (this.client || this.closed) return Promise.resolve();
    this.connecting ??= this.open().finally(() => {
      this.connecting = undefined;
    });
    return this.connecting;
  }

  private async open(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString });
    client.on("notification", (message) => {
      for (const handler of this.handlers.get(message.channel as EventChannel) ?? []) handler(message.payload ?? "");
    });
    client.on("error", (error) => {
      logger("suara-events").warn({ err: error }, "listening connection lost; reconnecting");
      if (this.client === client) this.client = undefined;
      client.end().catch(() => undefined);
      this.scheduleReconnect();
    });
    try {
      await client.connect();
      for (const channel of this.handlers.keys()) await client.query(`listen ${channel}`);
      this.client = client;
    } catch (error) {
      logger("suara-events").warn({ err: error }, "could not open the listening connection; retrying");
      await client.end().catch(() => undefined);
      this.scheduleReconnect();
    }
  }

  private scheduleReconnect(): void {
    if (this.closed) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.connect(), 2_000);
    this.retryTimer.unref();
  }
}

const holder = globalThis as typeof globalThis & { __suaraEvents?: EventHub };

/** The process's hub, on DATABASE_URL. */
export function eventHub(): EventHub {
  if (!holder.__suaraEvents) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start the portal with `npm start`");
    holder.__suaraEvents = new EventHub(url);
  }
  return holder.__suaraEvents;
}

export async function closeEventHub(): Promise<void> {
  const hub = holder.__suaraEvents;
  holder.__suaraEvents = undefined;
  await hub?.close();
}
