import { randomBytes, randomInt } from "node:crypto";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { z } from "zod";
import { requireUnitRole } from "~/auth/guard.server";
import { endSession } from "~/auth/session.server";
import { now } from "~/platform/clock.server";
import { db } from "~/platform/db.server";
import { counterForStaff, issueVisitCodes, openKiosk, refusalsOf, visitCodesOf } from "~/data/ratings.server";
import { localDateOf } from "~/domain/working-days";
import { parseForm } from "~/http/forms";
import { unitIdParam } from "~/http/params";
import { publicBaseUrl } from "~/http/public-url.server";
import { kioskCookie } from "~/http/rating-request.server";
import { confirmationFor } from "~/http/confirm";
import { formatDay } from "~/i18n/format";
import { useRootData } from "~/root";
import { ConfirmStep } from "~/ui/ConfirmStep";
import { pageTitle } from "~/ui/page-title";
import { readForm } from "~/http/form-body.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => [{ title: pageTitle(matches, "counterAdmin.title", data?.counter.name) }];

async function guardedCounter(request: Request, counterIdText: string | undefined) {
  const counter = await counterForStaff(db(), unitIdParam(counterIdText));
  if (!counter) throw new Response("Not Found", { status: 404 });
  const user = await requireUnitRole(request, ["supervisor", "admin"], counter.unitId);
  return { counter, user };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { counter } = await guardedCounter(request, params.counterId);
  const today = localDateOf(now(), counter.timeZone);
  const [codes, refusals] = await Promise.all([visitCodesOf(db(), counter.id, today), refusalsOf(db(), counter.id, today)]);
  return { counter, today, codes, refusals, publicUrl: `${publicBaseUrl(request)}/l/${counter.publicCode}` };
}

const actionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("kiosk") }),
  z.object({ intent: z.literal("codes"), count: z.coerce.number().int().min(1, "form.invalid").max(500, "form.invalid") }),
]);

export async function action({ request, params }: ActionFunctionArgs) {
  const { counter, user } = await guardedCounter(request, params.counterId);
  const form = await readForm(request);
  const parsed = parseForm(actionSchema, form);
  if (!parsed.ok) return data({ errors: parsed.errors, confirm: null }, { status: 400 });
  if (parsed.data.intent === "kiosk") {
    // Signing out on this device is asked about first: the supervisor must sign in again to leave kiosk mode.
    const confirm = confirmationFor(form);
    if (confirm) return { errors: {} as Record<string, string>, confirm };
    // The tablet becomes a kiosk: the supervisor's own session ends on it, so no staff identity stays behind.
    const token = randomBytes(24).toString("base64url");
    await openKiosk(db(), counter.id, user.id, token);
    const signedOut = await endSession(request);
    const headers = new Headers();
    headers.append("Set-Cookie", signedOut.headers.get("Set-Cookie") ?? "");
    headers.append("Set-Cookie", await kioskCookie.serialize(token));
    return redirect(`/l/${counter.publicCode}/kiosk`, { headers });
  }
  await issueVisitCodes(db(), counter.id, localDateOf(now(), counter.timeZone), parsed.data.count, user.id, (max) => randomInt(max));
  return redirect(`/staf/loket/${counter.id}`);
}

export default function StaffCounter() {
  const { counter, today, codes, refusals, publicUrl } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const locale = useRootData()?.locale ?? "id";
  const { t } = useTranslation();
  return (
    <>
      <p className="muted">
        <Link to={`/staf/unit/${counter.unitId}`}>{counter.unitName}</Link> · {counter.agencyName}
      </p>
      <h1>{counter.name}</h1>
      <dl className="facts">
        <dt>{t("counterAdmin.publicUrl")}</dt>
        <dd>
          <a href={publicUrl}>{publicUrl}</a>
        </dd>
      </dl>
      <div className="form-actions">
        <a className="button" href={`/staf/loket/${counter.id}/poster.svg`} download={`poster-${counter.publicCode}.svg`}>
          {t("counterAdmin.poster")}
        </a>
        <Form method="post">
          <input type="hidden" name="intent" value="kiosk" />
          <button type="submit" className="secondary">
            {t("counterAdmin.openKiosk")}
          </button>
        </Form>
      </div>
      <p className="hint">{t("counterAdmin.kioskHint")}</p>
      {actionData?.confirm ? (
        <ConfirmStep request={actionData.confirm} title={t("counterAdmin.kioskConfirm.title", { counter: counter.name })} confirmLabel={t("counterAdmin.kioskConfirm.yes")} cancelTo={`/staf/loket/${counter.id}`} reloadDocument>
          <p>{t("counterAdmin.kioskConfirm.what")}</p>
        </ConfirmStep>
      ) : null}

      <h2>{t("counterAdmin.codesTitle")}</h2>
      <p className="muted">{t("counterAdmin.codesHint")}</p>
      <Form method="post" className="search-row narrow">
        <input type="hidden" name="intent" value="codes" />
        <label htmlFor="count" className="visually-hidden">
          {t("counterAdmin.howMany")}
        </label>
        <input id="count" name="count" type="number" min={1} max={500} defaultValue={50} />
        <button type="submit">{t("counterAdmin.issue")}</button>
      </Form>
      {codes.length > 0 ? (
        <p>
          <Link to={`/staf/loket/${counter.id}/slip`}>{t("counterAdmin.slipsLink")}</Link>
        </p>
      ) : null}
      {codes.length > 0 ? (
        <div className="table-wrap" tabIndex={0}>
          <table>
            <caption className="small muted">{t("counterAdmin.codesFor", { day: formatDay(locale, today) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("counterAdmin.code")}</th>
                <th scope="col">{t("counterAdmin.link")}</th>
                <th scope="col">{t("counterAdmin.status")}</th>
              </tr>
            </thead>
            <tbody>
              {codes.map((code) => (
                <tr key={code.code}>
                  <td className="nowrap">
                    <code>{code.code}</code>
                  </td>
                  <td className="small">
                    {publicUrl}?v={code.code}
                  </td>
                  <td>{code.usedAt ? t("counterAdmin.used") : t("counterAdmin.unused")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <h2>{t("counterAdmin.refusedTitle")}</h2>
      {refusals.length === 0 ? (
        <p className="muted">{t("counterAdmin.noRefusals")}</p>
      ) : (
        <ul>
          {refusals.map((refusal) => (
            <li key={refusal.reason}>{t(`counterAdmin.refusal.${refusal.reason}`, { count: refusal.count })}</li>
          ))}
        </ul>
      )}
    </>
  );
}
