import { randomUUID } from "node:crypto";
import { data } from "@remix-run/node";
import { now } from "~/platform/clock.server";
import { db } from "~/platform/db.server";
import { counterByCode, counterChoices } from "~/data/ratings.server";
import { deviceIdOf } from "~/http/rating-request.server";

/** What every rating page needs: the counter, its services and officers on duty, a fresh idempotency key. */
export async function loadCounterPage(request: Request, code: string | undefined) {
  const counter = await counterByCode(db(), code ?? "");
  if (!counter) throw data({ unknownCounter: true }, { status: 404 });
  const choices = await counterChoices(db(), counter.id, now());
  const device = await deviceIdOf(request);
  const url = new URL(request.url);
  return data(
    {
      counter: { name: counter.name, code: counter.publicCode, unitName: counter.unitName, agencyName: counter.agencyName },
      services: choices.services,
      officers: choices.officers,
      idempotencyKey: randomUUID(),
      visitCode: (url.searchParams.get("v") ?? "").toUpperCase().slice(0, 6),
    },
    { headers: device.setCookie ? { "Set-Cookie": device.setCookie, "Cache-Control": "no-store" } : { "Cache-Control": "no-store" } },
  );
}
