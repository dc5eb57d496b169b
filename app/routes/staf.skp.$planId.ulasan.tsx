import { data as respond, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { z } from "zod";
import { notFound, requireUser } from "~/auth/guard.server";
import { now } from "~/platform/clock.server";
import { db } from "~/platform/db.server";
import { planAccess, reviewKindFor } from "~/data/skp/access.server";
import { changePeer, submitReview } from "~/data/skp/period.server";
import { peerCandidates, planDetail, planHeader } from "~/data/skp/queries.server";
import { BERAKHLAK_VALUES, RATINGS } from "~/domain/berakhlak";
import { behaviourReviewOf, behaviourReviewSchema, PEER_LINK_VALID_DAYS, peerInviteSchema, reviewsForOfficer } from "~/domain/peer-reviews";
import { invitePeerByLink, peerLinkPath, peerLinksOf } from "~/data/skp/peer-links.server";
import { publicBaseUrl } from "~/http/public-url.server";
import { formatDay } from "~/i18n/format";
import { Field } from "~/ui/Field";
import { BehaviourReviewFields } from "~/ui/assessments/BehaviourReviewFields";
import { parseForm, idField } from "~/http/forms";
import { unitIdParam } from "~/http/params";
import { PlanHeader, useLocale } from "~/ui/skp";
import { SelectField } from "~/ui/SelectField";
import { FormMessage } from "~/ui/FormMessage";
import { planHasAssessment } from "~/data/assessments/versions.server";
import { readForm } from "~/http/form-body.server";

export const meta: MetaFunction = () => [{ title: "Penilaian perilaku 360° · Suara" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const found = await planAccess(db(), user, unitIdParam(params.planId), { allowPeers: true });
  if (!found) throw notFound();
  const { plan, access } = found;
  const [header, detail, kind, assessed] = await Promise.all([
    planHeader(db(), plan),
    planDetail(db(), plan.id),
    reviewKindFor(db(), user, { id: plan.id, officer_id: plan.officerId }),
    planHasAssessment(db(), plan.id),
  ]);
  const mine = detail.reviews.filter((review) => review.reviewerId === user.officerId);
  // A peer sees only their own form, never the others' reviews nor the officer's records.
  const seesAll = access.canView;
  // The reviewed officer sees the peers only as counts, and only once 3 answered (app/domain/peer-reviews.ts).
  const forOfficer = access.self ? reviewsForOfficer(detail.reviews) : null;
  return {
    peerSummary: forOfficer?.peers ?? null,
    header,
    seesAll,
    kind,
    mayReview: kind !== null && mine.length === 0 && plan.status === "approved" && !assessed,
    mine,
    reviews: forOfficer ? forOfficer.individual : seesAll ? detail.reviews : [],
    peers: seesAll && !forOfficer ? detail.peers : [],
    reviewedPeerIds: forOfficer ? [] : [...new Set(detail.reviews.filter((r) => r.kind === "peer").map((r) => r.reviewerId))],
    candidates: access.assessor && !assessed ? await peerCandidates(db(), plan, user.officerId) : [],
    choosePeers: access.assessor && !assessed,
    // Peers invited through a link: their names only for the supervisors, never for the officer reviewed.
    peerLinks: seesAll && !forOfficer ? await peerLinksOf(db(), plan.id, now()) : [],
    mayInvite: access.assessor && !assessed && plan.status === "approved",
    timeZone: header.timeZone,
  };
}

const reviewSchema = behaviourReviewSchema;
const peerSchema = z.object({
  intent: z.enum(["addPeer", "removePeer"]),
  peerOfficerId: idField(),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const planId = unitIdParam(params.planId);
  const form = await readForm(request);
  if (form.get("intent") === "review") {
    const parsed = parseForm(reviewSchema, form);
    if (!parsed.ok) return { errors: parsed.errors, values: parsed.values };
    if (!(await planAccess(db(), user, planId, { allowPeers: true }))) throw notFound();
    const result = await submitReview(db(), user, planId, behaviourReviewOf(parsed.data));
    if (!result.ok) return { errors: { _form: `assessments.errors.${result.reason}` }, values: parsed.data };
    return redirect(`/staf/skp/${planId}/ulasan`);
  }
  if (form.get("intent") === "inviteLink") {
    const parsed = parseForm(peerInviteSchema, form);
    if (!parsed.ok) return respond({ errors: parsed.errors, values: parsed.values }, { status: 400 });
    if (!(await planAccess(db(), user, planId))) throw notFound();
    const result = await invitePeerByLink(db(), user, planId, { name: parsed.data.peerName, email: parsed.data.peerEmail }, { now: now(), baseUrl: publicBaseUrl(request) });
    if (!result.ok) return respond({ errors: { _form: `assessments.errors.${result.reason}` }, values: parsed.data }, { status: 409 });
    // The link is shown this once: only its hash is kept.
    return {
      invited: { name: parsed.data.peerName, link: `${publicBaseUrl(request)}${peerLinkPath(result.token)}`, expiresAt: result.expiresAt.toISOString(), mailed: result.mailed },
    };
  }
  const parsed = parseForm(peerSchema, form);
  if (!parsed.ok) return { errors: parsed.errors, values: parsed.values };
  if (!(await planAccess(db(), user, planId))) throw notFound();
  const result = await changePeer(db(), user, planId, {
    action: parsed.data.intent === "addPeer" ? "add" : "remove",
    peerOfficerId: parsed.data.peerOfficerId,
  }, now());
  if (!result.ok) return { errors: { _form: `assessments.errors.${result.reason}` }, values: {} };
  return redirect(`/staf/skp/${planId}/ulasan`);
}

export default function ReviewsPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const locale = useLocale();
  const errors: Record<string, string | undefined> = (actionData && "errors" in actionData ? actionData.errors : undefined) ?? {};
  const values: Record<string, string | undefined> = ((actionData && "values" in actionData ? actionData.values : undefined) ?? {}) as Record<string, string | undefined>;
  const invited = actionData && "invited" in actionData ? actionData.invited : null;
  const reviewers = [
    ...new Map(
      data.reviews.map((r) => [r.reviewerKey, { key: r.reviewerKey, name: r.reviewerName, kind: r.kind, viaLink: r.viaLink }]),
    ).values(),
  ];
  return (
    <>
      {data.seesAll ? (
        <PlanHeader plan={data.header} current="reviews" />
      ) : (
        <h1>{t("assessments.reviews.peerTitle", { name: data.header.officerName })}</h1>
      )}
      <p className="muted small">{t("assessments.reviews.intro")}</p>
      <FormMessage error={errors._form} />

      {data.mayReview && data.kind ? (
        <Form method="post" className="card skp-review" noValidate>
          <h2>{t("assessments.reviews.yourReview", { kind: t(`assessments.reviews.kind.${data.kind}`) })}</h2>
          <input type="hidden" name="intent" value="review" />
          <BehaviourReviewFields errors={errors} values={values} />
          <div className="form-actions">
            <button type="submit">{t("assessments.reviews.submit")}</button>
          </div>
        </Form>
      ) : data.mine.length > 0 ? (
        <p className="notice ok">{t("assessments.reviews.done")}</p>
      ) : !data.seesAll ? (
        <p className="notice">{t("assessments.reviews.notOpen")}</p>
      ) : null}

      {data.seesAll ? (
        <>
          <h2 id="peers-title">{t("assessments.reviews.peers")}</h2>
          <p className="muted small">{t("assessments.reviews.peersHint")}</p>
          {data.peers.length === 0 ? <p className="muted">{t("assessments.reviews.noPeers")}</p> : null}
          <ul>
            {data.peers.map((peer) => (
              <li key={peer.id}>
                {peer.name} <span className="muted small">({peer.position})</span>{" "}
                {data.reviewedPeerIds.includes(peer.id) ? (
                  <span className="badge ok">{t("assessments.reviews.peerDone")}</span>
                ) : data.choosePeers ? (
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="removePeer" />
                    <input type="hidden" name="peerOfficerId" value={peer.id} />
                    <button
                      type="submit"
                      className="secondary small-button"
                      aria-label={t("assessments.reviews.removePeerNamed", { name: peer.name })}
                    >
                      {t("assessments.reviews.removePeer")}
                    </button>
                  </Form>
                ) : (
                  <span className="badge warn">{t("assessments.reviews.peerWaiting")}</span>
                )}
              </li>
            ))}
          </ul>
          {data.choosePeers && data.candidates.length > 0 ? (
            <Form method="post" className="card">
              <input type="hidden" name="intent" value="addPeer" />
              <SelectField
                name="peerOfficerId"
                label={t("assessments.reviews.choosePeer")}
                options={data.candidates
                  .filter((c) => !data.peers.some((p) => p.id === c.id))
                  .map((c) => ({ value: String(c.id), label: `${c.name} · ${c.position}` }))}
              />
              <div className="form-actions">
                <button type="submit">{t("assessments.reviews.addPeer")}</button>
              </div>
            </Form>
          ) : null}

          {data.peerLinks.length > 0 || data.mayInvite ? (
            <section aria-labelledby="peer-links-title">
              <h3 id="peer-links-title">{t("assessments.reviews.links.title")}</h3>
              <p className="muted small">{t("assessments.reviews.links.hint", { days: PEER_LINK_VALID_DAYS })}</p>
              {invited ? (
                <div className="notice ok" role="status">
                  <p>{t(invited.mailed ? "assessments.reviews.links.createdMailed" : "assessments.reviews.links.created", { name: invited.name, date: formatDay(locale, invited.expiresAt, data.timeZone) })}</p>
                  <label htmlFor="peer-link-once">{t("assessments.reviews.links.copyOnce")}</label>
                  <input id="peer-link-once" type="text" readOnly value={invited.link} className="peer-link-once" />
                </div>
              ) : null}
              {data.peerLinks.length > 0 ? (
                <ul>
                  {data.peerLinks.map((link) => (
                    <li key={link.id}>
                      {link.name}
                      {link.email ? <span className="muted small"> ({link.email})</span> : null}{" "}
                      <span className={`badge ${link.state === "used" ? "ok" : link.state === "open" ? "warn" : ""}`}>
                        {t(`assessments.reviews.links.state.${link.state}`, { date: formatDay(locale, link.expiresAt, data.timeZone) })}
                      </span>
                    </li>
                  ))}
                </ul>
              ) : null}
              {data.mayInvite ? (
                <Form method="post" className="card" noValidate key={invited?.link ?? "invite"}>
                  <input type="hidden" name="intent" value="inviteLink" />
                  <Field name="peerName" label={t("assessments.reviews.links.name")} maxLength={120} required defaultValue={invited ? "" : values.peerName} error={errors.peerName ? t(errors.peerName) : undefined} />
                  <Field
                    name="peerEmail"
                    type="email"
                    label={t("assessments.reviews.links.email")}
                    hint={t("assessments.reviews.links.emailHint")}
                    maxLength={254}
                    defaultValue={invited ? "" : (values.peerEmail ?? undefined)}
                    error={errors.peerEmail ? t(errors.peerEmail) : undefined}
                  />
                  <div className="form-actions">
                    <button type="submit">{t("assessments.reviews.links.create")}</button>
                  </div>
                </Form>
              ) : null}
            </section>
          ) : null}

          {data.peerSummary ? (
            data.peerSummary.kind === "withheld" ? (
              <p className="muted">{t("assessments.reviews.peersWithheld", { answered: data.peerSummary.answered, minimum: data.peerSummary.minimum })}</p>
            ) : (
              <div className="table-wrap" tabIndex={0}>
                <table aria-label={t("assessments.reviews.peersSummary", { answered: data.peerSummary.answered })}>
                  <caption>{t("assessments.reviews.peersSummary", { answered: data.peerSummary.answered })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("assessments.plan.value")}</th>
                      {RATINGS.map((rating) => (
                        <th scope="col" key={rating}>{t(`assessments.rating.${rating}`)}</th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {BERAKHLAK_VALUES.map((value) => (
                      <tr key={value}>
                        <th scope="row">{t(`assessments.values.${value}`)}</th>
                        {RATINGS.map((rating) => (
                          <td key={rating}>{data.peerSummary?.kind === "shown" ? (data.peerSummary.counts[value]?.[rating] ?? 0) : 0}</td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )
          ) : null}
          <h2 id="reviews-title">{t("assessments.reviews.table")}</h2>
          {reviewers.length === 0 ? (
            <p className="muted">{t("assessments.reviews.none")}</p>
          ) : (
            <div className="table-wrap" tabIndex={0}>
              <table aria-labelledby="reviews-title">
                <thead>
                  <tr>
                    <th scope="col">{t("assessments.plan.value")}</th>
                    {reviewers.map((reviewer) => (
                      <th scope="col" key={reviewer.key}>
                        {reviewer.viaLink ? t("assessments.reviews.kind.peerLink") : t(`assessments.reviews.kind.${reviewer.kind}`)}
                        <span className="muted small skp-block">{reviewer.name}</span>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {BERAKHLAK_VALUES.map((value) => (
                    <tr key={value}>
                      <th scope="row">{t(`assessments.values.${value}`)}</th>
                      {reviewers.map((reviewer) => {
                        const review = data.reviews.find((r) => r.reviewerKey === reviewer.key && r.value === value);
                        return (
                          <td key={reviewer.key}>
                            {review ? (
                              <>
                                <strong>{t(`assessments.rating.${review.rating}`)}</strong>
                                <span className="small skp-block">{review.justification}</span>
                              </>
                            ) : (
                              "–"
                            )}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      ) : null}
    </>
  );
}
