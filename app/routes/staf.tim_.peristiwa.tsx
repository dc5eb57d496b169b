import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireUser } from "~/auth/guard.server";
import { hasDirectReports, parseAchievementEvent } from "~/data/skp/team.server";
import { seesInTeamView } from "~/domain/access/officer-records";
import { eventStream } from "~/http/event-stream.server";
import { db } from "~/platform/db.server";
import { eventHub } from "~/platform/pg-events.server";

// The team view's live events (Server-Sent Events): "change" with the officer's id whenever a direct report logs
// an achievement or receives feedback, from PostgreSQL NOTIFY, so it works with any number of processes. Only the
// browser's EventSource asks for this (Accept: text/event-stream); a plain request gets 406, never an open stream.
// A stream ends after MAX_STREAM_MS and the browser reconnects, so a connection never outlives a session for long.
const MAX_STREAM_MS = 10 * 60_000;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  if (!(await hasDirectReports(db(), user))) throw notFound();
  if (!(request.headers.get("Accept") ?? "").includes("text/event-stream"))
    return new Response("This address sends Server-Sent Events only.", { status: 406, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return eventStream(request, MAX_STREAM_MS, (send) =>
    eventHub().subscribe("suara_achievements", (payload) => {
      const event = parseAchievementEvent(payload);
      if (event && seesInTeamView(user.officerId, event.supervisorId)) send("change", String(event.officerId));
    }),
  );
}
