import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { useRef } from "react";
import { useTranslation } from "~/i18n/react";
import { z } from "zod";
import { requireStaffUnit } from "~/auth/guard.server";
import { db } from "~/platform/db.server";
import { contestsWithin, decideContest, exclusionsByPeriod, MAX_BULK_REVIEW, ratingsForReview, reviewRating, reviewRatings, reviewSelection, type ReviewStatusFilter } from "~/data/contests.server";
import { confirmationFor, confirmField, type ConfirmRequest } from "~/http/confirm";
import { ConfirmStep } from "~/ui/ConfirmStep";
import { pageParam } from "~/domain/paging";
import { Pager } from "~/ui/Pager";
import { formatDateTime, formatMonth, formatNumber } from "~/i18n/format";
import { useRootData } from "~/root";
import { parseForm, idField } from "~/http/forms";
import { idFromText } from "~/http/params";
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
  const counterId = idFromText(url.searchParams.get("loket")) ?? undefined;
  const search = (url.searchParams.get("q") ?? "").trim().slice(0, 100);
  // After a decision the page says how many ratings it moved (a count, read like an id: a positive integer).
  const decided = idFromText(url.searchParams.get("diputuskan"));
  const decision = url.searchParams.get("keputusan");
  const done = decided !== null && (decision === "keep" || decision === "exclude") ? { count: decided, decision } : null;
  const [queue, contests, exclusions] = await Promise.all([
    ratingsForReview(db(), unit.path, { status, counterId, search }, pageParam(url.searchParams.get("halaman"))),
    contestsWithin(db(), unit.path),
    exclusionsByPeriod(db(), unit.path),
  ]);
  const counter = queue.counters.some((option) => option.id === counterId) ? String(counterId) : "";
  return { unit: { id: unit.id, name: unit.name, timeZone: unit.timeZone }, queue, ratings: queue.rows, contests, exclusions, filter: { status, counter, search }, done };
}

const reasonText = z.string().trim().min(3, "review.reasonRequired").max(500, "form.tooLong");
const schema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("review"), ratingId: idField(), decision: z.enum(["keep", "exclude"]), reason: reasonText }),
  z.object({ intent: z.literal("contest"), contestId: idField(), decision: z.enum(["upheld", "dismissed"]), reason: reasonText }),
]);

const idList = z.preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(idField()).max(MAX_BULK_REVIEW, "review.bulk.tooMany"));
const bulkSchema = z.object({
  intent: z.literal("bulk"),
  decision: z.enum(["keep", "exclude"], { message: "review.bulk.decisionRequired" }),
  reason: reasonText,
  ratingId: idList,
  pageIds: idList,
  allOnPage: z.literal("yes").optional(),
});

type ActionData = { errors: Record<string, string>; target: string; confirm?: ConfirmRequest; selection?: { counterName: string; ratings: number }[] };

