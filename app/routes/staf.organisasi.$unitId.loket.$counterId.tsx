import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { notFound, requireAgencyAdmin } from "~/auth/guard.server";
import { agencyCounter, regenerateCounterCode, reopenCounter, retireCounter, updateCounter } from "~/data/org-admin/counters.server";
import { activeServicesOfUnits } from "~/data/organisation.server";
import { mayAdministerInAgency } from "~/domain/access/organisation";
import { confirmationFor } from "~/http/confirm";
import { readForm } from "~/http/form-body.server";
import { parseForm } from "~/http/forms";
import { counterFormSchema, intentSchema, tickedServices, typedValues } from "~/http/org-admin-forms";
import { unitIdParam } from "~/http/params";
import { formatDateTime } from "~/i18n/format";
import { useTranslation } from "~/i18n/react";
import { now } from "~/platform/clock.server";
import { db } from "~/platform/db.server";
import { useRootData } from "~/root";
import { ConfirmStep } from "~/ui/ConfirmStep";
import { CounterFields, Notice, errorsOf, valuesOf } from "~/ui/org-admin";
import { FormMessage } from "~/ui/FormMessage";
import { pageTitle } from "~/ui/page-title";

// One counter: rename, re-code, the services it offers; a new public code (the old QR then says the counter
// moved), retirement and reopening a retired counter, each asked first. Its roster and single poster live on the supervisors' counter pages.
export const meta: MetaFunction<typeof loader> = ({ matches, data: loaded }) => [{ title: pageTitle(matches, "orgAdmin.counters.title", loaded?.counter.name) }];

async function counterOf(request: Request, params: LoaderFunctionArgs["params"]) {
  const { user, unit: agency } = await requireAgencyAdmin(request, params.unitId);
  const counter = await agencyCounter(db(), agency.agency_id, unitIdParam(params.counterId));
  if (!counter || !mayAdministerInAgency(user.grants, agency.path, counter.unitPath)) throw notFound();
  return { user, agency, counter };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { agency, counter } = await counterOf(request, params);
  const { unitPath: _path, ...shown } = counter;
  return { agency: { unitId: agency.id, timeZone: agency.timeZone }, counter: shown, services: await activeServicesOfUnits(db(), [counter.unitId]) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, agency, counter } = await counterOf(request, params);
  const form = await readForm(request);
  const intent = parseForm(intentSchema(["save", "newCode", "retire", "reopen"]), form);
  if (!intent.ok) return data({ errors: intent.errors }, { status: 400 });
  const here = `/staf/organisasi/${agency.id}/loket/${counter.id}`;
  if (intent.data.intent === "reopen") {
    if (counter.retiredAt === null) return redirect(here);
    const confirm = confirmationFor(form);
    if (confirm) return { confirm };
    const outcome = await reopenCounter(db(), user.id, counter.id);
    if (!outcome.ok) return data({ errors: outcome.errors }, { status: 409 });
    return redirect(`${here}?dibuka=1`);
  }
  if (counter.retiredAt !== null) return data({ errors: { _form: "orgAdmin.errors.counterRetired" } }, { status: 409 });
  if (intent.data.intent === "newCode" || intent.data.intent === "retire") {
    const confirm = confirmationFor(form);
    if (confirm) return { confirm };
    const outcome = intent.data.intent === "newCode" ? await regenerateCounterCode(db(), user.id, counter.id) : await retireCounter(db(), user.id, counter.id, now());
    if (!outcome.ok) return data({ errors: outcome.errors }, { status: 409 });
    return redirect(`${here}?${intent.data.intent === "newCode" ? "kodebaru=1" : "nonaktif=1"}`);
  }
  const parsed = parseForm(counterFormSchema, form);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values, ticked: tickedServices(form) }, { status: 400 });
  const outcome = await updateCounter(db(), user.id, counter.id, parsed.data);
  if (!outcome.ok) return data({ errors: outcome.errors, values: typedValues(form), ticked: tickedServices(form) }, { status: 400 });
  return redirect(`${here}?disimpan=1`);
}

