import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { z } from "zod";
import { requireHolidayKeeper, requireHolidayScope } from "~/auth/guard.server";
import { now } from "~/platform/clock.server";
import { db } from "~/platform/db.server";
import { addHoliday, agenciesByRootPaths, agencyRootPath, confirmHoliday, holidayScope, holidaysOfYear, removeHoliday } from "~/data/holidays.server";
import { HOLIDAY_KINDS, type HolidayKind } from "~/domain/complaint-options";
import { agencyRootsKept, mayKeepHoliday } from "~/domain/access/holidays";
import { SelectField } from "~/ui/SelectField";
import { useRootData } from "~/root";
import { Field } from "~/ui/Field";
import { parseForm, idField } from "~/http/forms";
import { confirmationFor, confirmField } from "~/http/confirm";
import { ConfirmStep } from "~/ui/ConfirmStep";
import { formatDay } from "~/i18n/format";
import { idFromText } from "~/http/params";
import { readForm } from "~/http/form-body.server";

export const meta: MetaFunction = () => [{ title: "Hari libur · Suara" }];

// National holidays and collective leave are one platform-wide list that only the platform administrator keeps;
// each agency's administrators keep its regional days (app/domain/access/holidays.ts).

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireHolidayKeeper(request);
  const agencies = await agenciesByRootPaths(db(), agencyRootsKept(user));
  const url = new URL(request.url);
  const thisYear = now().getUTCFullYear();
  const requested = idFromText(url.searchParams.get("tahun")) ?? thisYear;
  const year = Number.isInteger(requested) && requested >= 2020 && requested <= 2100 ? requested : thisYear;
  const rootPathOf = new Map(agencies.map((agency) => [agency.agencyId, agency.rootPath]));
  const rows = await holidaysOfYear(db(), year, agencies.map((agency) => agency.agencyId));
  const holidays = rows.map((holiday) => {
    const rootPath = holiday.agencyId === null ? null : rootPathOf.get(holiday.agencyId);
    const mayKeep = rootPath === undefined ? false : mayKeepHoliday(user, rootPath === null ? { kind: "national" } : { kind: "regional", agencyRootPath: rootPath });
    return { ...holiday, mayKeep };
  });
  return {
    year,
    years: [thisYear - 1, thisYear, thisYear + 1, thisYear + 2],
    holidays,
    agencies: agencies.map((agency) => ({ agencyId: agency.agencyId, name: agency.name })),
    platformAdmin: user.platformAdmin,
  };
}

const changeSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("add"),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "complaints.holidays.invalidDate"),
    name: z.string().trim().min(1, "form.required").max(200, "form.tooLong"),
    kind: z.enum(HOLIDAY_KINDS as [HolidayKind, ...HolidayKind[]]),
    scope: z.union([z.literal("national"), idField("form.required")], { errorMap: () => ({ message: "form.required" }) }),
  }),
  z.object({ intent: z.literal("remove"), id: idField() }),
  z.object({ intent: z.literal("confirm"), id: idField() }),
]);

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireHolidayKeeper(request);
  const form = await readForm(request);
  const parsed = parseForm(changeSchema, form);
  if (!parsed.ok) return data({ errors: parsed.errors, confirm: null }, { status: 400 });
  const change = parsed.data;
  if (change.intent === "add") {
    const agencyId = change.scope === "national" ? null : change.scope;
    const rootPath = agencyId === null ? null : await agencyRootPath(db(), agencyId);
    requireHolidayScope(user, rootPath === null ? { kind: "national" } : rootPath === undefined ? undefined : { kind: "regional", agencyRootPath: rootPath });
    const result = await addHoliday(db(), user.id, { date: change.date, name: change.name, kind: change.kind, agencyId });
    if (!result.ok) return data({ errors: { date: result.reason === "duplicate" ? "complaints.holidays.duplicate" : "complaints.holidays.invalidDate" } as Record<string, string>, confirm: null }, { status: 400 });
    return redirect(`/staf/admin/libur?tahun=${change.date.slice(0, 4)}`);
  }
  requireHolidayScope(user, await holidayScope(db(), change.id));
  if (change.intent === "remove") {
    // Removing a day moves every complaint deadline that counted it: the first post asks.
    const confirm = confirmationFor(form);
    if (confirm) return { errors: {} as Record<string, string>, confirm };
    await removeHoliday(db(), user.id, change.id);
  }
  else await confirmHoliday(db(), user.id, change.id);
  return redirect(new URL(request.url).pathname + new URL(request.url).search);
}

