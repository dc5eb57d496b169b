import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { z } from "zod";
import { STAKEHOLDER_GROUPS } from "../../db/tables/forums";
import { now } from "~/platform/clock.server";
import { db } from "~/platform/db.server";
import { actionsOf, actionUpdates } from "~/data/forums/actions.server";
import { publishedSnapshot, publishedVersions, withdrawnNumbers } from "~/data/forums/records.server";
import { acceptsPublicInput, forumById } from "~/data/forums/forums.server";
import { clientAddressOf } from "~/http/client-address";
import { submitPublicInput } from "~/data/forums/items.server";
import { formatForumDay, formatShortDay, formatStartTime } from "~/domain/forum-day";
import { MAX_ITEM_LENGTH } from "~/domain/forum-paste";
import { isActionLate } from "~/domain/forum-record";
import { formatDateTime, formatNumber } from "~/i18n/format";
import { useRootData } from "~/root";
import { parseForm } from "~/http/forms";
import { unitIdParam } from "~/http/params";
import { CITIZEN_PAGE, loadAsDocument } from "~/ui/page-handle";
import { Evidence, EvidenceFile } from "~/ui/forums/Evidence";
import { localDateOf } from "~/domain/working-days";
import { readForm } from "~/http/form-body.server";

export const handle = CITIZEN_PAGE;
export const clientLoader = loadAsDocument;

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.forum.title} · Suara` : "Suara" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const forumId = unitIdParam(params.forumId);
  const forum = await forumById(db(), forumId);
  if (!forum) throw new Response("Not Found", { status: 404 });
  const url = new URL(request.url);
  const asked = url.searchParams.get("versi");
  const versions = await publishedVersions(db(), forumId);
  const version = asked && /^\d{1,4}$/.test(asked) ? Number(asked) : undefined;
  const snapshot = await publishedSnapshot(db(), forumId, version);
  if (version !== undefined && !snapshot) throw new Response("Not Found", { status: 404 });
  const at = now();
  let record = null;
  if (snapshot) {
    // Inputs hidden or merged after publication leave every version's public page too.
    const withdrawn = new Set(await withdrawnNumbers(db(), forumId));
    const live = await actionsOf(db(), forumId);
    const updates = await actionUpdates(db(), live.map((action) => action.id));
    const today = localDateOf(at, forum.timeZone);
    record = {
      ...snapshot,
      themes: snapshot.themes.map((theme) => ({ ...theme, items: theme.items.filter((item) => !withdrawn.has(item.number)) })),
      otherItems: (snapshot.otherItems ?? []).filter((item) => !withdrawn.has(item.number)),
      actions: snapshot.actions.map((action) => {
        const current = live.find((row) => row.id === action.id);
        const status = current?.status ?? "planned";
        return {
          ...action,
          status,
          late: isActionLate({ status, dueOn: action.dueOn }, today),
          updates: updates.filter((update) => update.actionId === action.id).map((update) => ({
            id: update.id,
            at: update.at,
            status: update.status,
            note: update.note,
            evidence: update.evidence,
            file: update.fileType && update.fileBytes ? { type: update.fileType, bytes: update.fileBytes } : null,
          })),
        };
      }),
    };
  }
  return {
    forum: {
      id: forum.id,
      title: forum.title,
      unitName: forum.unitName,
      agencyName: forum.agencyName,
      heldOn: forum.heldOn,
      startTime: forum.startTime,
      place: forum.place,
      agenda: forum.agenda,
      chairName: forum.chairName,
      noteTakerName: forum.noteTakerName,
      services: forum.services.map((s) => s.name),
    },
    acceptsInput: acceptsPublicInput(forum, at),
    record,
    latestVersion: versions[0]?.version ?? null,
    versions: versions.map((v) => ({ version: v.version, publishedAt: v.publishedAt, correctionReason: v.correctionReason })),
  };
}

const inputSchema = z.object({
  body: z.string().trim().min(1, "form.required").max(MAX_ITEM_LENGTH, "forums.errors.tooLong"),
  name: z.string().trim().max(120, "form.tooLong").optional(),
  group: z.union([z.enum(STAKEHOLDER_GROUPS), z.literal("")]).optional(),
  showName: z.literal("on").optional(),
});

export async function action({ request, params, context }: ActionFunctionArgs) {
  const forumId = unitIdParam(params.forumId);
  const parsed = parseForm(inputSchema, await readForm(request));
  if (!parsed.ok) return { errors: parsed.errors, values: parsed.values, number: null };
  const forum = await forumById(db(), forumId);
  if (!forum) throw new Response("Not Found", { status: 404 });
  const at = now();
  const kept: Record<string, string> = { body: parsed.data.body, name: parsed.data.name ?? "", group: parsed.data.group ?? "", showName: parsed.data.showName ?? "" };
  if (!acceptsPublicInput(forum, at)) return { errors: { _form: "forums.errors.inputClosed" }, values: kept, number: null };
  const result = await submitPublicInput(db(), {
    forumId,
    body: parsed.data.body,
    name: parsed.data.name ? parsed.data.name : null,
    group: parsed.data.group ? parsed.data.group : null,
    showName: parsed.data.showName === "on",
    clientAddress: clientAddressOf(context),
    now: at,
  });
  if (!result.ok) return { errors: { _form: "forums.errors.rateLimited" }, values: kept, number: null };
  return { errors: {} as Record<string, string>, values: {} as Record<string, string>, number: result.number };
}

export default function ForumPage() {
  const { forum, acceptsInput, record, latestVersion, versions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const locale = useRootData()?.locale ?? "id";
  const errors: Record<string, string | undefined> = actionData?.errors ?? {};
  const values: Record<string, string | undefined> = actionData?.values ?? {};
  const readingOld = record && latestVersion !== null && record.version !== latestVersion;
  return (
    <>
      <p className="muted">
        {forum.agencyName} · {forum.unitName}
      </p>
      <h1>{forum.title}</h1>
      <dl className="facts card">
        <dt>{t("forums.page.when")}</dt>
        <dd>
          {formatForumDay(locale, forum.heldOn)}
          {forum.startTime ? `, ${formatStartTime(locale, forum.startTime)}` : ""}
        </dd>
        <dt>{t("forums.page.place")}</dt>
        <dd>{forum.place}</dd>
        <dt>{t("forums.page.agenda")}</dt>
        <dd className="pre-line">{forum.agenda}</dd>
        {forum.services.length > 0 ? (
          <>
            <dt>{t("forums.page.services")}</dt>
            <dd>{forum.services.join(", ")}</dd>
          </>
        ) : null}
        <dt>{t("forums.page.chair")}</dt>
        <dd>{forum.chairName}</dd>
        <dt>{t("forums.page.noteTaker")}</dt>
        <dd>{forum.noteTakerName}</dd>
      </dl>

      {acceptsInput ? (
        <section aria-labelledby="input-title" className="card">
          <h2 id="input-title">{t("forums.page.inputTitle")}</h2>
          {actionData?.number ? (
            <p className="notice ok" role="status">
              {t("forums.page.thanks", { number: actionData.number })}
            </p>
          ) : null}
          <p>{t("forums.page.inputIntro")}</p>
          {errors._form ? (
            <p className="notice error" role="alert">
              {t(errors._form)}
            </p>
          ) : null}
          <Form method="post" noValidate key={actionData?.number ?? "form"}>
            <div className="field">
              <label htmlFor="body">{t("forums.page.body")}</label>
              <span className="hint" id="body-hint">
                {t("forums.page.bodyHint")}
              </span>
              <textarea
                id="body"
                name="body"
                required
                maxLength={MAX_ITEM_LENGTH}
                defaultValue={values.body}
                aria-invalid={errors.body ? true : undefined}
                aria-describedby={errors.body ? "body-hint body-error" : "body-hint"}
              />
              {errors.body ? (
                <p className="field-error" id="body-error">
                  {t(errors.body)}
                </p>
              ) : null}
            </div>
            <div className="field">
              <label htmlFor="name">{t("forums.page.name")}</label>
              <input id="name" name="name" type="text" autoComplete="name" maxLength={120} defaultValue={values.name} />
            </div>
            <div className="field checkbox">
              <input id="showName" name="showName" type="checkbox" defaultChecked={values.showName === "on"} />
              <label htmlFor="showName">{t("forums.page.showName")}</label>
            </div>
            <div className="field">
              <label htmlFor="group">{t("forums.page.group")}</label>
              <select id="group" name="group" defaultValue={values.group ?? ""}>
                <option value="">{t("forums.page.groupNone")}</option>
                {STAKEHOLDER_GROUPS.map((group) => (
                  <option key={group} value={group}>
                    {t(`forums.groups.${group}`)}
                  </option>
                ))}
              </select>
            </div>
            <p className="muted small">{t("forums.page.privacy")}</p>
            <div className="form-actions">
              <button type="submit" disabled={navigation.state === "submitting"}>
                {t("forums.page.submit")}
              </button>
            </div>
          </Form>
        </section>
      ) : null}

      <h2>{t("forums.page.recordTitle")}</h2>
      {!record ? (
        <p className="muted">{acceptsInput ? t("forums.page.notYetPublished") : t("forums.page.notYetPublished")}</p>
      ) : (
        <>
          {readingOld ? (
            <p className="notice warn">
              {t("forums.page.readingOld", { version: record.version })} <Link to={`/forum/${forum.id}`}>{t("forums.page.readLatest")}</Link>
            </p>
          ) : null}
          <p className="muted small">
            {t("forums.page.versionOf", { version: record.version, date: formatDateTime(locale, record.publishedAt) })}
            {record.correctionReason ? ` · ${t("forums.page.correction", { reason: record.correctionReason })}` : ""}
            {" · "}
            <a href={`/forum/${forum.id}/pdf?versi=${record.version}`}>{t("forums.page.pdf")}</a>
          </p>

          <h3>{t("forums.page.attendance")}</h3>
          <div className="table-wrap" tabIndex={0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("forums.page.attendanceGroup")}</th>
                  <th scope="col" className="num">
                    {t("forums.page.attendanceCount")}
                  </th>
                  <th scope="col">{t("forums.page.attendanceNames")}</th>
                </tr>
              </thead>
              <tbody>
                {record.attendance.map((row) => (
                  <tr key={row.group}>
                    <td>{t(`forums.groups.${row.group}`)}</td>
                    <td className="num">{formatNumber(locale, row.count)}</td>
                    <td>{row.names.join(", ") || "–"}</td>
                  </tr>
                ))}
                <tr>
                  <th scope="row">{t("forums.page.total")}</th>
                  <td className="num">{formatNumber(locale, record.attendance.reduce((sum, row) => sum + row.count, 0))}</td>
                  <td />
                </tr>
              </tbody>
            </table>
          </div>

          <h3>{t("forums.page.themes")}</h3>
          <p className="muted small">{t("forums.page.themesHint")}</p>
          {record.themes.map((theme) => (
            <details key={theme.id} className="theme card">
              <summary>
                <span className="theme-title">{theme.label}</span>{" "}
                <span className="muted small">
                  {t("forums.page.priority", { priority: theme.priority })} · {t(`forums.elements.${theme.element}`)} ·{" "}
                  {t("forums.page.itemCount", { count: theme.items.length })}
                </span>
              </summary>
              <p className="pre-line">{theme.summary}</p>
              <ol className="cited-items">
                {theme.items.map((item) => (
                  <li key={item.number} id={`masukan-${item.number}`} className={theme.citedNumbers.includes(item.number) ? "cited" : undefined}>
                    <span className="item-number">#{item.number}</span> {item.body}
                    <span className="muted small">
                      {" "}
                      — {t(`forums.sources.${item.source}`)}
                      {item.group ? `, ${t(`forums.groups.${item.group}`)}` : ""}
                      {item.name ? `, ${item.name}` : ""}
                      {theme.citedNumbers.includes(item.number) ? ` · ${t("forums.page.cited")}` : ""}
                    </span>
                    {item.notReflectedReason ? <span className="not-reflected small"> {t("forums.page.notReflected", { reason: item.notReflectedReason })}</span> : null}
                  </li>
                ))}
              </ol>
            </details>
          ))}

          {record.otherItems.length > 0 ? (
            <section className="theme card" aria-labelledby="masukan-lain">
              <h4 id="masukan-lain" className="theme-title">
                {t("forums.page.otherItems")}
              </h4>
              <p className="muted small">{t("forums.page.otherItemsHint")}</p>
              <ol className="cited-items">
                {record.otherItems.map((item) => (
                  <li key={item.number} id={`masukan-${item.number}`}>
                    <span className="item-number">#{item.number}</span> {item.body}
                    <span className="muted small">
                      {" "}
                      — {t(`forums.sources.${item.source}`)}
                      {item.group ? `, ${t(`forums.groups.${item.group}`)}` : ""}
                      {item.name ? `, ${item.name}` : ""}
                    </span>
                  </li>
                ))}
              </ol>
            </section>
          ) : null}

          <h3>{t("forums.page.agreements")}</h3>
          <p className="pre-line">{record.agreements}</p>
          <h3>{t("forums.page.dissent")}</h3>
          <p className="pre-line">{record.dissent || t("forums.page.noDissent")}</p>

          <h3>{t("forums.page.actionsTitle")}</h3>
          <p className="muted small">{t("forums.page.actionsHint")}</p>
          <ul className="action-list">
            {record.actions.map((action) => (
              <li key={action.id} className={`card action-card${action.late ? " late" : ""}`}>
                <p className="action-what">{action.description}</p>
                <p className="small">
                  {action.statusAtPublication ? (
                    // The version shows the progress as published; the live progress stands beside it.
                    <>
                      <span className="progress-at-publication">{t("forums.page.progressAtPublication", { status: t(`forums.status.${action.statusAtPublication}`) })}</span>
                      {" · "}
                      <span className="progress-now">
                        {t("forums.page.progressNow")}{" "}
                        <span className={`badge status-${action.status}`}>{t(`forums.status.${action.status}`)}</span>
                      </span>
                    </>
                  ) : (
                    <span className={`badge status-${action.status}`}>{t(`forums.status.${action.status}`)}</span>
                  )}
                  {action.late ? <span className="badge danger">{t("forums.page.late")}</span> : null} {t("forums.page.responsible")}:{" "}
                  {action.responsibleUnit}
                  {action.responsibleOfficer ? ` (${action.responsibleOfficer})` : ""} · {t("forums.page.due")}: {formatShortDay(locale, action.dueOn)}
                </p>
                {action.updates.length > 0 ? (
                  <ul className="updates small">
                    {action.updates.map((update, index) => (
                      <li key={index}>
                        {formatDateTime(locale, update.at)} · {t(`forums.status.${update.status}`)}: {update.note}
                        {update.evidence ? <Evidence evidence={update.evidence} label={t("forums.page.evidence")} /> : null}
                        {update.file ? <EvidenceFile forumId={forum.id} updateId={update.id} type={update.file.type} bytes={update.file.bytes} label={t("forums.page.evidence")} /> : null}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>

          <h3>{t("forums.page.approval")}</h3>
          <p>{t("forums.page.approvedBy", { name: record.approval.chairName, date: formatForumDay(locale, record.approval.approvedOn) })}</p>
          {record.approval.communityRepName && record.approval.communitySignedOn ? (
            <p>{t("forums.page.communitySigned", { name: record.approval.communityRepName, date: formatForumDay(locale, record.approval.communitySignedOn) })}</p>
          ) : null}

          {versions.length > 1 ? (
            <>
              <h3>{t("forums.page.olderVersions")}</h3>
              <ul>
                {versions.map((v) => (
                  <li key={v.version}>
                    <Link to={`/forum/${forum.id}?versi=${v.version}`}>{t("forums.page.viewVersion", { version: v.version })}</Link>
                    <span className="muted small">
                      {" "}
                      · {v.publishedAt ? formatDateTime(locale, v.publishedAt) : ""}
                      {v.correctionReason ? ` · ${t("forums.page.correction", { reason: v.correctionReason })}` : ""}
                      {v.version === latestVersion ? ` · ${t("forums.page.latest")}` : ""}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      )}
    </>
  );
}
