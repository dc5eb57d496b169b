import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { z } from "zod";
import { requireRole } from "~/auth/guard.server";
import { env } from "~/platform/env.server";
import { db } from "~/platform/db.server";
import { contestRating, openContestsForOfficer, ratingHandle, ratingIdFromHandle } from "~/data/contests.server";
import { officerCommentsForBatches, officerScores } from "~/data/indicators.server";
import { batchComments, weekOf } from "~/domain/indicators/comment-batches";
import { formatDayRange, formatNumber, formatPercent } from "~/i18n/format";
import { useRootData } from "~/root";
import { parseForm } from "~/http/forms";
import { PeriodFilters } from "~/ui/indicators/PeriodFilters";
import { parseIndicatorQuery } from "~/http/indicator-query";
import { addCalendarDays } from "~/domain/working-days";
import { todayIn } from "~/pages/unit-indicators.server";
import { officerWithUnit } from "~/data/organisation.server";
import { readForm } from "~/http/form-body.server";
import { contestableDays, contestRatingsOfDay } from "~/data/contest-days.server";
import { DAY_CONTEST_REASONS } from "~/domain/ratings/contest-days";
import { DayContestForm } from "~/ui/ratings/DayContestForm";

export const meta: MetaFunction = () => [{ title: "Penilaian warga untuk saya · Suara" }];

async function currentOfficer(request: Request) {
  const user = await requireRole(request, ["officer"]);
  if (!user.officerId) throw new Response("Forbidden", { status: 403 });
  const officer = await officerWithUnit(db(), user.officerId);
  return { user, officer };
}

function secret(): string {
  return env().SESSION_SECRET ?? "development-only-secret-change-me!!";
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { officer } = await currentOfficer(request);
  const query = parseIndicatorQuery(new URL(request.url).searchParams, todayIn(officer.timeZone), { minimumRatings: officer.officerRankingMin });
  const [{ officers, unitMean }, ratings, contests, days] = await Promise.all([
    officerScores(db(), { kind: "unit", unitId: officer.unitId }, query.period, { minimumRatings: query.minimumRatings }),
    officerCommentsForBatches(db(), officer.id),
    openContestsForOfficer(db(), officer.id),
    contestableDays(db(), officer.id, todayIn(officer.timeZone)),
  ]);
  const sentDay = new URL(request.url).searchParams.get("hari");
  const mine = officers.find((row) => row.officerId === officer.id);
  // The batches follow no query parameter: only ended weeks, on the server's grid (see comment-batches.ts).
  const { batches, waiting } = batchComments(ratings, weekOf(todayIn(officer.timeZone)));
  // Each released comment gets an opaque handle for the contest form; the order of arrival stays hidden.
  const handles = new Map<string, string[]>();
  for (const rating of ratings) if (rating.comment && !rating.removedWeek) handles.set(rating.comment, [...(handles.get(rating.comment) ?? []), ratingHandle(secret(), rating.id)]);
  return {
    officer: { name: officer.name, unitName: officer.unitName },
    query,
    score: mine?.score ?? null,
    verifiedShare: mine?.verifiedShare ?? null,
    unitMean,
    // A batch runs from the Monday of its first week to the Sunday of its last.
    batches: batches.map((batch) => ({ ...batch, lastDay: addCalendarDays(batch.toWeek, 6), comments: batch.comments.map((text) => ({ text, handle: handles.get(text)?.shift() ?? "" })) })),
    waiting,
    openContests: contests.length,
    days,
    sentDay: sentDay !== null && /^\d{1,5}$/.test(sentDay) ? Number(sentDay) : null,
  };
}

const contestSchema = z.object({
  handle: z.string().min(3, "myService.chooseComment"),
  reasonKind: z.enum(["colleague", "never_happened", "abusive"]),
  reasonText: z.string().trim().min(10, "myService.reasonTooShort").max(1000, "form.tooLong"),
});

const dayContestSchema = z.object({
  intent: z.literal("day"),
  slot: z.string().regex(/^\d{4}-\d{2}-\d{2}:\d{1,10}$/, "myService.day.chooseSlot"),
  reasonKind: z.enum(DAY_CONTEST_REASONS, { message: "myService.day.chooseReason" }),
  reasonText: z.string().trim().min(10, "myService.reasonTooShort").max(1000, "form.tooLong"),
});

export async function action({ request }: ActionFunctionArgs) {
  const { user, officer } = await currentOfficer(request);
  const form = await readForm(request);
  if (form.get("intent") === "day") {
    const day = parseForm(dayContestSchema, form);
    if (!day.ok) return { errors: day.errors, intent: "day" };
    const [date, counter] = day.data.slot.split(":") as [string, string];
    const outcome = await contestRatingsOfDay(db(), {
      officerId: officer.id,
      userId: user.id,
      day: date,
      counterId: Number(counter),
      reasonKind: day.data.reasonKind,
      reasonText: day.data.reasonText,
      today: todayIn(officer.timeZone),
    });
    if (!outcome.ok) return { errors: { slot: outcome.reason === "notContestable" ? "myService.day.chooseSlot" : "myService.day.nothing" }, intent: "day" };
    return redirect(`/staf/layanan-saya?hari=${outcome.contested}#hari`);
  }
  const parsed = parseForm(contestSchema, form);
  if (!parsed.ok) return { errors: parsed.errors };
  const ratingId = ratingIdFromHandle(secret(), parsed.data.handle);
  if (!ratingId) return { errors: { handle: "myService.chooseComment" } };
  const outcome = await contestRating(db(), { officerId: officer.id, userId: user.id, ratingId, reasonKind: parsed.data.reasonKind, reasonText: parsed.data.reasonText });
  if (!outcome.ok) return { errors: { handle: outcome.reason === "already_open" ? "myService.alreadyContested" : "myService.chooseComment" } };
  return redirect("/staf/layanan-saya?terkirim=1");
}

