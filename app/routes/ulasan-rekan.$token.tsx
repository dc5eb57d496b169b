import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { peerLinkPage, submitLinkReview } from "~/data/skp/peer-links.server";
import { behaviourReviewOf, behaviourReviewSchema } from "~/domain/peer-reviews";
import { parseForm } from "~/http/forms";
import { readForm } from "~/http/form-body.server";
import { formatDay, formatDayRange } from "~/i18n/format";
import { now } from "~/platform/clock.server";
import { db } from "~/platform/db.server";
import { useRootData } from "~/root";
import { BehaviourReviewFields } from "~/ui/assessments/BehaviourReviewFields";
import { FormMessage } from "~/ui/FormMessage";
import { CITIZEN_PAGE, loadAsDocument } from "~/ui/page-handle";

// A peer without an account reviews an officer's work behaviour through the one-time link the assessor gave
// them: no sign-in, no script needed. Once answered (or expired, or the period's reviews closed) the link only
// says so, with 410; an unknown link answers 404.

export const handle = CITIZEN_PAGE;
export const clientLoader = loadAsDocument;

// The link never travels in a Referer to another site; same-origin keeps the form's Origin for the CSRF check.
export const meta: MetaFunction = () => [{ title: "Penilaian perilaku rekan kerja · Suara" }, { name: "robots", content: "noindex" }, { name: "referrer", content: "same-origin" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const page = await peerLinkPage(db(), params.token ?? "", now());
  const sent = new URL(request.url).searchParams.has("terkirim");
  if (page.state === "open") return { page, sent: false };
  if (page.state === "used" && sent) return { page, sent: true };
  return data({ page, sent: false }, { status: page.state === "unknown" ? 404 : 410 });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const parsed = parseForm(behaviourReviewSchema, await readForm(request));
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const result = await submitLinkReview(db(), token, behaviourReviewOf(parsed.data), now());
  if (!result.ok) return data({ errors: { _form: `assessments.peerLink.dead.${result.state}` }, values: parsed.data }, { status: result.state === "unknown" ? 404 : 410 });
  return redirect(`/ulasan-rekan/${token}?terkirim=1`);
}

export default function PeerLinkReview() {
  const { page, sent } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const locale = useRootData()?.locale ?? "id";
  const errors: Record<string, string | undefined> = actionData?.errors ?? {};
  const values: Record<string, string | undefined> = actionData?.values ?? {};
  if (sent) {
    return (
      <div className="narrow">
        <h1>{t("assessments.peerLink.thanksTitle")}</h1>
        <p className="notice ok">{t("assessments.peerLink.thanks")}</p>
      </div>
    );
  }
  if (page.state !== "open") {
    return (
      <div className="narrow">
        <h1>{t("assessments.peerLink.deadTitle")}</h1>
        <p>{t(`assessments.peerLink.dead.${page.state}`)}</p>
        <p className="muted">{t("assessments.peerLink.deadHelp")}</p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1>{t("assessments.peerLink.title", { name: page.officerName })}</h1>
      <p>{t("assessments.peerLink.greeting", { peer: page.peerName })}</p>
      <dl className="facts">
        <dt>{t("assessments.peerLink.officer")}</dt>
        <dd>
          {page.officerName} · {page.position}
        </dd>
        <dt>{t("assessments.peerLink.unit")}</dt>
        <dd>
          {page.unitName}, {page.agencyName}
        </dd>
        <dt>{t("assessments.peerLink.period")}</dt>
        <dd>{formatDayRange(locale, page.periodStart, page.periodEnd, page.timeZone)}</dd>
        <dt>{t("assessments.peerLink.validUntil")}</dt>
        <dd>{formatDay(locale, page.expiresAt, page.timeZone)}</dd>
      </dl>
      <p className="muted small">{t("assessments.peerLink.privacy")}</p>
      <FormMessage error={errors._form} />
      <form method="post" className="card skp-review" noValidate>
        <BehaviourReviewFields errors={errors} values={values} />
        <p className="muted small">{t("assessments.peerLink.once")}</p>
        <div className="form-actions">
          <button type="submit">{t("assessments.reviews.submit")}</button>
        </div>
      </form>
    </div>
  );
}
