import { now } from "~/platform/clock.server";
import { db } from "~/platform/db.server";
import { env } from "~/platform/env.server";
import { runJobsUnderLock, type ScheduledJob } from "~/platform/jobs.server";
import { auditKey } from "~/platform/keyed-hash.server";
import { mailTransport } from "~/platform/mail.server";
import { closeEventHub, eventHub } from "~/platform/pg-events.server";
import { checkpointFile, writeAuditCheckpoint } from "./audit-checkpoint.server";
import { runComplaintClocks } from "./complaints/clocks.server";
import { startMailWorker, type MailWorker } from "./mail-worker.server";
import { pruneRateLimits } from "./rate-limits.server";
import { pruneRatingLimits } from "./ratings.server";

// Features add their periodic work here (e.g. closing complaints left without a reply). Each process runs the
// list every minute; the runner (`~/platform/jobs.server`) keeps two processes from running the same job at once.
const JOBS: ScheduledJob[] = [
  { name: "audit.checkpoint", run: (at) => writeAuditCheckpoint(db(), checkpointFile(env().DATA_DIR), auditKey(), at).then(() => undefined) },
  { name: "complaints.clocks", run: (at) => runComplaintClocks(db(), at) },
  { name: "rate-limits.prune", run: (at) => pruneRateLimits(db(), at) },
  { name: "ratings.prune-limits", run: (at) => pruneRatingLimits(db(), at) },
];

export async function runScheduledJobs(at: Date = now()): Promise<void> {
  await runJobsUnderLock(db(), JOBS, at);
}

let mailWorker: MailWorker | undefined;

/** Work that runs beside the requests for the life of the process: the e-mail outbox worker. */
export async function startBackgroundWork(): Promise<void> {
  mailWorker ??= await startMailWorker(db(), mailTransport(), eventHub(), now);
}

export async function stopBackgroundWork(): Promise<void> {
  const worker = mailWorker;
  mailWorker = undefined;
  await worker?.stop();
  await closeEventHub();
}