export default function Holidays() {
  const { year, years, holidays, agencies, platformAdmin } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const locale = useRootData()?.locale ?? "id";
  const errors: Record<string, string | undefined> = actionData?.errors ?? {};
  const confirm = actionData?.confirm;
  const pending = confirm ? holidays.find((holiday) => String(holiday.id) === confirmField(confirm, "id")) : undefined;
  return (
    <>
      <h1>{t("complaints.holidays.title")}</h1>
      <p className="muted">{t("complaints.holidays.intro")}</p>
      {confirm && pending ? (
        <ConfirmStep
          request={confirm}
          title={t("complaints.holidays.confirmRemove.title", { name: pending.name, date: formatDay(locale, pending.date) })}
          confirmLabel={t("complaints.holidays.confirmRemove.yes")}
          cancelTo={`/staf/admin/libur?tahun=${year}`}
        >
          <p>{t("complaints.holidays.confirmRemove.what", { date: formatDay(locale, pending.date) })}</p>
        </ConfirmStep>
      ) : null}
      <Form method="get" className="search-row" style={{ maxWidth: 360 }}>
        <label htmlFor="tahun" className="visually-hidden">
          {t("complaints.holidays.year")}
        </label>
        <select id="tahun" name="tahun" defaultValue={year}>
          {years.map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </select>
        <button type="submit" className="secondary">
          {t("complaints.holidays.show")}
        </button>
      </Form>
      <h2>{year}</h2>
      {holidays.length === 0 ? (
        <p>{t("complaints.holidays.empty")}</p>
      ) : (
        <div className="table-wrap" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("complaints.holidays.date")}</th>
                <th scope="col">{t("complaints.holidays.name")}</th>
                <th scope="col">{t("complaints.holidays.kind")}</th>
                <th scope="col">{t("complaints.holidays.scope")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("complaints.holidays.remove")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {holidays.map((holiday) => (
                <tr key={holiday.id}>
                  <td className="nowrap">{formatDay(locale, holiday.date)}</td>
                  <td>
                    {holiday.name}
                    {holiday.estimated ? (
                      <>
                        {" "}
                        <span className="badge warn">{t("complaints.holidays.estimated")}</span>
                      </>
                    ) : null}
                  </td>
                  <td>{t(`complaints.holidays.kinds.${holiday.kind}`)}</td>
                  <td>{holiday.agencyName ?? t("complaints.holidays.national")}</td>
                  <td className="nowrap">
                    {!holiday.mayKeep ? (
                      <span className="muted">{t(holiday.agencyId === null ? "complaints.holidays.keptByPlatform" : "complaints.holidays.keptByAgency")}</span>
                    ) : null}
                    {holiday.mayKeep && holiday.estimated ? (
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value="confirm" />
                        <input type="hidden" name="id" value={holiday.id} />
                        <button type="submit" className="secondary small-button">
                          {t("complaints.holidays.confirm")}
                        </button>
                      </Form>
                    ) : null}{" "}
                    {holiday.mayKeep ? (
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value="remove" />
                        <input type="hidden" name="id" value={holiday.id} />
                        <button type="submit" className="secondary small-button" aria-label={`${t("complaints.holidays.remove")}: ${holiday.name} ${formatDay(locale, holiday.date)}`}>
                          {t("complaints.holidays.remove")}
                        </button>
                      </Form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Form method="post" className="card" style={{ maxWidth: 560 }}>
        <h2>{t("complaints.holidays.addTitle")}</h2>
        <input type="hidden" name="intent" value="add" />
        <Field name="date" type="date" label={t("complaints.holidays.date")} required error={errors.date} />
        <Field name="name" type="text" label={t("complaints.holidays.name")} required maxLength={200} error={errors.name} />
        <label htmlFor="kind">{t("complaints.holidays.kind")}</label>
        <select id="kind" name="kind">
          {HOLIDAY_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`complaints.holidays.kinds.${kind}`)}
            </option>
          ))}
        </select>
        <SelectField
          name="scope"
          label={t("complaints.holidays.agency")}
          hint={t(platformAdmin ? "complaints.holidays.scopeHintPlatform" : "complaints.holidays.scopeHint")}
          placeholder={t("complaints.holidays.choose")}
          options={[...(platformAdmin ? [{ value: "national", label: t("complaints.holidays.national") }] : []), ...agencies.map((agency) => ({ value: String(agency.agencyId), label: agency.name }))]}
          required
          error={errors.scope}
        />
        <div className="form-actions">
          <button type="submit">{t("complaints.holidays.add")}</button>
        </div>
      </Form>
    </>
  );
}
