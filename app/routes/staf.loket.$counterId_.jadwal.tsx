import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireUnitRole } from "~/auth/guard.server";
import { counterForStaff } from "~/data/ratings.server";
import { addException, addPattern, exceptionsOf, officerPatterns, patternsOf, removeException, removePattern, shiftsBetween } from "~/data/rosters.server";
import { activeOfficersOfAgency } from "~/data/organisation.server";
import { describeWeekdays, newPatternProblem, parseLocalTime } from "~/domain/roster";
import { addCalendarDays, localDateOf, startOfLocalDay } from "~/domain/working-days";
import { confirmationFor, type ConfirmRequest } from "~/http/confirm";
import { parseForm, idField } from "~/http/forms";
import { unitIdParam } from "~/http/params";
import { formatDate, formatDay } from "~/i18n/format";
import { useTranslation } from "~/i18n/react";
import { now } from "~/platform/clock.server";
import { db } from "~/platform/db.server";
import { useRootData } from "~/root";
import { ConfirmStep } from "~/ui/ConfirmStep";
import { readForm } from "~/http/form-body.server";

export const meta: MetaFunction = () => [{ title: "Jadwal tugas · Suara" }];
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

// A counter's duty roster, kept by the supervisors of its unit: weekly patterns and single-day exceptions.
async function guardedCounter(request: Request, counterIdText: string | undefined) {
  const counter = await counterForStaff(db(), unitIdParam(counterIdText));
  if (!counter) throw new Response("Not Found", { status: 404 });
  const user = await requireUnitRole(request, ["supervisor", "admin"], counter.unitId);
  return { counter, user };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { counter } = await guardedCounter(request, params.counterId);
  const today = localDateOf(now(), counter.timeZone);
  const weekFrom = startOfLocalDay(today, counter.timeZone);
  const weekTo = startOfLocalDay(addCalendarDays(today, 7), counter.timeZone);
  const [patterns, exceptions, shifts, officers] = await Promise.all([
    patternsOf(db(), counter.id),
    exceptionsOf(db(), counter.id, today),
    shiftsBetween(db(), counter.id, weekFrom, weekTo),
    activeOfficersOfAgency(db(), counter.unitId),
  ]);
  return { counter, today, tomorrow: addCalendarDays(today, 1), patterns, exceptions, shifts, officers };
}

const time = (endOfDay: boolean) => z.string().refine((value) => parseLocalTime(value, endOfDay) !== null, "roster.errors.time").transform((value) => parseLocalTime(value, endOfDay)!);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "roster.errors.date");
const optionalOfficer = z.preprocess((value) => (value === "" ? undefined : value), idField().optional());

const actionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("addPattern"),
    officerId: idField("form.required"),
    weekdays: z.preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(z.coerce.number().int().min(1).max(7)).min(1, "roster.errors.weekdays")),
    starts: time(false),
    ends: time(true),
    validFrom: day,
    validTo: day,
  }),
  z.object({ intent: z.literal("endPattern"), patternId: idField() }),
  z.object({
    intent: z.literal("addException"),
    date: day,
    absentOfficerId: optionalOfficer,
    replacementOfficerId: optionalOfficer,
    starts: z.string().optional(),
    ends: z.string().optional(),
    note: z.string().trim().max(300, "form.tooLong").default(""),
  }),
  z.object({ intent: z.literal("removeException"), exceptionId: idField() }),
]);

type ActionData = { errors: Record<string, string>; values?: Record<string, string>; confirm: ConfirmRequest | null };