export default function CounterAdmin() {
  const { agency, counter, services } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const locale = useRootData()?.locale ?? "id";
  const errors = errorsOf(actionData);
  const confirm = actionData && "confirm" in actionData ? actionData.confirm : null;
  const base = `/staf/organisasi/${agency.unitId}`;
  const here = `${base}/loket/${counter.id}`;
  const retired = counter.retiredAt !== null;
  const notice = actionData
    ? null
    : params.has("baru")
      ? t("orgAdmin.counters.added")
      : params.has("disimpan")
        ? t("orgAdmin.saved")
        : params.has("kodebaru")
          ? t("orgAdmin.counters.newCodeNotice", { code: counter.publicCode })
          : params.has("nonaktif")
            ? t("orgAdmin.counters.retiredNotice")
            : params.has("dibuka")
              ? t("orgAdmin.counters.reopened")
              : null;
  return (
    <>
      <p className="muted">
        <Link to={`${base}/unit/${counter.unitId}`}>← {counter.unitName}</Link>
      </p>
      <h1>
        {counter.name} {retired ? <span className="badge danger">{t("organisation.retired")}</span> : null}
      </h1>
      <Notice text={notice} />
      <FormMessage error={errors._form} />
      {confirm ? (
        confirm.intent === "newCode" ? (
          <ConfirmStep request={confirm} title={t("orgAdmin.counters.newCodeTitle", { name: counter.name })} confirmLabel={t("orgAdmin.counters.newCodeYes")} cancelTo={here}>
            <p>{t("orgAdmin.counters.newCodeWhat", { code: counter.publicCode })}</p>
          </ConfirmStep>
        ) : confirm.intent === "reopen" ? (
          <ConfirmStep request={confirm} title={t("orgAdmin.counters.reopenTitle", { name: counter.name })} confirmLabel={t("orgAdmin.counters.reopenYes")} cancelTo={here} danger={false}>
            <p>{t("orgAdmin.counters.reopenWhat", { code: counter.publicCode })}</p>
          </ConfirmStep>
        ) : (
          <ConfirmStep request={confirm} title={t("orgAdmin.counters.retireTitle", { name: counter.name })} confirmLabel={t("orgAdmin.counters.retireYes")} cancelTo={here}>
            <p>{t("orgAdmin.counters.retireWhat")}</p>
          </ConfirmStep>
        )
      ) : null}
      <dl className="facts">
        <dt>{t("orgAdmin.fields.publicCode")}</dt>
        <dd>
          {retired ? (
            <code data-testid="public-code">{counter.publicCode}</code>
          ) : (
            <a href={`/l/${counter.publicCode}`}>
              <code data-testid="public-code">/l/{counter.publicCode}</code>
            </a>
          )}
        </dd>
        {counter.oldCodes.length > 0 ? (
          <>
            <dt>{t("orgAdmin.counters.oldCodes")}</dt>
            <dd>
              {counter.oldCodes.map((old) => (
                <span key={old.publicCode} className="nowrap">
                  <a href={`/l/${old.publicCode}`}>
                    <code>{old.publicCode}</code>
                  </a>{" "}
                  <span className="muted small">({t("orgAdmin.counters.replacedOn", { when: formatDateTime(locale, old.replacedAt, agency.timeZone) })})</span>{" "}
                </span>
              ))}
            </dd>
          </>
        ) : null}
      </dl>
      {retired && !confirm ? (
        <>
          <h2>{t("orgAdmin.counters.reopen")}</h2>
          <p className="muted">{t("orgAdmin.counters.reopenHint")}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="reopen" />
            <button type="submit">{t("orgAdmin.counters.reopen")}</button>
          </Form>
        </>
      ) : null}
      {!retired ? (
        <>
          <p className="form-actions">
            <a className="button secondary" href={`${base}/poster.pdf?loket=${counter.id}`}>
              {t("orgAdmin.counters.posterPdf")}
            </a>
            <Link className="button secondary" to={`/staf/loket/${counter.id}/jadwal`}>
              {t("orgAdmin.counters.roster")}
            </Link>
          </p>
          <h2>{t("orgAdmin.counters.edit")}</h2>
          <Form method="post" noValidate className="narrow">
            <input type="hidden" name="intent" value="save" />
            <CounterFields values={valuesOf(actionData)} errors={errors} services={services} current={counter} submitted={(actionData as { ticked?: string[] } | undefined)?.ticked} />
            <div className="form-actions">
              <button type="submit">{t("orgAdmin.save")}</button>
            </div>
          </Form>
          {!confirm ? (
            <>
              <h2>{t("orgAdmin.counters.newCode")}</h2>
              <p className="muted">{t("orgAdmin.counters.newCodeHint")}</p>
              <Form method="post">
                <input type="hidden" name="intent" value="newCode" />
                <button type="submit" className="secondary">
                  {t("orgAdmin.counters.newCode")}
                </button>
              </Form>
              <h2>{t("orgAdmin.counters.retire")}</h2>
              <p className="muted">{t("orgAdmin.counters.retireHint")}</p>
              <Form method="post">
                <input type="hidden" name="intent" value="retire" />
                <button type="submit" className="danger">
                  {t("orgAdmin.counters.retire")}
                </button>
              </Form>
            </>
          ) : null}
        </>
      ) : null}
    </>
  );
}