/** The review page's own address with its filters, for the answer to a decision. */
function backTo(request: Request, done?: { count: number; decision: string }): string {
  const url = new URL(request.url);
  const params = new URLSearchParams(url.search);
  params.delete("diputuskan");
  params.delete("keputusan");
  params.delete("index");
  if (done) {
    params.delete("halaman");
    params.set("diputuskan", String(done.count));
    params.set("keputusan", done.decision);
  }
  const query = params.toString();
  return query ? `${url.pathname}?${query}` : url.pathname;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, unit } = await guard(request, params.unitId);
  const form = await readForm(request);
  if (form.get("intent") === "bulk") {
    // Several ratings of a burst at once, with one reason: the ticked ones, or every one the page showed.
    const parsed = parseForm(bulkSchema, form);
    if (!parsed.ok) return data<ActionData>({ errors: parsed.errors, target: "bulk" }, { status: 400 });
    const ids = [...new Set(parsed.data.allOnPage === "yes" ? parsed.data.pageIds : parsed.data.ratingId)];
    if (ids.length === 0) return data<ActionData>({ errors: { ratingId: "review.bulk.noneSelected" }, target: "bulk" }, { status: 400 });
    const selection = await reviewSelection(db(), unit.path, ids);
    if (selection.reduce((sum, row) => sum + row.ratings, 0) !== ids.length) throw new Response("Not Found", { status: 404 });
    // Both are asked first: excluding takes many ratings out of the figures at once, and keeping cannot be undone
    // here (a rating judged valid never leaves the figures by a reviewer's choice, reviewTransition).
    const confirm = confirmationFor(form);
    if (confirm) return data<ActionData>({ errors: {}, target: "bulk", confirm, selection });
    const done = await reviewRatings(db(), { ratingIds: ids, decision: parsed.data.decision, reason: parsed.data.reason, userId: user.id, unitPath: unit.path });
    if (!done.ok && done.reason === "not_found") throw new Response("Not Found", { status: 404 });
    if (!done.ok) return data<ActionData>({ errors: { ratingId: parsed.data.decision === "exclude" ? "review.bulk.notFlagged" : "review.bulk.changed" }, target: "bulk" }, { status: 409 });
    return redirect(backTo(request, { count: done.decided, decision: parsed.data.decision }));
  }
  const parsed = parseForm(schema, form);
  const target = String(form.get("ratingId") ?? form.get("contestId") ?? "");
  if (!parsed.ok) return data<ActionData>({ errors: parsed.errors, target }, { status: 400 });
  if (parsed.data.intent === "review") {
    const done = await reviewRating(db(), { ratingId: parsed.data.ratingId, decision: parsed.data.decision, reason: parsed.data.reason, userId: user.id, unitPath: unit.path });
    if (!done.ok && done.reason === "not_found") throw new Response("Not Found", { status: 404 });
    if (!done.ok) return data<ActionData>({ errors: { reason: "review.notFlagged" }, target }, { status: 400 });
  } else {
    const { contestId } = parsed.data;
    const contests = await contestsWithin(db(), unit.path);
    if (!contests.some((contest) => contest.id === contestId)) throw new Response("Not Found", { status: 404 });
    await decideContest(db(), { contestId, decision: parsed.data.decision, note: parsed.data.reason, userId: user.id });
  }
  return redirect(backTo(request));
}

