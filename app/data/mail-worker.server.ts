import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { logger } from "~/platform/log.server";
import type { MailTransport } from "~/platform/mail.server";
import type { EventHub } from "~/platform/pg-events.server";
import { drainOutbox } from "./mail-outbox.server";

// The outbox worker of one process: it sends what is due at start (mail left by a stopped process), whenever a
// transaction in any process wrote mail (LISTEN suara_mail), and every `sweepMs` (retries, lost events).
// Runs of one process never overlap; several processes share the outbox through its claims.

export interface MailWorker {
  /** Resolves when the run in progress (if any) is over. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

export async function startMailWorker(
  db: Kysely<Database>,
  transport: MailTransport,
  hub: EventHub,
  clock: () => Date,
  sweepMs = 30_000,
): Promise<MailWorker> {
  let running: Promise<void> = Promise.resolve();
  let again = false;
  let busy = false;
  let stopped = false;
  const run = () => {
    if (stopped) return;
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    running = (async () => {
      do {
        again = false;
        await drainOutbox(db, transport, clock).catch((error: unknown) => logger("suara-mail").error({ err: error }, "outbox run failed"));
      } while (again && !stopped);
      busy = false;
    })();
  };
  const unsubscribe = await hub.subscribe("suara_mail", run);
  const timer = setInterval(run, sweepMs);
  timer.unref();
  run();
  return {
    idle: () => running,
    async stop() {
      stopped = true;
      clearInterval(timer);
      unsubscribe();
      await running;
    },
  };
}
