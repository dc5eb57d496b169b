import { data as respond, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { z } from "zod";
import { requireRole } from "~/auth/guard.server";
import { now } from "~/platform/clock.server";
import { db } from "~/platform/db.server";
import { actionsOf, addAction } from "~/data/forums/actions.server";
import { currentRecord, draftGaps, publishedVersions, publishRecord, recordApproval, saveRecordText, startCorrection } from "~/data/forums/records.server";
import { markNotReflected, saveSummary, themeInForum, themesOf } from "~/data/forums/themes.server";
import { itemsOf } from "~/data/forums/items.server";
import { unitsUnder } from "~/data/organisation.server";
import { formatForumDay, formatShortDay } from "~/domain/forum-day";
import type { PublishGap } from "~/domain/forum-record";
import { ELEMENT_CODES } from "~/domain/indicators/elements";
import { formatDateTime } from "~/i18n/format";
import { isActiveItem } from "~/domain/forum-record";
import { useRootData } from "~/root";
import { parseForm, idField } from "~/http/forms";
import { ForumTabs } from "~/ui/forums/ForumTabs";
import { SummaryCard } from "~/ui/forums/SummaryCard";
import { requireForumModerator } from "~/auth/forum-guard.server";
import { confirmationFor, type ConfirmRequest } from "~/http/confirm";
import { ConfirmStep } from "~/ui/ConfirmStep";
import { localDateOf } from "~/domain/working-days";
import { readForm } from "~/http/form-body.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.forum.title} · Suara` : "Suara" }];

const ROLES = ["moderator", "admin"] as const;


/** The agency's whole tree: a follow-up may fall to any unit of the same government. */
function agencyRootPath(unitPath: string): string {
  return `/${unitPath.split("/")[1] ?? ""}/`;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { forum } = await requireForumModerator(request, params.forumId);
  const [record, themes, items, actions, versions, units, gaps] = await Promise.all([
    currentRecord(db(), forum.id),
    themesOf(db(), forum.id),
    itemsOf(db(), forum.id),
    actionsOf(db(), forum.id),
    publishedVersions(db(), forum.id),
    unitsUnder(db(), [agencyRootPath(forum.unitPath)]),
    draftGaps(db(), forum.id),
  ]);
  const active = items.filter(isActiveItem);
  return {
    forum: { id: forum.id, title: forum.title, unitName: forum.unitName, unitId: forum.unitId, agencyName: forum.agencyName, chairName: forum.chairName },
    record,
    today: localDateOf(now(), forum.timeZone),
    themes: themes.map((theme) => ({
      ...theme,
      items: active
        .filter((item) => item.themeId === theme.id)
        .map((item) => ({ number: item.number, body: item.body, notReflectedReason: item.notReflectedReason })),
    })),
    actions,
    versions,
    units: units.map((unit) => ({ id: unit.id, name: unit.name })),
    gaps: record.status === "draft" ? gaps : [],
  };
}

const schema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("summary"), themeId: idField(), summary: z.string().trim().min(1, "form.required").max(4000, "form.tooLong") }),
  z.object({
    intent: z.literal("notReflected"),
    themeId: idField(),
    number: idField("forums.errors.notReflectedItem"),
    reason: z.string().trim().min(1, "form.required").max(1000, "form.tooLong"),
  }),
  z.object({ intent: z.literal("reflected"), themeId: idField(), number: idField("forums.errors.notReflectedItem") }),
  z.object({
    intent: z.literal("text"),
    agreements: z.string().trim().max(8000, "form.tooLong"),
    dissent: z.string().trim().max(8000, "form.tooLong"),
  }),
  z.object({
    intent: z.literal("action"),
    description: z.string().trim().min(1, "form.required").max(1000, "form.tooLong"),
    responsibleUnitId: idField("forums.errors.unitRequired"),
    responsibleOfficer: z.string().trim().max(200, "form.tooLong").optional(),
    dueOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "forums.errors.dueRequired"),
    themeId: z.union([idField(), z.literal("")]).optional(),
    element: z.union([z.enum(ELEMENT_CODES), z.literal("")]).optional(),
  }),
  z.object({
    intent: z.literal("approve"),
    approvedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "forums.errors.badDate"),
    communityRepName: z.string().trim().max(200, "form.tooLong").optional(),
    communitySignedOn: z.union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "forums.errors.badDate"), z.literal("")]).optional(),
  }),
  z.object({ intent: z.literal("publish") }),
  z.object({ intent: z.literal("correct"), reason: z.string().trim().min(1, "form.required").max(1000, "form.tooLong") }),
]);