export async function action({ request, params }: ActionFunctionArgs) {
  const { counter, user } = await guardedCounter(request, params.counterId);
  const form = await readForm(request);
  const values = Object.fromEntries([...form.entries()].filter(([, value]) => typeof value === "string")) as Record<string, string>;
  const parsed = parseForm(actionSchema, form);
  const invalid = (errors: Record<string, string>) => data<ActionData>({ errors, values, confirm: null }, { status: 400 });
  if (!parsed.ok) return invalid(parsed.errors);
  const change = parsed.data;
  const today = localDateOf(now(), counter.timeZone);
  const officers = await activeOfficersOfAgency(db(), counter.unitId);
  const known = (id: number | undefined) => id === undefined || officers.some((officer) => officer.id === id);

  if (change.intent === "addPattern") {
    if (!known(change.officerId)) return invalid({ officerId: "form.notInList" });
    const pattern = { officer: change.officerId, weekdays: change.weekdays, starts: change.starts, ends: change.ends, validFrom: change.validFrom, validTo: change.validTo };
    const problem = newPatternProblem(pattern, await officerPatterns(db(), change.officerId));
    if (problem) return invalid(problem.reason === "overlap" ? { starts: "roster.errors.overlap" } : { [problem.reason === "endsBeforeStarts" ? "ends" : "validTo"]: `roster.errors.${problem.reason}` });
    await addPattern(db(), user.id, { counterId: counter.id, officerId: change.officerId, weekdays: change.weekdays, starts: change.starts, ends: change.ends, validFrom: change.validFrom, validTo: change.validTo });
    return redirect(`/staf/loket/${counter.id}/jadwal`);
  }
  if (change.intent === "endPattern") {
    const confirm = confirmationFor(form);
    if (confirm) return data<ActionData>({ errors: {}, confirm });
    if (!(await removePattern(db(), user.id, counter.id, change.patternId, today))) throw new Response("Not Found", { status: 404 });
    return redirect(`/staf/loket/${counter.id}/jadwal`);
  }
  if (change.intent === "removeException") {
    if (!(await removeException(db(), user.id, counter.id, change.exceptionId))) throw new Response("Not Found", { status: 404 });
    return redirect(`/staf/loket/${counter.id}/jadwal`);
  }
  // A single day: someone away, someone else on duty (a swap is both).
  if (change.date < today) return invalid({ date: "roster.errors.past" });
  if (change.absentOfficerId === undefined && change.replacementOfficerId === undefined) return invalid({ absentOfficerId: "roster.errors.nobody" });
  if (!known(change.absentOfficerId)) return invalid({ absentOfficerId: "form.notInList" });
  if (!known(change.replacementOfficerId)) return invalid({ replacementOfficerId: "form.notInList" });
  let replacement = null;
  if (change.replacementOfficerId !== undefined) {
    const starts = parseLocalTime(change.starts ?? "");
    const ends = parseLocalTime(change.ends ?? "", true);
    if (!starts) return invalid({ starts: "roster.errors.time" });
    if (!ends) return invalid({ ends: "roster.errors.time" });
    if (ends <= starts) return invalid({ ends: "roster.errors.endsBeforeStarts" });
    replacement = { officerId: change.replacementOfficerId, starts, ends };
  }
  await addException(db(), user.id, { counterId: counter.id, date: change.date, absentOfficerId: change.absentOfficerId ?? null, replacement, note: change.note });
  return redirect(`/staf/loket/${counter.id}/jadwal`);
}

