import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { z } from "zod";
import { requireStaffUnit } from "~/auth/guard.server";
import { db } from "~/platform/db.server";
import { contestsWithin, decideContest, exclusionsByPeriod, ratingsForReview, reviewRating, type ReviewStatusFilter } from "~/data/contests.server";
import { pageParam } from "~/domain/paging";
import { Pager } from "~/ui/Pager";
import { formatDateTime, formatMonth, formatNumber } from "~/i18n/format";
import { useRootData } from "~/root";
import { parseForm, idField } from "~/http/forms";
import { readForm } from "~/http/form-body.server";

export const meta: MetaFunction = () => [{ title: "Tinjauan penilaian · Suara" }];

function guard(request: Request, unitIdText: string | undefined) {
  return requireStaffUnit(request, ["supervisor", "admin"], unitIdText);
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { unit } = await guard(request, params.unitId);
  const url = new URL(request.url);
  const statusParam = url.searchParams.get("status") ?? "";
  const status: ReviewStatusFilter = statusParam === "excluded" || statusParam === "all" ? statusParam : "flagged";
  const counterParam = url.searchParams.get("loket") ?? "";
  const counterId = /^\d{1,9}$/.test(counterParam) ? Number(counterParam) : undefined;
  const [queue, contests, exclusions] = await Promise.all([
    ratingsForReview(db(), unit.path, { status, counterId }, pageParam(url.searchParams.get("halaman"))),
    contestsWithin(db(), unit.path),
    exclusionsByPeriod(db(), unit.path),
  ]);
  const counter = queue.counters.some((option) => option.id === counterId) ? String(counterId) : "";
  return { unit: { id: unit.id, name: unit.name, timeZone: unit.timeZone }, queue, ratings: queue.rows, contests, exclusions, filter: { status, counter } };
}

const reasonText = z.string().trim().min(3, "review.reasonRequired").max(500, "form.tooLong");
const schema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("review"), ratingId: idField(), decision: z.enum(["keep", "exclude"]), reason: reasonText }),
  z.object({ intent: z.literal("contest"), contestId: idField(), decision: z.enum(["upheld", "dismissed"]), reason: reasonText }),
]);

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, unit } = await guard(request, params.unitId);
  const form = await readForm(request);
  const parsed = parseForm(schema, form);
  const target = String(form.get("ratingId") ?? form.get("contestId") ?? "");
  if (!parsed.ok) return { errors: parsed.errors, target };
  if (parsed.data.intent === "review") {
    const done = await reviewRating(db(), { ratingId: parsed.data.ratingId, decision: parsed.data.decision, reason: parsed.data.reason, userId: user.id, unitPath: unit.path });
    if (!done.ok && done.reason === "not_found") throw new Response("Not Found", { status: 404 });
    if (!done.ok) return data({ errors: { reason: "review.notFlagged" } as Record<string, string>, target }, { status: 400 });
  } else {
    const { contestId } = parsed.data;
    const contests = await contestsWithin(db(), unit.path);
    if (!contests.some((contest) => contest.id === contestId)) throw new Response("Not Found", { status: 404 });
    await decideContest(db(), { contestId, decision: parsed.data.decision, note: parsed.data.reason, userId: user.id });
  }
  return redirect(`/staf/tinjauan/${unit.id}`);
}

