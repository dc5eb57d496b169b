import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { notFound, requireAgencyAdmin } from "~/auth/guard.server";
import { agencyCounters } from "~/data/org-admin/counters.server";
import { servicesOfUnitForAdmin } from "~/data/org-admin/services.server";
import { agencyUnits, retireUnit, updateUnit } from "~/data/org-admin/units.server";
import { mayAdministerInAgency } from "~/domain/access/organisation";
import { confirmationFor } from "~/http/confirm";
import { readForm } from "~/http/form-body.server";
import { parseForm } from "~/http/forms";
import { intentSchema, typedValues, unitFormSchema } from "~/http/org-admin-forms";
import { unitIdParam } from "~/http/params";
import { formatDay, formatNumber, formatRupiah } from "~/i18n/format";
import { useTranslation } from "~/i18n/react";
import { now } from "~/platform/clock.server";
import { db } from "~/platform/db.server";
import { useRootData } from "~/root";
import { ConfirmStep } from "~/ui/ConfirmStep";
import { Notice, UnitFields, errorsOf, valuesOf } from "~/ui/org-admin";
import { FormMessage } from "~/ui/FormMessage";
import { pageTitle } from "~/ui/page-title";

// One unit of the agency: its facts (rename, re-code, move under another parent), its services with their published
// standard, its counters, and retirement (asked first). Another agency's unit is not found here.
export const meta: MetaFunction<typeof loader> = ({ matches, data: loaded }) => [{ title: pageTitle(matches, "orgAdmin.unit.title", loaded?.unit.name) }];

async function unitOf(request: Request, params: LoaderFunctionArgs["params"]) {
  const { user, unit: agency } = await requireAgencyAdmin(request, params.unitId);
  const units = await agencyUnits(db(), agency.agency_id);
  const unit = units.find((row) => row.id === unitIdParam(params.childId));
  if (!unit || !mayAdministerInAgency(user.grants, agency.path, unit.path)) throw notFound();
  return { user, agency, units, unit };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { agency, units, unit } = await unitOf(request, params);
  const [services, counters] = await Promise.all([servicesOfUnitForAdmin(db(), unit.id), agencyCounters(db(), agency.agency_id, { query: "", unitId: unit.id, withRetired: true })]);
  const parent = units.find((row) => row.id === unit.parentId);
  return {
    agency: { unitId: agency.id, name: agency.agencyName, timeZone: agency.timeZone },
    unit: { ...unit, top: unit.parentId === null, parentName: parent?.name ?? null, subUnits: units.filter((row) => row.parentId === unit.id && row.retiredAt === null).length },
    units,
    services,
    counters,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, agency, unit } = await unitOf(request, params);
  const form = await readForm(request);
  const intent = parseForm(intentSchema(["save", "retire"]), form);
  if (!intent.ok) return data({ errors: intent.errors }, { status: 400 });
  const here = `/staf/organisasi/${agency.id}/unit/${unit.id}`;
  if (intent.data.intent === "retire") {
    const confirm = confirmationFor(form);
    if (confirm) return { confirm };
    const outcome = await retireUnit(db(), user.id, agency.agency_id, unit.id, now());
    if (!outcome.ok) return data({ errors: outcome.errors }, { status: 409 });
    return redirect(`${here}?nonaktif=1`);
  }
  if (unit.retiredAt !== null) return data({ errors: { _form: "orgAdmin.errors.unitRetired" } }, { status: 409 });
  const parsed = parseForm(unitFormSchema, form);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const outcome = await updateUnit(db(), user.id, agency.agency_id, unit.id, parsed.data);
  if (!outcome.ok) return data({ errors: outcome.errors, values: typedValues(form) }, { status: 400 });
  return redirect(`${here}?disimpan=1`);
}

