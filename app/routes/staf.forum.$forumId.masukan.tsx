import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { z } from "zod";
import { ITEM_SOURCES, STAKEHOLDER_GROUPS } from "../../db/tables/forums";
import { requireRole } from "~/auth/guard.server";
import { now } from "~/platform/clock.server";
import { db } from "~/platform/db.server";
import { acceptItem, addItems, editItem, hideItem, itemInForum, itemsOf, mergeItems, unhideItem, unmergeItem } from "~/data/forums/items.server";
import { MAX_ITEM_LENGTH, MAX_PASTE_LINES, parsePaste } from "~/domain/forum-paste";
import { formatNumber } from "~/i18n/format";
import { isActiveItem } from "~/domain/forum-record";
import { useRootData } from "~/root";
import { parseForm, idField } from "~/http/forms";
import { ForumTabs } from "~/ui/forums/ForumTabs";
import { requireForumModerator } from "~/auth/forum-guard.server";
import { readForm } from "~/http/form-body.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.forum.title} · Suara` : "Suara" }];

const ROLES = ["moderator", "admin"] as const;


export async function loader({ request, params }: LoaderFunctionArgs) {
  const { forum } = await requireForumModerator(request, params.forumId);
  const items = await itemsOf(db(), forum.id);
  return { forum: { id: forum.id, title: forum.title, unitName: forum.unitName, agencyName: forum.agencyName }, items };
}

