import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import QRCode from "qrcode";
import { z } from "zod";
import { requireAgencyAdmin } from "~/auth/guard.server";
import { accountsWithin, issueActivationSheet } from "~/data/accounts.server";
import { unitsUnder } from "~/data/organisation.server";
import { formatCode } from "~/domain/accounts";
import { confirmationFor } from "~/http/confirm";
import { parseForm } from "~/http/forms";
import { publicBaseUrl } from "~/http/public-url.server";
import { formatDay } from "~/i18n/format";
import { useTranslation } from "~/i18n/react";
import { now } from "~/platform/clock.server";
import { db } from "~/platform/db.server";
import { useRootData } from "~/root";
import { ConfirmStep } from "~/ui/ConfirmStep";
import { pageTitle } from "~/ui/page-title";
import { readForm } from "~/http/form-body.server";

// A printable sheet of activation codes for officers without e-mail: one slip per account awaiting activation
// (of the whole agency or one unit and those below it), with the code, the sign-in name and a QR of the link.
// Making the sheet voids the earlier unused codes of those accounts, so it asks first.
export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "accounts.sheet.title") }];

async function scope(request: Request, unitIdText: string | undefined, chosen: string | null) {
  const { user, unit } = await requireAgencyAdmin(request, unitIdText);
  const units = await unitsUnder(db(), [unit.path]);
  const picked = units.find((row) => String(row.id) === chosen) ?? null;
  const awaiting = await accountsWithin(db(), [picked?.path ?? unit.path], { q: "", status: "awaiting_activation" });
  return { user, unit, units, picked, awaiting };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { unit, units, picked, awaiting } = await scope(request, params.unitId, new URL(request.url).searchParams.get("unit"));
  return { agency: { unitId: unit.id, name: unit.agencyName }, units: units.map((row) => ({ id: row.id, name: row.name })), picked: picked?.id ?? null, count: awaiting.length };
}

const sheetSchema = z.object({ unit: z.string().max(12).optional() });

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  const parsed = parseForm(sheetSchema, form);
  if (!parsed.ok) return data({ errors: parsed.errors }, { status: 400 });
  const { user, unit, awaiting } = await scope(request, params.unitId, parsed.data.unit ?? null);
  const confirm = confirmationFor(form);
  if (confirm) return { confirm };
  const sheet = await issueActivationSheet(db(), user.id, awaiting.map((row) => row.userId), now());
  const base = `${publicBaseUrl(request)}/aktivasi`;
  const slips = await Promise.all(
    sheet.map(async (entry) => ({
      userId: entry.userId,
      name: entry.displayName,
      signIn: entry.username ?? entry.nip ?? "",
      unitName: entry.unitName,
      code: formatCode(entry.code),
      qr: await QRCode.toString(`${base}?kode=${entry.code}`, { type: "svg", errorCorrectionLevel: "M", margin: 1 }),
    })),
  );
  return { sheet: { slips, address: base, expiresAt: sheet[0]?.expiresAt.toISOString() ?? null, timeZone: unit.timeZone } };
}

export default function ActivationSheet() {
  const { agency, units, picked, count } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const locale = useRootData()?.locale ?? "id";
  const confirm = actionData && "confirm" in actionData ? actionData.confirm : null;
  const sheet = actionData && "sheet" in actionData ? actionData.sheet : null;
  const here = `/staf/organisasi/${agency.unitId}/akun/lembar${picked ? `?unit=${picked}` : ""}`;
  return (
    <>
      <div className="no-print">
        <p className="muted">
          <Link to={`/staf/organisasi/${agency.unitId}/akun`}>← {t("accounts.manage.back")}</Link>
        </p>
        <h1>{t("accounts.sheet.title")}</h1>
        <p>{t("accounts.sheet.intro", { count })}</p>
        <Form method="get" className="search-row">
          <label htmlFor="unit">{t("accounts.sheet.unit")}</label>
          <select id="unit" name="unit" defaultValue={picked ?? ""}>
            <option value="">{t("accounts.sheet.allUnits")}</option>
            {units.map((unit) => (
              <option key={unit.id} value={unit.id}>
                {unit.name}
              </option>
            ))}
          </select>
          <button type="submit" className="secondary">
            {t("accounts.sheet.show")}
          </button>
        </Form>
        {confirm ? (
          <ConfirmStep request={confirm} title={t("accounts.confirm.sheetTitle", { count })} confirmLabel={t("accounts.confirm.sheetYes")} cancelTo={here} danger={false}>
            <p>{t("accounts.confirm.sheetWhat")}</p>
          </ConfirmStep>
        ) : null}
        {!confirm && !sheet && count > 0 ? (
          <Form method="post">
            {picked ? <input type="hidden" name="unit" value={picked} /> : null}
            <div className="form-actions">
              <button type="submit">{t("accounts.sheet.make")}</button>
            </div>
          </Form>
        ) : null}
        {count === 0 && !sheet ? <p>{t("accounts.sheet.none")}</p> : null}
        {sheet ? <p className="hint">{t("accounts.sheet.howToPrint")}</p> : null}
      </div>
      {sheet ? (
        <ul className="slips account-slips" aria-label={t("accounts.sheet.listLabel")}>
          {sheet.slips.map((slip) => (
            <li key={slip.userId} className="slip">
              {/* The SVG comes from the qrcode library, built from our own URL: no user text inside. */}
              <span className="slip-qr" aria-hidden="true" dangerouslySetInnerHTML={{ __html: slip.qr }} />
              <span className="slip-text">
                <strong>{slip.name}</strong>
                <span className="slip-where">{t("accounts.sheet.signInWith", { name: slip.signIn })}</span>
                <span className="slip-label">{t("accounts.sheet.label")}</span>
                <strong className="slip-code">{slip.code}</strong>
                {sheet.expiresAt ? <span className="slip-where">{t("accounts.issued.until", { until: formatDay(locale, sheet.expiresAt, sheet.timeZone) })}</span> : null}
                <span className="slip-how">{t("accounts.sheet.scan", { address: sheet.address })}</span>
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
