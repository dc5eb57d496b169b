import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import QRCode from "qrcode";
import { z } from "zod";
import { notFound, requireAgencyAdmin } from "~/auth/guard.server";
import { accountForAdmin, issueAccountCode, setAccountActive } from "~/data/accounts.server";
import { mayManageAccount } from "~/domain/access/accounts";
import { codePurposeFor, formatCode } from "~/domain/accounts";
import { confirmationFor } from "~/http/confirm";
import { parseForm } from "~/http/forms";
import { unitIdParam } from "~/http/params";
import { publicBaseUrl } from "~/http/public-url.server";
import { formatDateTime } from "~/i18n/format";
import { useTranslation } from "~/i18n/react";
import { now } from "~/platform/clock.server";
import { db } from "~/platform/db.server";
import { useRootData } from "~/root";
import { ConfirmStep } from "~/ui/ConfirmStep";
import { pageTitle } from "~/ui/page-title";
import { readForm } from "~/http/form-body.server";

// One account: its status and roles; issue an activation code (or reset: a new code, the old password stops
// working), deactivate or reactivate. The code is shown once, with its link and QR, printable.
export const meta: MetaFunction<typeof loader> = ({ matches, data: loaded }) => [{ title: pageTitle(matches, "accounts.manage.title", loaded?.account.displayName) }];

async function accountOf(request: Request, params: LoaderFunctionArgs["params"]) {
  const { user, unit } = await requireAgencyAdmin(request, params.unitId);
  const account = await accountForAdmin(db(), unitIdParam(params.userId), now());
  if (!account || !mayManageAccount(user.grants, account.unitPaths)) throw notFound();
  return { user, unit, account };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { unit, account } = await accountOf(request, params);
  const { unitPaths: _paths, ...shown } = account;
  return { agency: { unitId: unit.id, timeZone: unit.timeZone }, account: shown, purpose: codePurposeFor(account) };
}

const actionSchema = z.object({ intent: z.enum(["code", "deactivate", "reactivate"]) });

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, unit, account } = await accountOf(request, params);
  const form = await readForm(request);
  const parsed = parseForm(actionSchema, form);
  if (!parsed.ok) return data({ errors: parsed.errors }, { status: 400 });
  const here = `/staf/organisasi/${unit.id}/akun/${account.id}`;
  const { intent } = parsed.data;
  if (intent === "reactivate") {
    await setAccountActive(db(), user.id, account.id, true, now());
    return redirect(`${here}?aktif=1`);
  }
  if (intent === "deactivate") {
    const confirm = confirmationFor(form);
    if (confirm) return { confirm };
    const outcome = await setAccountActive(db(), user.id, account.id, false, now());
    if (!outcome.ok) return data({ errors: { _form: "accounts.errors.lastAdministrator" } }, { status: 409 });
    return redirect(`${here}?nonaktif=1`);
  }
  if (!account.active) return data({ errors: { _form: "accounts.errors.deactivated" } }, { status: 409 });
  if (codePurposeFor(account) === "reset") {
    const confirm = confirmationFor(form);
    if (confirm) return { confirm };
  }
  const outcome = await issueAccountCode(db(), user.id, account.id, now());
  if (!outcome.ok) return data({ errors: { _form: "accounts.errors.deactivated" } }, { status: 409 });
  const link = `${publicBaseUrl(request)}/aktivasi?kode=${outcome.issued.code}`;
  const qr = await QRCode.toString(link, { type: "svg", errorCorrectionLevel: "M", margin: 1 });
  return { issued: { code: formatCode(outcome.issued.code), link, qr, purpose: outcome.issued.purpose, expiresAt: outcome.issued.expiresAt.toISOString() } };
}