type Result = { status?: 400; intent: string; themeId?: number; errors: Record<string, string>; params?: Record<string, string>; gaps?: PublishGap[]; done?: string; values?: Record<string, string>; confirm?: ConfirmRequest };

// Refused input answers 400 with the errors to show beside the fields.
export async function action(args: ActionFunctionArgs) {
  const { status, ...result } = await recordAction(args);
  return respond(result, { status: status ?? 200 });
}

async function recordAction({ request, params }: ActionFunctionArgs): Promise<Result> {
  await requireRole(request, ROLES);
  const form = await readForm(request);
  const parsed = parseForm(schema, form);
  if (!parsed.ok) return { status: 400, intent: parsed.values.intent ?? "", themeId: Number(parsed.values.themeId) || undefined, errors: parsed.errors, values: parsed.values };
  const { user, forum } = await requireForumModerator(request, params.forumId);
  const data = parsed.data;
  const record = await currentRecord(db(), forum.id);
  if (data.intent !== "correct" && record.status !== "draft") return { intent: data.intent, errors: { _form: "forums.errors.locked" } };
  switch (data.intent) {
    case "summary": {
      const theme = await themeInForum(db(), forum.id, data.themeId);
      if (!theme) throw new Response("Not Found", { status: 404 });
      const check = await saveSummary(db(), forum.id, theme.id, data.summary);
      if (check.kind === "noCitation") return { status: 400, intent: "summary", themeId: theme.id, errors: { summary: "forums.errors.noCitation" }, values: { summary: data.summary } };
      if (check.kind === "notInTheme" || check.kind === "missing") {
        return { status: 400, intent: "summary", themeId: theme.id, errors: { summary: `forums.errors.${check.kind}` }, params: { numbers: check.numbers.map((n) => `#${n}`).join(", ") }, values: { summary: data.summary } };
      }
      return { intent: "summary", themeId: theme.id, errors: {}, done: "summary" };
    }
    case "notReflected":
    case "reflected": {
      const theme = await themeInForum(db(), forum.id, data.themeId);
      if (!theme) throw new Response("Not Found", { status: 404 });
      const reason = data.intent === "notReflected" ? data.reason : null;
      const marked = await markNotReflected(db(), forum.id, theme.id, data.number, reason);
      if (!marked.ok) {
        const error = marked.reason === "cited" ? "forums.errors.notReflectedCited" : "forums.errors.notReflectedItem";
        return { status: 400, intent: data.intent, themeId: theme.id, errors: { number: error }, values: { reason: reason ?? "" } };
      }
      return { intent: data.intent, themeId: theme.id, errors: {} };
    }
    case "text":
      await saveRecordText(db(), forum.id, { agreements: data.agreements, dissent: data.dissent });
      return { intent: "text", errors: {}, done: "forums.staff.record.textSaved" };
    case "action": {
      const themeId = data.themeId ? (await themeInForum(db(), forum.id, data.themeId))?.id ?? null : null;
      const added = await addAction(db(), {
        forumId: forum.id,
        themeId,
        description: data.description,
        responsibleUnitId: data.responsibleUnitId,
        responsibleOfficer: data.responsibleOfficer || null,
        dueOn: data.dueOn,
        element: data.element || null,
      });
      if (!added.ok) return { intent: "action", errors: { responsibleUnitId: "forums.errors.unitRequired" }, values: { description: data.description, dueOn: data.dueOn } };
      return { intent: "action", errors: {} };
    }
    case "approve":
      await recordApproval(db(), {
        forumId: forum.id,
        actorUserId: user.id,
        approvedOn: data.approvedOn,
        communityRepName: data.communityRepName || null,
        communitySignedOn: data.communitySignedOn || null,
        now: now(),
      });
      return { intent: "approve", errors: {} };
    case "publish": {
      // Publishing puts the record on the public page for good (a correction is a new version): ask first,
      // once the record is complete enough to publish.
      const confirm = confirmationFor(form);
      if (confirm) {
        const gaps = await draftGaps(db(), forum.id);
        if (gaps.length > 0) return { intent: "publish", errors: { _form: "forums.staff.record.gapsTitle" }, gaps };
        return { intent: "publish", errors: {}, confirm };
      }
      const result = await publishRecord(db(), forum.id, user.id, now());
      if (!result.ok) return { intent: "publish", errors: { _form: result.reason === "locked" ? "forums.errors.locked" : "forums.staff.record.gapsTitle" }, gaps: result.reason === "gaps" ? result.gaps : [] };
      return { intent: "publish", errors: {}, done: "published", params: { version: String(result.version) } };
    }
    case "correct": {
      const result = await startCorrection(db(), forum.id, user.id, data.reason);
      if (!result.ok) return { intent: "correct", errors: { reason: "forums.errors.locked" } };
      return { intent: "correct", errors: {} };
    }
  }
}