export default function UnitAdmin() {
  const { agency, unit, units, services, counters } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const locale = useRootData()?.locale ?? "id";
  const errors = errorsOf(actionData);
  const values = valuesOf(actionData);
  const confirm = actionData && "confirm" in actionData ? actionData.confirm : null;
  const base = `/staf/organisasi/${agency.unitId}`;
  const here = `${base}/unit/${unit.id}`;
  const notice = actionData ? null : params.has("baru") ? t("orgAdmin.unit.added") : params.has("disimpan") ? t("orgAdmin.saved") : params.has("nonaktif") ? t("orgAdmin.unit.retiredNotice") : null;
  const retired = unit.retiredAt !== null;
  return (
    <>
      <p className="muted">
        <Link to={base}>← {agency.name}</Link>
      </p>
      <h1>
        {unit.name} {retired ? <span className="badge danger">{t("organisation.retired")}</span> : null}
      </h1>
      <Notice text={notice} />
      <FormMessage error={errors._form} />
      {confirm ? (
        <ConfirmStep request={confirm} title={t("orgAdmin.unit.retireTitle", { name: unit.name })} confirmLabel={t("orgAdmin.unit.retireYes")} cancelTo={here}>
          <p>{t("orgAdmin.unit.retireWhat", { counters: counters.filter((counter) => counter.retiredAt === null).length })}</p>
        </ConfirmStep>
      ) : null}
      <dl className="facts">
        <dt>{t("orgAdmin.fields.parent")}</dt>
        <dd>{unit.parentName ?? "–"}</dd>
        {retired ? (
          <>
            <dt>{t("orgAdmin.unit.retiredOn")}</dt>
            <dd>{formatDay(locale, unit.retiredAt!, agency.timeZone)}</dd>
          </>
        ) : null}
      </dl>
      <p className="form-actions">
        <Link className="button secondary" to={`${base}/pegawai?unit=${unit.id}`}>
          {t("orgAdmin.officers.ofUnit")}
        </Link>
        <Link className="button secondary" to={`/staf/unit/${unit.id}`}>
          {t("orgAdmin.unit.staffPage")}
        </Link>
      </p>

      <h2>{t("orgAdmin.services.title")}</h2>
      {!retired ? (
        <p>
          <Link className="button" to={`${base}/layanan/baru?unit=${unit.id}`}>
            {t("orgAdmin.services.add")}
          </Link>
        </p>
      ) : null}
      {services.length === 0 ? (
        <p className="muted">{t("orgAdmin.services.none")}</p>
      ) : (
        <div className="table-wrap" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("orgAdmin.fields.serviceName")}</th>
                <th scope="col">{t("orgAdmin.fields.code")}</th>
                <th scope="col" className="num">{t("orgAdmin.fields.completionDaysShort")}</th>
                <th scope="col" className="num">{t("orgAdmin.fields.fee")}</th>
                <th scope="col" className="num">{t("orgAdmin.fields.usersPerYearShort")}</th>
                <th scope="col" className="num">{t("orgImport.entities.counters")}</th>
              </tr>
            </thead>
            <tbody>
              {services.map((service) => (
                <tr key={service.id} className={service.active ? undefined : "inactive"}>
                  <td>
                    <Link to={`${base}/layanan/${service.id}`}>{service.name}</Link>
                    {service.active ? null : <span className="badge"> {t("organisation.retired")}</span>}
                  </td>
                  <td>
                    <code>{service.code ?? "–"}</code>
                  </td>
                  <td className="num">{service.completionDays}</td>
                  <td className="num nowrap">{formatRupiah(locale, Number(service.feeRupiah))}</td>
                  <td className="num">{service.usersPerYear === null ? "–" : formatNumber(locale, service.usersPerYear)}</td>
                  <td className="num">{service.counters}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2>{t("orgAdmin.counters.title")}</h2>
      {!retired ? (
        <p className="form-actions">
          <Link className="button" to={`${base}/loket/baru?unit=${unit.id}`}>
            {t("orgAdmin.counters.add")}
          </Link>
          {counters.some((counter) => counter.retiredAt === null) ? (
            <Link className="button secondary" to={`${base}/loket?unit=${unit.id}`}>
              {t("orgAdmin.counters.posters")}
            </Link>
          ) : null}
        </p>
      ) : null}
      {counters.length === 0 ? (
        <p className="muted">{t("orgAdmin.counters.none")}</p>
      ) : (
        <div className="table-wrap" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("orgAdmin.fields.counterName")}</th>
                <th scope="col">{t("orgAdmin.fields.code")}</th>
                <th scope="col">{t("orgAdmin.fields.publicCode")}</th>
                <th scope="col" className="num">{t("orgImport.entities.services")}</th>
              </tr>
            </thead>
            <tbody>
              {counters.map((counter) => (
                <tr key={counter.id} className={counter.retiredAt === null ? undefined : "inactive"}>
                  <td>
                    <Link to={`${base}/loket/${counter.id}`}>{counter.name}</Link>
                    {counter.retiredAt === null ? null : <span className="badge"> {t("organisation.retired")}</span>}
                  </td>
                  <td>
                    <code>{counter.code ?? "–"}</code>
                  </td>
                  <td>
                    <code>{counter.publicCode}</code>
                  </td>
                  <td className="num">{counter.services}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {!retired ? (
        <>
          <h2>{t("orgAdmin.unit.edit")}</h2>
          <Form method="post" noValidate className="narrow">
            <input type="hidden" name="intent" value="save" />
            <UnitFields units={units} values={values} errors={errors} defaultParent={String(unit.parentId ?? unit.id)} current={unit} />
            <div className="form-actions">
              <button type="submit">{t("orgAdmin.save")}</button>
            </div>
          </Form>
          {!unit.top && !confirm ? (
            <>
              <h2>{t("orgAdmin.unit.retire")}</h2>
              <p className="muted">{unit.subUnits > 0 ? t("orgAdmin.unit.retireBlocked", { count: unit.subUnits }) : t("orgAdmin.unit.retireHint")}</p>
              {unit.subUnits === 0 ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="retire" />
                  <button type="submit" className="danger">
                    {t("orgAdmin.unit.retire")}
                  </button>
                </Form>
              ) : null}
            </>
          ) : null}
        </>
      ) : null}
    </>
  );
}
