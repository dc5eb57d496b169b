import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { z } from "zod";
import { requireRole, requireUnitRole } from "~/auth/guard.server";
import { now } from "~/platform/clock.server";
import { db } from "~/platform/db.server";
import { addHoliday, confirmHoliday, holidayAgency, holidaysOfYear, removeHoliday } from "~/data/holidays.server";
import { HOLIDAY_KINDS, type HolidayKind } from "~/domain/complaint-options";
import { agencyIdsOfUnits, rootUnitOfAgency, unitsUnder } from "~/data/organisation.server";
import { useRootData } from "~/root";
import { Field } from "~/ui/Field";
import { parseForm, idField } from "~/http/forms";
import { confirmationFor, confirmField } from "~/http/confirm";
import { ConfirmStep } from "~/ui/ConfirmStep";
import { formatDay } from "~/i18n/format";
import { idFromText } from "~/http/params";
import { readForm } from "~/http/form-body.server";

export const meta: MetaFunction = () => [{ title: "Hari libur · Suara" }];

/** The agencies whose root unit an admin holds: they may keep those agencies' regional days. */
async function adminAgencies(request: Request) {
  const user = await requireRole(request, ["admin"]);
  const paths = user.grants.filter((grant) => grant.role === "admin").map((grant) => grant.unitPath);
  const units = await unitsUnder(db(), paths);
  const roots = units.filter((unit) => unit.path.split("/").length === 3 && paths.includes(unit.path)); // "/12/": a top unit
  return { user, agencies: roots.map((unit) => ({ rootUnitId: unit.id, name: unit.agencyName })) };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { agencies } = await adminAgencies(request);
  const url = new URL(request.url);
  const thisYear = now().getUTCFullYear();
  const requested = idFromText(url.searchParams.get("tahun")) ?? thisYear;
  const year = Number.isInteger(requested) && requested >= 2020 && requested <= 2100 ? requested : thisYear;
  const agencyIds = await agencyIdsOfUnits(db(), agencies.map((agency) => agency.rootUnitId));
  const holidays = await holidaysOfYear(db(), year, agencyIds);
  return { year, years: [thisYear - 1, thisYear, thisYear + 1, thisYear + 2], holidays, agencies };
}

const changeSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("add"),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "complaints.holidays.invalidDate"),
    name: z.string().trim().min(1, "form.required").max(200, "form.tooLong"),
    kind: z.enum(HOLIDAY_KINDS as [HolidayKind, ...HolidayKind[]]),
    scope: z.string(),
  }),
  z.object({ intent: z.literal("remove"), id: idField() }),
  z.object({ intent: z.literal("confirm"), id: idField() }),
]);

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await adminAgencies(request);
  const form = await readForm(request);
  const parsed = parseForm(changeSchema, form);
  if (!parsed.ok) return data({ errors: parsed.errors, confirm: null }, { status: 400 });
  const change = parsed.data;
  if (change.intent === "add") {
    // A regional day needs the admin role on that agency's root; a national one, any admin grant.
    let agencyId: number | null = null;
    if (change.scope !== "national") {
      const rootUnitId = idFromText(change.scope);
      if (rootUnitId === null) return data({ errors: { scope: "form.notInList" } as Record<string, string>, confirm: null }, { status: 400 });
      await requireUnitRole(request, ["admin"], rootUnitId);
      agencyId = (await agencyIdsOfUnits(db(), [rootUnitId]))[0] ?? null;
    }
    const result = await addHoliday(db(), user.id, { date: change.date, name: change.name, kind: change.kind, agencyId });
    if (!result.ok) return data({ errors: { date: result.reason === "duplicate" ? "complaints.holidays.duplicate" : "complaints.holidays.invalidDate" } as Record<string, string>, confirm: null }, { status: 400 });
    return redirect(`/staf/admin/libur?tahun=${change.date.slice(0, 4)}`);
  }
  const owner = await holidayAgency(db(), change.id);
  if (!owner) throw new Response("Not Found", { status: 404 });
  if (owner.agencyId !== null) {
    const root = await rootUnitOfAgency(db(), owner.agencyId);
    await requireUnitRole(request, ["admin"], root.id);
  }
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
  const { year, years, holidays, agencies } = useLoaderData<typeof loader>();
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
        <div className="table-wrap">
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
                    {holiday.estimated ? (
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value="confirm" />
                        <input type="hidden" name="id" value={holiday.id} />
                        <button type="submit" className="secondary small-button">
                          {t("complaints.holidays.confirm")}
                        </button>
                      </Form>
                    ) : null}{" "}
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="remove" />
                      <input type="hidden" name="id" value={holiday.id} />
                      <button type="submit" className="secondary small-button" aria-label={`${t("complaints.holidays.remove")}: ${holiday.name} ${formatDay(locale, holiday.date)}`}>
                        {t("complaints.holidays.remove")}
                      </button>
                    </Form>
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
        <label htmlFor="scope">{t("complaints.holidays.agency")}</label>
        <select id="scope" name="scope">
          <option value="national">{t("complaints.holidays.national")}</option>
          {agencies.map((agency) => (
            <option key={agency.rootUnitId} value={agency.rootUnitId}>
              {agency.name}
            </option>
          ))}
        </select>
        <div className="form-actions">
          <button type="submit">{t("complaints.holidays.add")}</button>
        </div>
      </Form>
    </>
  );
}