export default function Review() {
  const { unit, queue, ratings, contests, exclusions, filter } = useLoaderData<typeof loader>();
  const location = useLocation();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const locale = useRootData()?.locale ?? "id";
  const errorFor = (id: number) => (actionData?.target === String(id) ? actionData.errors.reason : undefined);
  const scoreText = (r: { kind?: string; quickScore: number | null }) => (r.quickScore ? t(`ratings.faces.${r.quickScore}`) : t("review.fullSurvey"));
  return (
    <>
      <p className="muted">
        <Link to={`/staf/unit/${unit.id}`}>{unit.name}</Link>
      </p>
      <h1>{t("review.title")}</h1>
      <p className="muted">{t("review.intro")}</p>
      <h2>{t("review.flaggedTitle")}</h2>
      <Form method="get" className="card filter-row" style={{ display: "flex", flexWrap: "wrap", gap: "8px 16px", alignItems: "flex-end" }}>
        <div>
          <label htmlFor="status">{t("review.queue.filterStatus")}</label>
          <select id="status" name="status" defaultValue={filter.status}>
            <option value="flagged">{t("review.queue.statusFlagged")}</option>
            <option value="excluded">{t("review.queue.statusExcluded")}</option>
            <option value="all">{t("review.queue.statusAll")}</option>
          </select>
        </div>
        {queue.counters.length > 1 ? (
          <div>
            <label htmlFor="loket">{t("review.queue.filterCounter")}</label>
            <select id="loket" name="loket" defaultValue={filter.counter}>
              <option value="">{t("review.queue.allCounters")}</option>
              {queue.counters.map((option) => (
                <option key={option.id} value={option.id}>
                  {option.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <button type="submit" className="secondary">
          {t("review.queue.apply")}
        </button>
      </Form>
      <p className="muted small" role="status">
        {t("review.queue.count", { count: queue.total })}
      </p>
      {ratings.length === 0 ? (
        <p className="notice">{t({ flagged: "review.none", excluded: "review.noneExcluded", all: "review.noneAll" }[filter.status])}</p>
      ) : null}
      {ratings.length > 0 ? (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("review.when")}</th>
                <th scope="col">{t("review.counter")}</th>
                <th scope="col">{t("review.officer")}</th>
                <th scope="col">{t("review.rating")}</th>
                <th scope="col">{t("review.why")}</th>
                <th scope="col">{t("review.decision")}</th>
              </tr>
            </thead>
            <tbody>
              {ratings.map((rating) => (
                <tr key={rating.id}>
                  <td className="nowrap">{formatDateTime(locale, rating.submittedAt, unit.timeZone)}</td>
                  <td>{rating.counterName}</td>
                  <td>{rating.officerName ?? "–"}</td>
                  <td>
                    {scoreText(rating)}
                    {rating.comment ? <div className="small muted">“{rating.comment}”</div> : null}
                  </td>
                  <td>
                    {rating.flagReasons.map((reason) => (
                      <span key={reason} className="badge warn">
                        {t(`review.flags.${reason}`)}
                      </span>
                    ))}
                  </td>
                  <td>
                    {rating.status === "excluded" ? (
                      <p className="small">
                        <span className="badge danger">{t("review.excluded")}</span> {rating.statusReason}
                      </p>
                    ) : null}
                    <Form method="post" className="inline-decision">
                      <input type="hidden" name="intent" value="review" />
                      <input type="hidden" name="ratingId" value={rating.id} />
                      <label htmlFor={`reason-${rating.id}`} className="visually-hidden">
                        {t("review.reason")}
                      </label>
                      <input id={`reason-${rating.id}`} name="reason" type="text" placeholder={t("review.reason")} aria-invalid={errorFor(rating.id) ? true : undefined} />
                      {errorFor(rating.id) ? <p className="field-error">{t(errorFor(rating.id)!)}</p> : null}
                      <button type="submit" name="decision" value="keep" className="secondary small-button">
                        {t("review.keep")}
                      </button>
                      {rating.status === "flagged" ? (
                        <button type="submit" name="decision" value="exclude" className="danger small-button">
                          {t("review.exclude")}
                        </button>
                      ) : null}
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <Pager page={queue.page} pageCount={queue.pageCount} total={queue.total} search={location.search} />
      <h2>{t("review.exclusionsTitle")}</h2>
      <p className="muted small">{t("review.exclusionsIntro")}</p>
      {exclusions.length === 0 ? <p className="notice">{t("review.noExclusions")}</p> : null}
      {exclusions.length > 0 ? (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("review.month")}</th>
                <th scope="col">{t("review.excludedBy")}</th>
                <th scope="col" className="num">{t("review.excludedCount")}</th>
              </tr>
            </thead>
            <tbody>
              {exclusions.map((row) => (
                <tr key={`${row.month}-${row.reviewer}`}>
                  <td>{formatMonth(locale, `${row.month}-01`, unit.timeZone)}</td>
                  <td>{row.reviewer || t("review.reviewerUnknown")}</td>
                  <td className="num">{formatNumber(locale, row.excluded)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <h2>{t("review.contestsTitle")}</h2>
      {contests.length === 0 ? <p className="notice">{t("review.noContests")}</p> : null}
      {contests.length > 0 ? (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("review.officer")}</th>
                <th scope="col">{t("review.rating")}</th>
                <th scope="col">{t("review.contestReason")}</th>
                <th scope="col">{t("review.status")}</th>
                <th scope="col">{t("review.decision")}</th>
              </tr>
            </thead>
            <tbody>
              {contests.map((contest) => (
                <tr key={contest.id}>
                  <td>{contest.officerName}</td>
                  <td>
                    {scoreText(contest)}
                    {contest.comment ? <div className="small muted">“{contest.comment}”</div> : null}
                  </td>
                  <td>
                    <strong>{t(`review.contestKinds.${contest.reasonKind}`)}</strong>: {contest.reasonText}
                  </td>
                  <td>
                    <span className={contest.status === "open" ? "badge warn" : "badge"}>{t(`review.contestStatus.${contest.status}`)}</span>
                    {contest.decisionNote ? <div className="small">{contest.decisionNote}</div> : null}
                  </td>
                  <td>
                    <Form method="post" className="inline-decision">
                      <input type="hidden" name="intent" value="contest" />
                      <input type="hidden" name="contestId" value={contest.id} />
                      <label htmlFor={`contest-reason-${contest.id}`} className="visually-hidden">
                        {t("review.reason")}
                      </label>
                      <input id={`contest-reason-${contest.id}`} name="reason" type="text" placeholder={t("review.reason")} />
                      {actionData?.target === String(contest.id) && actionData.errors.reason ? <p className="field-error">{t(actionData.errors.reason)}</p> : null}
                      <button type="submit" name="decision" value="upheld" className="secondary small-button">
                        {contest.status === "upheld" ? t("review.upholdAgain") : t("review.uphold")}
                      </button>
                      <button type="submit" name="decision" value="dismissed" className="secondary small-button">
                        {contest.status === "upheld" ? t("review.reverse") : t("review.dismiss")}
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