export default function MyService() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const locale = useRootData()?.locale ?? "id";
  const num = (value: number) => formatNumber(locale, value, 2);
  const dayErrors: Record<string, string | undefined> = actionData && "intent" in actionData ? actionData.errors : {};
  const errors: Record<string, string | undefined> = actionData && !("intent" in actionData) ? (actionData.errors ?? {}) : {};
  const releasedComments = data.batches.flatMap((batch) => batch.comments);
  return (
    <>
      <p className="muted">{data.officer.unitName}</p>
      <h1>{t("myService.title")}</h1>
      <PeriodFilters query={data.query} showPopulation={false} />
      <div className="kpis">
        <div className="kpi">
          <div className="label">{t("myService.score")}</div>
          {data.score?.kind === "scored" ? (
            <>
              <div className="value">{num(data.score.shrunk)}</div>
              <div className="small">{t("myService.interval", { lower: num(data.score.interval.lower), upper: num(data.score.interval.upper) })}</div>
            </>
          ) : (
            <>
              <div className="value">–</div>
              <div className="small badge warn">{t("indicators.notEnough")}</div>
            </>
          )}
        </div>
        <div className="kpi">
          <div className="label">{t("indicators.ratings")}</div>
          <div className="value">{formatNumber(locale, data.score?.n ?? 0)}</div>
          <div className="small">{data.verifiedShare !== null ? `${t("indicators.verifiedShare")}: ${formatPercent(locale, data.verifiedShare)}` : ""}</div>
        </div>
        <div className="kpi">
          <div className="label">{t("myService.unitMean")}</div>
          <div className="value">{data.unitMean === null ? "–" : num(data.unitMean)}</div>
        </div>
      </div>

      <h2>{t("myService.commentsTitle")}</h2>
      <p className="muted small">{t("myService.commentsRule")}</p>
      {data.batches.length === 0 ? <p className="notice">{t("myService.noBatches")}</p> : null}
      {data.batches.map((batch) => (
        <section className="card" key={batch.fromWeek}>
          <h3>{t("myService.batch", { range: formatDayRange(locale, batch.fromWeek, batch.lastDay), count: batch.comments.length })}</h3>
          {batch.comments.length === 0 ? <p className="muted">{t("myService.noComments")}</p> : null}
          <ul>
            {batch.comments.map((comment) => (
              <li key={comment.handle}>{comment.text}</li>
            ))}
          </ul>
        </section>
      ))}
      {data.waiting > 0 ? <p className="notice">{t("myService.waiting", { count: data.waiting, formatted: formatNumber(locale, data.waiting) })}</p> : null}

      {releasedComments.length > 0 ? (
        <Form method="post" className="card">
          <h2>{t("myService.contestTitle")}</h2>
          <p className="muted small">{t("myService.contestHint", { count: data.openContests })}</p>
          <label htmlFor="handle">{t("myService.whichComment")}</label>
          <select id="handle" name="handle" defaultValue="" aria-invalid={errors.handle ? true : undefined}>
            <option value="">{t("ratings.profile.choose")}</option>
            {releasedComments.map((comment) => (
              <option key={comment.handle} value={comment.handle}>
                {comment.text.slice(0, 80)}
              </option>
            ))}
          </select>
          {errors.handle ? <p className="field-error">{t(errors.handle)}</p> : null}
          <label htmlFor="reasonKind">{t("myService.reasonKind")}</label>
          <select id="reasonKind" name="reasonKind">
            {(["colleague", "never_happened", "abusive"] as const).map((kind) => (
              <option key={kind} value={kind}>
                {t(`review.contestKinds.${kind}`)}
              </option>
            ))}
          </select>
          <label htmlFor="reasonText">{t("myService.reasonText")}</label>
          <textarea id="reasonText" name="reasonText" maxLength={1000} aria-invalid={errors.reasonText ? true : undefined} />
          {errors.reasonText ? <p className="field-error">{t(errors.reasonText)}</p> : null}
          <div className="form-actions">
            <button type="submit">{t("myService.sendContest")}</button>
          </div>
        </Form>
      ) : null}

      <DayContestForm slots={data.days} errors={dayErrors} sent={data.sentDay} />

      <h2>{t("myService.howTitle")}</h2>
      <div className="card">
        <p>{t("myService.how1")}</p>
        <p>{t("myService.how2")}</p>
        <p>{t("myService.how3")}</p>
      </div>
    </>
  );
}