export default function Account() {
  const { agency, account, purpose } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const locale = useRootData()?.locale ?? "id";
  const when = (value: string | Date) => formatDateTime(locale, value, agency.timeZone);
  const errors: Record<string, string | undefined> = actionData && "errors" in actionData ? actionData.errors : {};
  const confirm = actionData && "confirm" in actionData ? actionData.confirm : null;
  const issued = actionData && "issued" in actionData ? actionData.issued : null;
  const here = `/staf/organisasi/${agency.unitId}/akun/${account.id}`;
  const notice = params.has("baru") ? "accounts.detail.created_notice" : params.has("aktif") ? "accounts.detail.reactivated" : params.has("nonaktif") ? "accounts.detail.deactivatedNotice" : null;
  return (
    <>
      <p className="muted no-print">
        <Link to={`/staf/organisasi/${agency.unitId}/akun`}>← {t("accounts.manage.back")}</Link>
      </p>
      <h1 className={issued ? "no-print" : undefined}>
        {account.displayName} <span className={`badge${account.status === "active" ? " ok" : account.status === "deactivated" ? " danger" : " warn"}`}>{t(`accounts.status.${account.status}`)}</span>
      </h1>
      {notice && !actionData ? (
        <p className="notice ok no-print" role="status">
          {t(notice)}
        </p>
      ) : null}
      {errors._form ? (
        <p className="notice error" role="alert">
          {t(errors._form)}
        </p>
      ) : null}
      {issued ? (
        <section className="card issued-code" aria-labelledby="issued-title">
          <h2 id="issued-title">{t("accounts.issued.title", { name: account.displayName })}</h2>
          <p className="no-print">{t("accounts.issued.once")}</p>
          <div className="slip">
            {/* The SVG comes from the qrcode library, built from our own URL: no user text inside. */}
            <span className="slip-qr" aria-hidden="true" dangerouslySetInnerHTML={{ __html: issued.qr }} />
            <span className="slip-text">
              <span className="slip-label">{t("accounts.issued.code")}</span>
              <strong className="slip-code" data-testid="issued-code">
                {issued.code}
              </strong>
              <span className="slip-where">{t("accounts.sheet.signInWith", { name: account.username ?? account.nip ?? "" })}</span>
              <span className="slip-how">{t("accounts.issued.until", { until: when(issued.expiresAt) })}</span>
            </span>
          </div>
          <p className="small">
            {t("accounts.issued.link")}: <code>{issued.link}</code>
          </p>
        </section>
      ) : null}
      {confirm ? (
        confirm.intent === "deactivate" ? (
          <ConfirmStep request={confirm} title={t("accounts.confirm.deactivateTitle", { name: account.displayName })} confirmLabel={t("accounts.confirm.deactivateYes")} cancelTo={here}>
            <p>{t("accounts.confirm.deactivateWhat")}</p>
          </ConfirmStep>
        ) : (
          <ConfirmStep request={confirm} title={t("accounts.confirm.resetTitle", { name: account.displayName })} confirmLabel={t("accounts.confirm.resetYes")} cancelTo={here}>
            <p>{t("accounts.confirm.resetWhat")}</p>
          </ConfirmStep>
        )
      ) : null}
      <div className="no-print">
        <dl className="facts">
          <dt>{t("accounts.detail.signInWith")}</dt>
          <dd>
            <code>{[...new Set([account.username, account.nip].filter(Boolean))].join(" / ") || "–"}</code>
          </dd>
          {account.officerUnit ? (
            <>
              <dt>{t("accounts.detail.officer")}</dt>
              <dd>{[account.position, account.officerUnit].filter(Boolean).join(", ")}</dd>
            </>
          ) : null}
          <dt>{t("accounts.detail.email")}</dt>
          <dd>{account.email ?? "–"}</dd>
          <dt>{t("accounts.detail.created")}</dt>
          <dd>{when(account.createdAt)}</dd>
          <dt>{t("accounts.detail.passwordChanged")}</dt>
          <dd>{account.passwordChangedAt ? when(account.passwordChangedAt) : t("accounts.detail.never")}</dd>
          <dt>{t("accounts.detail.openCode")}</dt>
          <dd>{account.openCode ? t("accounts.detail.openCodeUntil", { purpose: t(`accounts.purpose.${account.openCode.purpose}`), until: when(account.openCode.expiresAt) }) : t("accounts.detail.noOpenCode")}</dd>
        </dl>
        <h2>{t("accounts.detail.roles")}</h2>
        <ul>
          {account.grants.map((grant) => (
            <li key={grant.grantId}>
              {t(`roles.${grant.role}`)} · {grant.unitName}
            </li>
          ))}
        </ul>
        <p className="muted small">
          {t("accounts.detail.rolesHint")} <Link to="/staf/admin/pengguna">{t("menu.users")}</Link>
        </p>
        {!confirm ? (
          <div className="form-actions">
            {account.active ? (
              <>
                <Form method="post">
                  <input type="hidden" name="intent" value="code" />
                  <button type="submit">{t(purpose === "reset" ? "accounts.detail.issueReset" : "accounts.detail.issueActivation")}</button>
                </Form>
                <Form method="post">
                  <input type="hidden" name="intent" value="deactivate" />
                  <button type="submit" className="danger">
                    {t("accounts.detail.deactivate")}
                  </button>
                </Form>
              </>
            ) : (
              <Form method="post">
                <input type="hidden" name="intent" value="reactivate" />
                <button type="submit">{t("accounts.detail.reactivate")}</button>
              </Form>
            )}
          </div>
        ) : null}
      </div>
    </>
  );
}
