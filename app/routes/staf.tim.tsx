import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { notFound, requireUser } from "~/auth/guard.server";
import { planAccess } from "~/data/skp/access.server";
import { addFeedback } from "~/data/skp/period.server";
import { officerSummary } from "~/data/skp/queries.server";
import { hasDirectReports, teamWeek } from "~/data/skp/team.server";
import { requestedWeek } from "~/domain/achievement-weeks";
import { addCalendarDays, isIsoDate, localDateOf } from "~/domain/working-days";
import { readForm } from "~/http/form-body.server";
import { idField, parseForm } from "~/http/forms";
import { useTranslation } from "~/i18n/react";
import { formatDateTime, formatDayRange } from "~/i18n/format";
import { now } from "~/platform/clock.server";
import { db } from "~/platform/db.server";
import { useLocale } from "~/ui/skp";
import { FormMessage } from "~/ui/FormMessage";
import { hasCard, TeamMemberCard, TeamWeekTable } from "~/ui/team/TeamWeek";
import { useLiveRevalidation } from "~/ui/team/useLiveRevalidation";

export const meta: MetaFunction = () => [{ title: "Capaian tim · Suara" }];

// The direct supervisor's team view: each direct report's week at a glance, kept live by /staf/tim/peristiwa
// (Server-Sent Events; a normal page load without JavaScript), and feedback notes written from here.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  if (!(await hasDirectReports(db(), user))) throw notFound();
  const me = await officerSummary(db(), user.officerId!);
  const at = now();
  const today = localDateOf(at, me.timeZone);
  const weekStart = requestedWeek(new URL(request.url).searchParams.get("minggu"), today, isIsoDate);
  const members = await teamWeek(db(), user, weekStart, me.timeZone);
  return { weekStart, weekEnd: addCalendarDays(weekStart, 6), today, timeZone: me.timeZone, loadedAt: at.toISOString(), members };
}

const feedbackSchema = z.object({
  planId: idField(),
  body: z.string().trim().min(1, "form.required").max(2000, "form.tooLong"),
  minggu: z.string().max(10).default(""),
});

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request);
  const parsed = parseForm(feedbackSchema, form);
  const planId = String(form.get("planId") ?? "");
  if (!parsed.ok) return { errors: parsed.errors, planId };
  const found = await planAccess(db(), user, parsed.data.planId);
  if (!found) throw notFound();
  const result = await addFeedback(db(), user, parsed.data.planId, { body: parsed.data.body, achievementId: null }, now());
  if (!result.ok) return { errors: { _form: `assessments.errors.${result.reason}` }, planId };
  const week = isIsoDate(parsed.data.minggu) ? `&minggu=${parsed.data.minggu}` : "";
  return redirect(`/staf/tim?terkirim=${parsed.data.planId}${week}#anggota-${found.plan.officerId}`);
}

export default function TeamView() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const locale = useLocale();
  const live = useLiveRevalidation("/staf/tim/peristiwa", "change");
  const quiet = data.members.filter((member) => member.state === "nothingLogged");
  const current = data.weekStart <= data.today && data.today <= data.weekEnd;
  return (
    <>
      <p className="muted">
        <Link to="/staf/penilaian">{t("team.back")}</Link>
      </p>
      <h1>{t("team.title")}</h1>
      <p className="muted small">{t("team.intro")}</p>
      <nav className="form-actions" aria-label={t("team.weekNav")}>
        <Link to={`/staf/tim?minggu=${addCalendarDays(data.weekStart, -7)}`}>{t("team.previousWeek")}</Link>
        <strong>{t("team.week", { range: formatDayRange(locale, data.weekStart, data.weekEnd) })}</strong>
        {current ? null : <Link to="/staf/tim">{t("team.thisWeek")}</Link>}
        {data.weekEnd < data.today ? <Link to={`/staf/tim?minggu=${addCalendarDays(data.weekStart, 7)}`}>{t("team.nextWeek")}</Link> : null}
      </nav>
      <Form method="get" className="filters">
        <div>
          <label htmlFor="minggu">{t("team.pickWeek")}</label>
          <input id="minggu" name="minggu" type="date" defaultValue={data.weekStart} />
        </div>
        <button type="submit" className="secondary">
          {t("team.show")}
        </button>
      </Form>
      <p className="small" role="status" aria-live="polite" data-live={live}>
        {t(`team.live.${live}`)} · {t("team.loadedAt", { time: formatDateTime(locale, data.loadedAt, data.timeZone) })}
      </p>
      <FormMessage error={actionData?.errors && "_form" in actionData.errors ? actionData.errors._form : undefined} />
      {quiet.length > 0 ? (
        <p className="notice">{t("team.nothingLogged", { count: quiet.length, names: quiet.map((member) => member.name).join(", ") })}</p>
      ) : null}
      <TeamWeekTable members={data.members} weekStart={data.weekStart} today={data.today} />
      {data.members.filter(hasCard).map((member) => (
        <TeamMemberCard
          key={member.officerId}
          member={member}
          timeZone={data.timeZone}
          weekStart={data.weekStart}
          errors={actionData && member.plans.some((plan) => String(plan.planId) === actionData.planId) ? actionData.errors : undefined}
        />
      ))}
    </>
  );
}