export default function ForumRecord() {
  const { forum, record, today, themes, actions, versions, units, gaps } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const locale = useRootData()?.locale ?? "id";
  const draft = record.status === "draft";
  const errorsFor = (intent: string): Record<string, string | undefined> => (actionData?.intent === intent ? actionData.errors : {});
  const actionErrors = errorsFor("action");
  const textErrors = errorsFor("text");
  const approveErrors = errorsFor("approve");
  const correctErrors = errorsFor("correct");
  const values = actionData?.values ?? {};
  const shownGaps = actionData?.gaps && actionData.gaps.length > 0 ? actionData.gaps : gaps;
  return (
    <>
      <p className="muted">
        {forum.agencyName} · {forum.unitName}
      </p>
      <h1>{forum.title}</h1>
      <ForumTabs forumId={forum.id} current="record" />
      <h2>
        {t("forums.staff.record.title")} ·{" "}
        {draft ? t("forums.staff.record.versionDraft", { version: record.version }) : t("forums.staff.record.versionPublished", { version: record.version })}
      </h2>
      {record.correctionReason ? <p className="muted">{t("forums.staff.record.correctionReason", { reason: record.correctionReason })}</p> : null}
      {actionData?.done === "published" ? (
        <p className="notice ok" role="status">
          {t("forums.staff.record.published", { version: actionData.params?.version })} <Link to={`/forum/${forum.id}`}>{t("forums.staff.record.viewPublic")}</Link>
        </p>
      ) : null}
      {actionData?.errors._form && actionData.errors._form !== "forums.staff.record.gapsTitle" ? (
        <p className="notice error" role="alert">
          {t(actionData.errors._form)}
        </p>
      ) : null}

      <section aria-labelledby="summaries-title">
        <h3 id="summaries-title">{t("forums.staff.record.summariesTitle")}</h3>
        <p className="muted small">{t("forums.staff.record.summariesHint")}</p>
        {themes.map((theme) => (
          <SummaryCard
            key={theme.id}
            theme={theme}
            draft={draft}
            feedback={{
              intent: actionData?.themeId === theme.id ? actionData.intent : null,
              errors: actionData?.errors ?? {},
              params: actionData?.params ?? {},
              values: actionData?.values ?? {},
            }}
          />
        ))}
      </section>

      <section aria-labelledby="text-title">
        <h3 id="text-title">{t("forums.staff.record.textTitle")}</h3>
        {actionData?.done === "forums.staff.record.textSaved" ? (
          <p className="notice ok" role="status">
            {t("forums.staff.record.textSaved")}
          </p>
        ) : null}
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="text" />
          <label htmlFor="agreements">{t("forums.staff.record.agreements")}</label>
          <textarea id="agreements" name="agreements" rows={4} readOnly={!draft} defaultValue={record.agreements} aria-invalid={textErrors.agreements ? true : undefined} />
          <label htmlFor="dissent">{t("forums.staff.record.dissent")}</label>
          <textarea id="dissent" name="dissent" rows={3} readOnly={!draft} defaultValue={record.dissent} />
          {draft ? (
            <div className="form-actions">
              <button type="submit" className="secondary">
                {t("forums.staff.record.saveText")}
              </button>
            </div>
          ) : null}
        </Form>
      </section>

      <section aria-labelledby="actions-title">
        <h3 id="actions-title">{t("forums.staff.record.actionsTitle")}</h3>
        <p className="muted small">{t("forums.staff.record.actionsHint")}</p>
        {actions.length === 0 ? (
          <p className="muted">{t("forums.staff.record.actionsNone")}</p>
        ) : (
          <div className="table-wrap" tabIndex={0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("forums.staff.record.action")}</th>
                  <th scope="col">{t("forums.staff.record.responsibleUnit")}</th>
                  <th scope="col">{t("forums.staff.record.due")}</th>
                  <th scope="col">{t("forums.staff.record.theme")}</th>
                  <th scope="col">{t("forums.staff.record.element")}</th>
                  <th scope="col">{t("forums.page.progress")}</th>
                </tr>
              </thead>
              <tbody>
                {actions.map((action) => (
                  <tr key={action.id}>
                    <td>{action.description}</td>
                    <td>
                      {action.responsibleUnitName}
                      {action.responsibleOfficer ? <span className="muted small"> · {action.responsibleOfficer}</span> : null}
                    </td>
                    <td className="nowrap">{formatShortDay(locale, action.dueOn)}</td>
                    <td>{action.themeLabel ?? "–"}</td>
                    <td>{action.element ? t(`forums.elements.${action.element}`) : "–"}</td>
                    <td>{t(`forums.status.${action.status}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {draft ? (
          <Form method="post" noValidate className="card" key={`action-${actions.length}`}>
            <input type="hidden" name="intent" value="action" />
            <h4>{t("forums.staff.record.addAction")}</h4>
            <label htmlFor="description">{t("forums.staff.record.action")}</label>
            <textarea id="description" name="description" rows={2} defaultValue={values.description} aria-invalid={actionErrors.description ? true : undefined} aria-describedby={actionErrors.description ? "description-error" : undefined} />
            {actionErrors.description ? (
              <p className="field-error" id="description-error">
                {t(actionErrors.description)}
              </p>
            ) : null}
            <div className="inline-fields">
              <div className="field">
                <label htmlFor="responsibleUnitId">{t("forums.staff.record.responsibleUnit")}</label>
                <select id="responsibleUnitId" name="responsibleUnitId" defaultValue={values.responsibleUnitId ?? ""} aria-invalid={actionErrors.responsibleUnitId ? true : undefined} aria-describedby={actionErrors.responsibleUnitId ? "unit-error" : undefined}>
                  <option value="">–</option>
                  {units.map((unit) => (
                    <option key={unit.id} value={unit.id}>
                      {unit.name}
                    </option>
                  ))}
                </select>
                {actionErrors.responsibleUnitId ? (
                  <p className="field-error" id="unit-error">
                    {t(actionErrors.responsibleUnitId)}
                  </p>
                ) : null}
              </div>
              <div className="field">
                <label htmlFor="dueOn">{t("forums.staff.record.due")}</label>
                <input id="dueOn" name="dueOn" type="date" defaultValue={values.dueOn} aria-invalid={actionErrors.dueOn ? true : undefined} aria-describedby={actionErrors.dueOn ? "due-error" : undefined} />
                {actionErrors.dueOn ? (
                  <p className="field-error" id="due-error">
                    {t(actionErrors.dueOn)}
                  </p>
                ) : null}
              </div>
            </div>
            <label htmlFor="responsibleOfficer">{t("forums.staff.record.responsibleOfficer")}</label>
            <input id="responsibleOfficer" name="responsibleOfficer" type="text" defaultValue={values.responsibleOfficer} />
            <div className="inline-fields">
              <div className="field">
                <label htmlFor="themeId">{t("forums.staff.record.theme")}</label>
                <select id="themeId" name="themeId" defaultValue={values.themeId ?? ""}>
                  <option value="">{t("forums.staff.record.themeNone")}</option>
                  {themes.map((theme) => (
                    <option key={theme.id} value={theme.id}>
                      {theme.label}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="element">{t("forums.staff.record.element")}</label>
                <select id="element" name="element" defaultValue={values.element ?? ""}>
                  <option value="">{t("forums.staff.record.elementNone")}</option>
                  {ELEMENT_CODES.map((code) => (
                    <option key={code} value={code}>
                      {t(`forums.elements.${code}`)}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            <div className="form-actions">
              <button type="submit" className="secondary">
                {t("forums.staff.record.addAction")}
              </button>
            </div>
          </Form>
        ) : null}
      </section>

      {draft ? (
        <>
          <section aria-labelledby="approval-title" className="card">
            <h3 id="approval-title">{t("forums.staff.record.approvalTitle")}</h3>
            {record.approvedByName && record.approvedOn ? (
              <p className="notice ok">{t("forums.staff.record.approved", { name: record.approvedByName, date: formatForumDay(locale, record.approvedOn) })}</p>
            ) : (
              <p className="muted">{t("forums.staff.record.notApproved")}</p>
            )}
            <p className="small">{t("forums.staff.record.approvalHint", { chair: forum.chairName })}</p>
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="approve" />
              <div className="inline-fields">
                <div className="field">
                  <label htmlFor="approvedOn">{t("forums.staff.record.approvedOn")}</label>
                  <input id="approvedOn" name="approvedOn" type="date" defaultValue={record.approvedOn ?? today} aria-invalid={approveErrors.approvedOn ? true : undefined} />
                  {approveErrors.approvedOn ? <p className="field-error">{t(approveErrors.approvedOn)}</p> : null}
                </div>
                <div className="field">
                  <label htmlFor="communityRepName">{t("forums.staff.record.communityRep")}</label>
                  <input id="communityRepName" name="communityRepName" type="text" defaultValue={record.communityRepName ?? ""} />
                </div>
                <div className="field">
                  <label htmlFor="communitySignedOn">{t("forums.staff.record.communitySignedOn")}</label>
                  <input id="communitySignedOn" name="communitySignedOn" type="date" defaultValue={record.communitySignedOn ?? ""} />
                </div>
              </div>
              <div className="form-actions">
                <button type="submit" className="secondary">
                  {t("forums.staff.record.recordApproval")}
                </button>
              </div>
            </Form>
          </section>

          <section aria-labelledby="publish-title" className="card">
            <h3 id="publish-title">{t("forums.staff.record.publishTitle")}</h3>
            {shownGaps.length > 0 ? (
              <div className={actionData?.intent === "publish" ? "notice error" : "notice warn"} role={actionData?.intent === "publish" ? "alert" : undefined}>
                <p>{t("forums.staff.record.gapsTitle")}</p>
                <ul>
                  {shownGaps.map((gap, index) => (
                    <li key={index}>{t(`forums.staff.record.gaps.${gap.kind}`, { label: "label" in gap ? gap.label : "", numbers: "numbers" in gap ? gap.numbers.map((n) => `#${n}`).join(", ") : "" })}</li>
                  ))}
                </ul>
              </div>
            ) : null}
            {actionData?.confirm ? (
              <ConfirmStep
                request={actionData.confirm}
                title={t("forums.staff.record.confirmPublish.title", { version: record.version })}
                confirmLabel={t("forums.staff.record.confirmPublish.yes")}
                cancelTo={`/staf/forum/${forum.id}/berita-acara`}
                danger={false}
              >
                <p>{t("forums.staff.record.confirmPublish.what", { title: forum.title })}</p>
              </ConfirmStep>
            ) : null}
            <Form method="post">
              <input type="hidden" name="intent" value="publish" />
              <button type="submit">{t("forums.staff.record.publish")}</button>
            </Form>
          </section>
        </>
      ) : (
        <section aria-labelledby="correct-title" className="card">
          <h3 id="correct-title">{t("forums.staff.record.correctionTitle")}</h3>
          <p className="muted small">{t("forums.staff.record.correctionHint")}</p>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="correct" />
            <label htmlFor="reason">{t("forums.staff.record.reason")}</label>
            <textarea id="reason" name="reason" rows={2} aria-invalid={correctErrors.reason ? true : undefined} aria-describedby={correctErrors.reason ? "reason-error" : undefined} />
            {correctErrors.reason ? (
              <p className="field-error" id="reason-error">
                {t(correctErrors.reason)}
              </p>
            ) : null}
            <div className="form-actions">
              <button type="submit" className="secondary">
                {t("forums.staff.record.startCorrection")}
              </button>
            </div>
          </Form>
        </section>
      )}

      {versions.length > 0 ? (
        <section aria-labelledby="versions-title">
          <h3 id="versions-title">{t("forums.staff.record.versions")}</h3>
          <ul>
            {versions.map((version) => (
              <li key={version.version}>
                <Link to={`/forum/${forum.id}?versi=${version.version}`}>{t("forums.page.version", { version: version.version })}</Link>
                {version.publishedAt ? <span className="muted small"> · {formatDateTime(locale, version.publishedAt)}</span> : null}
                {version.correctionReason ? <span className="muted small"> · {version.correctionReason}</span> : null} ·{" "}
                <a href={`/forum/${forum.id}/pdf?versi=${version.version}`}>{t("forums.staff.record.pdf")}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