export default function Roster() {
  const { counter, tomorrow, patterns, exceptions, shifts, officers } = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const { t } = useTranslation();
  const locale = useRootData()?.locale ?? "id";
  const errors = actionData?.errors ?? {};
  const values = actionData?.values ?? {};
  const names = Object.fromEntries(WEEKDAYS.map((weekday) => [weekday, t(`roster.weekdays.${weekday}`)]));
  const fieldError = (name: string) => (errors[name] ? <p className="field-error" id={`${name}-error`}>{t(errors[name]!)}</p> : null);
  const invalid = (name: string) => (errors[name] ? { "aria-invalid": true, "aria-describedby": `${name}-error` } : {});
  const clock = (value: string | Date) => new Date(value).toLocaleTimeString(locale === "id" ? "id-ID" : "en-GB", { hour: "2-digit", minute: "2-digit", timeZone: counter.timeZone });
  const officerOptions = officers.map((officer) => (
    <option key={officer.id} value={officer.id}>
      {officer.name} · {officer.unitName}
    </option>
  ));
  const pending = actionData?.confirm ? patterns.find((pattern) => String(pattern.id) === actionData.confirm!.fields.find(([key]) => key === "patternId")?.[1]) : undefined;
  return (
    <>
      <p className="muted">
        <Link to={`/staf/unit/${counter.unitId}`}>{counter.unitName}</Link> · <Link to={`/staf/loket/${counter.id}`}>{counter.name}</Link>
      </p>
      <h1>{t("roster.title", { counter: counter.name })}</h1>
      <p className="muted">{t("roster.intro")}</p>
      {actionData?.confirm && pending ? (
        <ConfirmStep request={actionData.confirm} title={t("roster.endConfirm.title", { officer: pending.officerName })} confirmLabel={t("roster.endConfirm.yes")} cancelTo={`/staf/loket/${counter.id}/jadwal`}>
          <p>{t("roster.endConfirm.what")}</p>
        </ConfirmStep>
      ) : null}

      <h2>{t("roster.week")}</h2>
      {shifts.length === 0 ? (
        <p className="muted">{t("roster.noShifts")}</p>
      ) : (
        <div className="table-wrap" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("roster.day")}</th>
                <th scope="col">{t("roster.time")}</th>
                <th scope="col">{t("roster.officer")}</th>
              </tr>
            </thead>
            <tbody>
              {shifts.map((shift) => (
                <tr key={shift.id}>
                  <td className="nowrap">{formatDay(locale, shift.startsAt, counter.timeZone)}</td>
                  <td className="nowrap">
                    {clock(shift.startsAt)}–{clock(shift.endsAt)}
                  </td>
                  <td>
                    {shift.officerName}
                    {shift.exceptionId !== null ? <span className="badge warn"> {t("roster.changed")}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2>{t("roster.patterns")}</h2>
      {patterns.length === 0 ? (
        <p className="muted">{t("roster.noPatterns")}</p>
      ) : (
        <div className="table-wrap" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("roster.officer")}</th>
                <th scope="col">{t("roster.days")}</th>
                <th scope="col">{t("roster.time")}</th>
                <th scope="col">{t("roster.valid")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("roster.end")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {patterns.map((pattern) => (
                <tr key={pattern.id}>
                  <td>{pattern.officerName}</td>
                  <td>{describeWeekdays(pattern.weekdays, names)}</td>
                  <td className="nowrap">
                    {pattern.starts}–{pattern.ends}
                  </td>
                  <td className="nowrap">
                    {formatDate(locale, `${pattern.validFrom}T12:00:00Z`, "UTC")} – {formatDate(locale, `${pattern.validTo}T12:00:00Z`, "UTC")}
                  </td>
                  <td>
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="endPattern" />
                      <input type="hidden" name="patternId" value={pattern.id} />
                      <button type="submit" className="secondary small-button" aria-label={t("roster.endLabel", { officer: pattern.officerName })}>
                        {t("roster.end")}
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <Form method="post" className="card" noValidate>
        <h3>{t("roster.addPattern")}</h3>
        <input type="hidden" name="intent" value="addPattern" />
        <label htmlFor="officerId">{t("roster.officer")}</label>
        <select id="officerId" name="officerId" defaultValue={values.officerId ?? ""} {...invalid("officerId")}>
          <option value="">{t("roster.choose")}</option>
          {officerOptions}
        </select>
        {fieldError("officerId")}
        <fieldset>
          <legend>{t("roster.days")}</legend>
          {WEEKDAYS.map((weekday) => (
            <label key={weekday} className="choice inline-choice">
              <input type="checkbox" name="weekdays" value={weekday} defaultChecked={weekday <= 5} />
              <span>{names[weekday]}</span>
            </label>
          ))}
        </fieldset>
        {fieldError("weekdays")}
        <div className="field-row">
          <div>
            <label htmlFor="starts">{t("roster.from")}</label>
            <input id="starts" name="starts" type="time" defaultValue={values.starts ?? "08:00"} required {...invalid("starts")} />
            {fieldError("starts")}
          </div>
          <div>
            <label htmlFor="ends">{t("roster.to")}</label>
            <input id="ends" name="ends" type="time" defaultValue={values.ends ?? "16:00"} required {...invalid("ends")} />
            {fieldError("ends")}
          </div>
        </div>
        <div className="field-row">
          <div>
            <label htmlFor="validFrom">{t("roster.validFrom")}</label>
            <input id="validFrom" name="validFrom" type="date" defaultValue={values.validFrom ?? tomorrow} required {...invalid("validFrom")} />
            {fieldError("validFrom")}
          </div>
          <div>
            <label htmlFor="validTo">{t("roster.validTo")}</label>
            <input id="validTo" name="validTo" type="date" defaultValue={values.validTo} required {...invalid("validTo")} />
            {fieldError("validTo")}
          </div>
        </div>
        <div className="form-actions">
          <button type="submit">{t("roster.savePattern")}</button>
        </div>
      </Form>

      <h2>{t("roster.exceptions")}</h2>
      {exceptions.length === 0 ? (
        <p className="muted">{t("roster.noExceptions")}</p>
      ) : (
        <div className="table-wrap" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("roster.day")}</th>
                <th scope="col">{t("roster.absent")}</th>
                <th scope="col">{t("roster.replacement")}</th>
                <th scope="col">{t("roster.note")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("roster.remove")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {exceptions.map((exception) => (
                <tr key={exception.id}>
                  <td className="nowrap">{formatDay(locale, `${exception.date}T12:00:00Z`, "UTC")}</td>
                  <td>{exception.absentName ?? "–"}</td>
                  <td>{exception.replacementName ? `${exception.replacementName} (${exception.starts}–${exception.ends})` : "–"}</td>
                  <td>{exception.note || "–"}</td>
                  <td>
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="removeException" />
                      <input type="hidden" name="exceptionId" value={exception.id} />
                      <button type="submit" className="secondary small-button">
                        {t("roster.remove")}
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <Form method="post" className="card" noValidate>
        <h3>{t("roster.addException")}</h3>
        <p className="hint">{t("roster.exceptionHint")}</p>
        <input type="hidden" name="intent" value="addException" />
        <label htmlFor="date">{t("roster.date")}</label>
        <input id="date" name="date" type="date" defaultValue={values.date ?? tomorrow} required {...invalid("date")} />
        {fieldError("date")}
        <label htmlFor="absentOfficerId">{t("roster.absent")}</label>
        <select id="absentOfficerId" name="absentOfficerId" defaultValue={values.absentOfficerId ?? ""} {...invalid("absentOfficerId")}>
          <option value="">{t("roster.nobody")}</option>
          {officerOptions}
        </select>
        {fieldError("absentOfficerId")}
        <label htmlFor="replacementOfficerId">{t("roster.replacement")}</label>
        <select id="replacementOfficerId" name="replacementOfficerId" defaultValue={values.replacementOfficerId ?? ""} {...invalid("replacementOfficerId")}>
          <option value="">{t("roster.nobody")}</option>
          {officerOptions}
        </select>
        {fieldError("replacementOfficerId")}
        <div className="field-row">
          <div>
            <label htmlFor="exception-starts">{t("roster.from")}</label>
            <input id="exception-starts" name="starts" type="time" defaultValue={values.starts ?? "08:00"} />
          </div>
          <div>
            <label htmlFor="exception-ends">{t("roster.to")}</label>
            <input id="exception-ends" name="ends" type="time" defaultValue={values.ends ?? "16:00"} />
          </div>
        </div>
        <label htmlFor="note">{t("roster.note")}</label>
        <input id="note" name="note" defaultValue={values.note ?? ""} maxLength={300} />
        {fieldError("note")}
        <div className="form-actions">
          <button type="submit">{t("roster.saveException")}</button>
        </div>
      </Form>
    </>
  );
}