const source = z.enum(ITEM_SOURCES);
const group = z.union([z.enum(STAKEHOLDER_GROUPS), z.literal("")]).optional();
const itemId = idField();
const numberList = z
  .string()
  .trim()
  .min(1, "form.required")
  .regex(/^\s*#?\d+(\s*[,;\s]\s*#?\d+)*\s*$/, "forums.errors.numbers");
const schema = z.discriminatedUnion("intent", [
  // A paste's own limits (lines, length) are checked by parsePaste, which names them; this only bounds the request.
  z.object({ intent: z.literal("paste"), text: z.string().max(MAX_PASTE_LINES * 3 * (MAX_ITEM_LENGTH + 2), "form.tooLong"), source, group }),
  z.object({ intent: z.literal("type"), body: z.string().trim().min(1, "form.required").max(MAX_ITEM_LENGTH, "forums.errors.tooLong"), source, group }),
  z.object({ intent: z.literal("edit"), itemId, body: z.string().trim().min(1, "form.required").max(MAX_ITEM_LENGTH, "forums.errors.tooLong"), source, group }),
  z.object({ intent: z.literal("hide"), itemId, reason: z.string().trim().min(1, "form.required").max(500, "form.tooLong") }),
  z.object({ intent: z.literal("unhide"), itemId }),
  z.object({ intent: z.literal("accept"), itemId }),
  z.object({ intent: z.literal("unmerge"), itemId }),
  z.object({ intent: z.literal("merge"), keep: z.string().trim().regex(/^#?\d+$/, "forums.errors.numbers"), duplicates: numberList }),
]);

type Result = { intent: string; errors: Record<string, string>; params?: Record<string, string | number>; added?: number; itemId?: number };

export async function action({ request, params }: ActionFunctionArgs): Promise<Result> {
  await requireRole(request, ROLES);
  const parsed = parseForm(schema, await readForm(request));
  if (!parsed.ok) return { intent: parsed.values.intent ?? "", errors: parsed.errors, itemId: Number(parsed.values.itemId) || undefined };
  const { user, forum } = await requireForumModerator(request, params.forumId);
  const data = parsed.data;
  switch (data.intent) {
    case "paste": {
      const result = parsePaste(data.text);
      if (result.kind === "empty") return { intent: "paste", errors: { text: "forums.errors.empty" } };
      if (result.kind === "tooManyLines") return { intent: "paste", errors: { text: "forums.errors.tooManyLines" }, params: { lines: result.lines, limit: result.limit } };
      if (result.kind === "tooLong") return { intent: "paste", errors: { text: "forums.errors.linesTooLong" }, params: { lines: result.lineNumbers.slice(0, 10).join(", ") } };
      const added = await addItems(db(), { forumId: forum.id, actorUserId: user.id, texts: result.items, source: data.source, group: data.group || null });
      if (!added.ok) return { intent: "paste", errors: { text: "forums.errors.empty" } };
      return { intent: "paste", errors: {}, added: added.numbers.length };
    }
    case "type": {
      await addItems(db(), { forumId: forum.id, actorUserId: user.id, texts: [data.body], source: data.source, group: data.group || null });
      return { intent: "type", errors: {}, added: 1 };
    }
    case "merge": {
      const numbers = (text: string) => text.split(/[,;\s]+/).map((part) => Number(part.replace("#", ""))).filter((n) => Number.isInteger(n) && n > 0);
      const result = await mergeItems(db(), forum.id, numbers(data.keep)[0] ?? 0, [...new Set(numbers(data.duplicates))]);
      if (!result.ok) return { intent: "merge", errors: { duplicates: `forums.errors.${result.reason}` } };
      return { intent: "merge", errors: {} };
    }
    default: {
      const item = await itemInForum(db(), forum.id, data.itemId);
      if (!item) throw new Response("Not Found", { status: 404 });
      if (data.intent === "edit") await editItem(db(), forum.id, item.id, { body: data.body, source: data.source, group: data.group || null });
      else if (data.intent === "hide") await hideItem(db(), forum.id, item.id, data.reason, now());
      else if (data.intent === "unhide") await unhideItem(db(), forum.id, item.id);
      else if (data.intent === "accept") await acceptItem(db(), forum.id, item.id);
      else await unmergeItem(db(), forum.id, item.id);
      return { intent: data.intent, errors: {}, itemId: item.id };
    }
  }
}

export default function ForumItems() {
  const { forum, items } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const locale = useRootData()?.locale ?? "id";
  const errorsFor = (intent: string): Record<string, string | undefined> => (actionData?.intent === intent ? actionData.errors : {});
  const pasteErrors = errorsFor("paste");
  const typeErrors = errorsFor("type");
  const mergeErrors = errorsFor("merge");
  const active = items.filter(isActiveItem).length;
  const pending = items.filter((item) => item.moderation === "pending" && item.hiddenReason === null).length;
  const hidden = items.filter((item) => item.hiddenReason !== null).length;
  const merged = items.filter((item) => item.mergedIntoId !== null).length;
  return (
    <>
      <p className="muted">
        {forum.agencyName} · {forum.unitName}
      </p>
      <h1>{forum.title}</h1>
      <ForumTabs forumId={forum.id} current="items" />
      {actionData?.added ? (
        <p className="notice ok" role="status">
          {t("forums.staff.items.added", { count: actionData.added })}
        </p>
      ) : null}
      {actionData?.intent === "merge" && Object.keys(actionData.errors).length === 0 ? (
        <p className="notice ok" role="status">
          {t("forums.staff.items.merged")}
        </p>
      ) : null}

      <div className="two-columns">
        <section aria-labelledby="paste-title" className="card">
          <h2 id="paste-title">{t("forums.staff.items.pasteTitle")}</h2>
          <Form method="post" noValidate key={`paste-${actionData?.added ?? 0}`}>
            <input type="hidden" name="intent" value="paste" />
            <div className="field">
              <label htmlFor="paste-text">{t("forums.staff.items.paste")}</label>
              <span className="hint" id="paste-hint">
                {t("forums.staff.items.pasteHint")}
              </span>
              <textarea
                id="paste-text"
                name="text"
                rows={8}
                aria-invalid={pasteErrors.text ? true : undefined}
                aria-describedby={pasteErrors.text ? "paste-hint paste-error" : "paste-hint"}
              />
              {pasteErrors.text ? (
                <p className="field-error" id="paste-error" role="alert">
                  {t(pasteErrors.text, actionData?.params ?? {})}
                </p>
              ) : null}
            </div>
            <SourceAndGroup prefix="paste" />
            <div className="form-actions">
              <button type="submit" disabled={navigation.state === "submitting"}>
                {t("forums.staff.items.addPasted")}
              </button>
            </div>
          </Form>
        </section>
        <section aria-labelledby="type-title" className="card">
          <h2 id="type-title">{t("forums.staff.items.typeTitle")}</h2>
          <Form method="post" noValidate key={`type-${actionData?.added ?? 0}`}>
            <input type="hidden" name="intent" value="type" />
            <div className="field">
              <label htmlFor="type-body">{t("forums.staff.items.body")}</label>
              <textarea
                id="type-body"
                name="body"
                rows={3}
                maxLength={MAX_ITEM_LENGTH}
                aria-invalid={typeErrors.body ? true : undefined}
                aria-describedby={typeErrors.body ? "type-error" : undefined}
              />
              {typeErrors.body ? (
                <p className="field-error" id="type-error">
                  {t(typeErrors.body)}
                </p>
              ) : null}
            </div>
            <SourceAndGroup prefix="type" />
            <div className="form-actions">
              <button type="submit">{t("forums.staff.items.add")}</button>
            </div>
          </Form>
          <h2 id="merge-title">{t("forums.staff.items.mergeTitle")}</h2>
          <p className="muted small">{t("forums.staff.items.mergeHint")}</p>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="merge" />
            <div className="field">
              <label htmlFor="keep">{t("forums.staff.items.keep")}</label>
              <input id="keep" name="keep" type="text" inputMode="numeric" aria-invalid={mergeErrors.keep ? true : undefined} aria-describedby={mergeErrors.keep ? "keep-error" : undefined} />
              {mergeErrors.keep ? (
                <p className="field-error" id="keep-error">
                  {t(mergeErrors.keep)}
                </p>
              ) : null}
            </div>
            <div className="field">
              <label htmlFor="duplicates">{t("forums.staff.items.duplicates")}</label>
              <span className="hint" id="duplicates-hint">
                {t("forums.staff.items.duplicatesHint")}
              </span>
              <input
                id="duplicates"
                name="duplicates"
                type="text"
                aria-invalid={mergeErrors.duplicates ? true : undefined}
                aria-describedby={mergeErrors.duplicates ? "duplicates-hint duplicates-error" : "duplicates-hint"}
              />
              {mergeErrors.duplicates ? (
                <p className="field-error" id="duplicates-error">
                  {t(mergeErrors.duplicates)}
                </p>
              ) : null}
            </div>
            <div className="form-actions">
              <button type="submit" className="secondary">
                {t("forums.staff.items.merge")}
              </button>
            </div>
          </Form>
        </section>
      </div>

      <h2>{t("forums.staff.items.title")}</h2>
      <p className="muted small">
        {t("forums.staff.items.counts", {
          active: formatNumber(locale, active),
          pending: formatNumber(locale, pending),
          hidden: formatNumber(locale, hidden),
          merged: formatNumber(locale, merged),
        })}
      </p>
      <div className="table-wrap" tabIndex={0}>
        <table className="items-table">
          <caption className="muted small">{t("forums.staff.items.tableCaption")}</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                {t("forums.staff.items.number")}
              </th>
              <th scope="col">{t("forums.staff.items.text")}</th>
              <th scope="col">{t("forums.staff.items.source")}</th>
              <th scope="col">{t("forums.staff.items.element")}</th>
              <th scope="col">{t("forums.staff.items.state")}</th>
              <th scope="col">{t("forums.staff.items.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => {
              const rowErrors = actionData?.itemId === item.id ? actionData.errors : {};
              return (
                <tr key={item.id} id={`item-${item.number}`} className={isActiveItem(item) ? undefined : "inactive"}>
                  <td className="num">#{item.number}</td>
                  <td>
                    {item.body}
                    {item.submitterName ? <span className="muted small"> — {item.submitterName}</span> : null}
                  </td>
                  <td className="small">
                    {t(`forums.sources.${item.source}`)}
                    {item.group ? <span className="muted"> · {t(`forums.groups.${item.group}`)}</span> : null}
                  </td>
                  <td className="small">
                    {t(`forums.elements.${item.suggestedElement}`)}
                    {item.suggestedWords ? <span className="muted"> ({t("forums.staff.items.matched", { words: item.suggestedWords })})</span> : null}
                  </td>
                  <td className="small">
                    {item.hiddenReason !== null ? (
                      <span className="badge danger">{t("forums.staff.items.hidden", { reason: item.hiddenReason })}</span>
                    ) : item.mergedIntoNumber !== null ? (
                      <a href={`#item-${item.mergedIntoNumber}`}>{t("forums.staff.items.mergedInto", { number: item.mergedIntoNumber })}</a>
                    ) : item.moderation === "pending" ? (
                      <span className="badge warn">{t("forums.staff.items.pending")}</span>
                    ) : (
                      t("forums.staff.items.active")
                    )}
                  </td>
                  <td>
                    <ItemActions item={item} errors={rowErrors} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}

type Item = ReturnType<typeof useLoaderData<typeof loader>>["items"][number];

function ItemActions({ item, errors }: { item: Item; errors: Record<string, string | undefined> }) {
  const { t } = useTranslation();
  const simple = (intent: string, label: string) => (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="itemId" value={item.id} />
      <button type="submit" className="secondary small-button" aria-label={`${label} #${item.number}`}>
        {label}
      </button>
    </Form>
  );
  if (item.hiddenReason !== null) return simple("unhide", t("forums.staff.items.unhide"));
  if (item.mergedIntoId !== null) return simple("unmerge", t("forums.staff.items.unmerge"));
  return (
    <div className="row-actions">
      {item.moderation === "pending" ? simple("accept", t("forums.staff.overview.accept")) : null}
      <details open={Object.keys(errors).length > 0}>
        <summary aria-label={`${t("forums.staff.items.edit")} #${item.number}`}>{t("forums.staff.items.edit")}</summary>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="edit" />
          <input type="hidden" name="itemId" value={item.id} />
          <label htmlFor={`body-${item.id}`}>{t("forums.staff.items.body")}</label>
          <textarea id={`body-${item.id}`} name="body" defaultValue={item.body} rows={3} aria-invalid={errors.body ? true : undefined} />
          {errors.body ? <p className="field-error">{t(errors.body)}</p> : null}
          <SourceAndGroup prefix={`edit-${item.id}`} source={item.source} group={item.group} />
          <button type="submit" className="small-button">
            {t("forums.staff.items.save")}
          </button>
        </Form>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="hide" />
          <input type="hidden" name="itemId" value={item.id} />
          <label htmlFor={`reason-${item.id}`}>{t("forums.staff.items.hideReason")}</label>
          <input id={`reason-${item.id}`} name="reason" type="text" aria-invalid={errors.reason ? true : undefined} />
          {errors.reason ? <p className="field-error">{t(errors.reason)}</p> : null}
          <button type="submit" className="danger small-button">
            {t("forums.staff.items.hide")}
          </button>
        </Form>
      </details>
    </div>
  );
}

function SourceAndGroup({ prefix, source, group }: { prefix: string; source?: string; group?: string | null }) {
  const { t } = useTranslation();
  return (
    <div className="inline-fields">
      <div className="field">
        <label htmlFor={`${prefix}-source`}>{t("forums.staff.items.source")}</label>
        <select id={`${prefix}-source`} name="source" defaultValue={source ?? "spoken"}>
          {ITEM_SOURCES.map((value) => (
            <option key={value} value={value}>
              {t(`forums.sources.${value}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${prefix}-group`}>{t("forums.staff.items.group")}</label>
        <select id={`${prefix}-group`} name="group" defaultValue={group ?? ""}>
          <option value="">{t("forums.staff.items.groupNone")}</option>
          {STAKEHOLDER_GROUPS.map((value) => (
            <option key={value} value={value}>
              {t(`forums.groups.${value}`)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