export default function Review() {
  const { unit, queue, ratings, contests, exclusions, filter, done } = useLoaderData<typeof loader>();
  const location = useLocation();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const locale = useRootData()?.locale ?? "id";
  const errorFor = (id: number) => (actionData?.target === String(id) ? actionData.errors.reason : undefined);
  const bulkErrors = actionData?.target === "bulk" && !actionData.confirm ? actionData.errors : {};
  const scoreText = (r: { kind?: string; quickScore: number | null }) => (r.quickScore ? t(`ratings.faces.${r.quickScore}`) : t("review.fullSurvey"));
  const table = useRef<HTMLTableElement>(null);
  // With a script, "all on this page" ticks the rows too, and unticking a row unticks it; without one, the server
  // reads "all on this page" as every row the page showed.
  const tickAll = (checked: boolean) => table.current?.querySelectorAll<HTMLInputElement>('input[name="ratingId"]').forEach((box) => (box.checked = checked));
  const untickAll = (checked: boolean) => {
    const all = document.getElementById("allOnPage") as HTMLInputElement | null;
    if (all && !checked) all.checked = false;
  };
  const cancelTo = `${location.pathname}${location.search}`;
  const confirm = actionData?.confirm;
  const confirmCount = confirm ? (actionData.selection ?? []).reduce((sum, row) => sum + row.ratings, 0) : 0;
  const confirmDecision = confirm && confirmField(confirm, "decision") === "keep" ? "keep" : "exclude";
  return (
    <>
      <p className="muted">
        <Link to={`/staf/unit/${unit.id}`}>{unit.name}</Link>
      </p>
      <h1>{t("review.title")}</h1>
      <p className="muted">{t("review.intro")}</p>
      {done ? (
        <p className="notice" role="status">
          {t(`review.bulk.done.${done.decision}`, { count: done.count })}
        </p>
      ) : null}
      {confirm ? (
        <ConfirmStep
          request={confirm}
          title={t(`review.bulk.confirm.${confirmDecision}.title`, { count: confirmCount })}
          confirmLabel={t(`review.bulk.confirm.${confirmDecision}.yes`, { count: confirmCount })}
          cancelTo={cancelTo}
          danger={confirmDecision === "exclude"}
        >
          <p>{t(`review.bulk.confirm.${confirmDecision}.what`, { count: confirmCount, reason: confirmField(confirm, "reason") ?? "" })}</p>
          <ul>
            {(actionData.selection ?? []).map((row) => (
              <li key={row.counterName}>{t("review.bulk.confirm.perCounter", { counter: row.counterName, count: row.ratings })}</li>
            ))}
          </ul>
          <p className="small">{t(`review.bulk.confirm.${confirmDecision}.undo`)}</p>
        </ConfirmStep>
      ) : null}
      <h2>{t("review.flaggedTitle")}</h2>
      <Form method="get" className="card filter-row" role="search" style={{ display: "flex", flexWrap: "wrap", gap: "8px 16px", alignItems: "flex-end" }}>
        <div>
          <label htmlFor="q">{t("review.queue.search")}</label>
          <input id="q" name="q" type="search" defaultValue={filter.search} maxLength={100} aria-describedby="q-hint" />
          <p id="q-hint" className="small muted">
            {t("review.queue.searchHint")}
          </p>
        </div>
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
        <p className="notice">{filter.search ? t("review.noneSearch", { search: filter.search }) : t({ flagged: "review.none", excluded: "review.noneExcluded", all: "review.noneAll" }[filter.status])}</p>
      ) : null}
      {ratings.length > 0 ? (
        <Form method="post" id="bulk-review" className="card bulk-review" aria-labelledby="bulk-title">
          <h3 id="bulk-title">{t("review.bulk.title")}</h3>
          <p className="small muted">{t("review.bulk.intro")}</p>
          <input type="hidden" name="intent" value="bulk" />
          {ratings.map((rating) => (
            <input key={rating.id} type="hidden" name="pageIds" value={rating.id} />
          ))}
          <div className="field checkbox">
            <input id="allOnPage" name="allOnPage" type="checkbox" value="yes" onChange={(event) => tickAll(event.currentTarget.checked)} />
            <label htmlFor="allOnPage">{t("review.bulk.allOnPage", { count: ratings.length })}</label>
          </div>
          {bulkErrors.ratingId ? <p className="field-error">{t(bulkErrors.ratingId)}</p> : null}
          <div className="field">
            <label htmlFor="bulk-reason">{t("review.bulk.reason")}</label>
            <input id="bulk-reason" name="reason" type="text" maxLength={500} aria-invalid={bulkErrors.reason ? true : undefined} aria-describedby={bulkErrors.reason ? "bulk-reason-error" : undefined} />
            {bulkErrors.reason ? (
              <p id="bulk-reason-error" className="field-error">
                {t(bulkErrors.reason)}
              </p>
            ) : null}
          </div>
          <div className="form-actions">
            <button type="submit" name="decision" value="keep" className="secondary">
              {t("review.bulk.keep")}
            </button>
            <button type="submit" name="decision" value="exclude" className="danger">
              {t("review.bulk.exclude")}
            </button>
          </div>
        </Form>
      ) : null}
      {ratings.length > 0 ? (
        <div className="table-wrap" tabIndex={0}>
          <table ref={table}>
            <thead>
              <tr>
                <th scope="col">{t("review.bulk.select")}</th>
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
                  <td>
                    <input
                      id={`pick-${rating.id}`}
                      type="checkbox"
                      name="ratingId"
                      value={rating.id}
                      form="bulk-review"
                      className="row-pick"
                      onChange={(event) => untickAll(event.currentTarget.checked)}
                      aria-label={t("review.bulk.pick", { when: formatDateTime(locale, rating.submittedAt, unit.timeZone), counter: rating.counterName })}
                    />
                  </td>
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
        <div className="table-wrap" tabIndex={0}>
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
        <div className="table-wrap" tabIndex={0}>
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
