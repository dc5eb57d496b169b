import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { z } from "zod";
import { requireRole } from "~/auth/guard.server";
import { db } from "~/platform/db.server";
import { currentRecord } from "~/data/forums/records.server";
import { editTheme, mergeThemes, moveItem, proposeForumThemes, setThemeAccepted, themeFromItems, themeInForum, themesOf } from "~/data/forums/themes.server";
import { itemInForum, itemsOf } from "~/data/forums/items.server";
import { ELEMENT_CODES } from "~/domain/indicators/elements";
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
  const [themes, items, record] = await Promise.all([themesOf(db(), forum.id), itemsOf(db(), forum.id), currentRecord(db(), forum.id)]);
  const active = items.filter(isActiveItem);
  return {
    forum: { id: forum.id, title: forum.title, unitName: forum.unitName, agencyName: forum.agencyName },
    locked: record.status !== "draft",
    themes: themes.map((theme) => ({ ...theme, items: active.filter((item) => item.themeId === theme.id) })),
    unthemed: active.filter((item) => item.themeId === null),
    activeCount: active.length,
  };
}

const id = idField();
const label = z.string().trim().min(1, "form.required").max(200, "form.tooLong");
const schema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("propose") }),
  z.object({ intent: z.literal("acceptAll") }),
  z.object({ intent: z.literal("accept"), themeId: id, accepted: z.enum(["true", "false"]) }),
  z.object({
    intent: z.literal("edit"),
    themeId: id,
    label,
    priority: z.coerce.number().int().min(1, "form.invalid").max(999, "form.invalid"),
    element: z.union([z.enum(ELEMENT_CODES), z.literal("other"), z.literal("")]),
  }),
  z.object({ intent: z.literal("merge"), themeId: id, intoId: id }),
  z.object({ intent: z.literal("split"), itemId: z.union([id, z.array(id)]).optional(), label }),
  z.object({ intent: z.literal("move"), itemId: id, toThemeId: z.union([id, z.literal("")]) }),
]);

export async function action({ request, params }: ActionFunctionArgs) {
  await requireRole(request, ROLES);
  const parsed = parseForm(schema, await readForm(request));
  if (!parsed.ok) return { intent: parsed.values.intent ?? "", themeId: Number(parsed.values.themeId) || null, errors: parsed.errors, proposed: null };
  const { forum } = await requireForumModerator(request, params.forumId);
  const record = await currentRecord(db(), forum.id);
  if (record.status !== "draft") return { intent: parsed.data.intent, themeId: null, errors: { _form: "forums.errors.locked" }, proposed: null };
  const data = parsed.data;
  const theme = async (themeId: number) => {
    const found = await themeInForum(db(), forum.id, themeId);
    if (!found) throw new Response("Not Found", { status: 404 });
    return found;
  };
  const none = { errors: {} as Record<string, string>, proposed: null };
  switch (data.intent) {
    case "propose":
      return { intent: "propose", themeId: null, errors: {} as Record<string, string>, proposed: await proposeForumThemes(db(), forum.id) };
    case "acceptAll":
      await setThemeAccepted(db(), forum.id, "all", true);
      return { intent: "acceptAll", themeId: null, ...none };
    case "accept":
      await setThemeAccepted(db(), forum.id, (await theme(data.themeId)).id, data.accepted === "true");
      return { intent: "accept", themeId: data.themeId, ...none };
    case "edit":
      await editTheme(db(), (await theme(data.themeId)).id, { label: data.label, priority: data.priority, element: data.element || null });
      return { intent: "edit", themeId: data.themeId, ...none };
    case "merge":
      await mergeThemes(db(), forum.id, (await theme(data.themeId)).id, (await theme(data.intoId)).id);
      return { intent: "merge", themeId: null, ...none };
    case "split": {
      const ids = data.itemId === undefined ? [] : Array.isArray(data.itemId) ? data.itemId : [data.itemId];
      await themeFromItems(db(), forum.id, ids, data.label);
      return { intent: "split", themeId: null, ...none };
    }
    case "move": {
      const item = await itemInForum(db(), forum.id, data.itemId);
      if (!item) throw new Response("Not Found", { status: 404 });
      await moveItem(db(), forum.id, item.id, data.toThemeId === "" ? null : (await theme(data.toThemeId)).id);
      return { intent: "move", themeId: null, ...none };
    }
  }
}

export default function ForumThemes() {
  const { forum, locked, themes, unthemed, activeCount } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const locale = useRootData()?.locale ?? "id";
  const themed = activeCount - unthemed.length;
  return (
    <>
      <p className="muted">
        {forum.agencyName} · {forum.unitName}
      </p>
      <h1>{forum.title}</h1>
      <ForumTabs forumId={forum.id} current="themes" />
      <h2>{t("forums.staff.themes.title")}</h2>
      <p className="muted">{t("forums.staff.themes.intro")}</p>
      {locked ? <p className="notice warn">{t("forums.staff.themes.locked")}</p> : null}
      {actionData?.errors._form ? (
        <p className="notice error" role="alert">
          {t(actionData.errors._form)}
        </p>
      ) : null}
      {actionData?.proposed ? (
        <p className="notice ok" role="status">
          {t("forums.staff.themes.proposed", { themes: formatNumber(locale, actionData.proposed.themes), unthemed: formatNumber(locale, actionData.proposed.unthemed) })}
        </p>
      ) : null}
      <p className="coverage">
        <strong>{t("forums.staff.themes.coverage", { themed: formatNumber(locale, themed), total: formatNumber(locale, activeCount), unthemed: formatNumber(locale, unthemed.length) })}</strong>
      </p>
      {!locked ? (
        <div className="inline-actions">
          <Form method="post">
            <input type="hidden" name="intent" value="propose" />
            <button type="submit" disabled={navigation.state === "submitting"}>
              {themes.length === 0 ? t("forums.staff.themes.propose") : t("forums.staff.themes.proposeAgain")}
            </button>
          </Form>
          {themes.some((theme) => !theme.accepted) ? (
            <Form method="post">
              <input type="hidden" name="intent" value="acceptAll" />
              <button type="submit" className="secondary">
                {t("forums.staff.themes.acceptAll")}
              </button>
            </Form>
          ) : null}
        </div>
      ) : null}

      {themes.map((theme) => {
        const errors: Record<string, string | undefined> = actionData?.themeId === theme.id ? actionData.errors : {};
        return (
          <section key={theme.id} className={`card theme-card${theme.accepted ? " accepted" : ""}`} aria-labelledby={`theme-${theme.id}`}>
            <h3 id={`theme-${theme.id}`}>
              {theme.label} <span className="muted small">({t("forums.staff.themes.items", { count: theme.items.length })})</span>{" "}
              {theme.accepted ? <span className="badge">{t("forums.staff.themes.accepted")}</span> : null}
            </h3>
            <p className="muted small">
              {t("forums.staff.themes.elementSuggested", { element: t(`forums.elements.${theme.suggestedElement}`) })}
              {theme.suggestedWords ? ` (${t("forums.staff.items.matched", { words: theme.suggestedWords })})` : ""}
            </p>
            {!locked ? (
              <>
                <Form method="post" className="theme-edit" noValidate>
                  <input type="hidden" name="intent" value="edit" />
                  <input type="hidden" name="themeId" value={theme.id} />
                  <div className="field grow">
                    <label htmlFor={`label-${theme.id}`}>{t("forums.staff.themes.label")}</label>
                    <input id={`label-${theme.id}`} name="label" type="text" defaultValue={theme.label} aria-invalid={errors.label ? true : undefined} />
                    {errors.label ? <p className="field-error">{t(errors.label)}</p> : null}
                  </div>
                  <div className="field narrow-field">
                    <label htmlFor={`priority-${theme.id}`}>{t("forums.staff.themes.priority")}</label>
                    <input id={`priority-${theme.id}`} name="priority" type="number" min={1} defaultValue={theme.priority} />
                  </div>
                  <div className="field">
                    <label htmlFor={`element-${theme.id}`}>{t("forums.staff.themes.element")}</label>
                    <select id={`element-${theme.id}`} name="element" defaultValue={theme.element ?? ""}>
                      <option value="">{t("forums.staff.themes.elementKeep")}</option>
                      {[...ELEMENT_CODES, "other"].map((code) => (
                        <option key={code} value={code}>
                          {t(`forums.elements.${code}`)}
                        </option>
                      ))}
                    </select>
                  </div>
                  <button type="submit" className="small-button">
                    {t("forums.staff.themes.rename")}
                  </button>
                </Form>
                <div className="inline-actions">
                  <Form method="post">
                    <input type="hidden" name="intent" value="accept" />
                    <input type="hidden" name="themeId" value={theme.id} />
                    <input type="hidden" name="accepted" value={theme.accepted ? "false" : "true"} />
                    <button type="submit" className="secondary small-button">
                      {theme.accepted ? t("forums.staff.themes.unaccept") : t("forums.staff.themes.accept")}
                    </button>
                  </Form>
                  {themes.length > 1 ? (
                    <Form method="post" className="inline-form-row">
                      <input type="hidden" name="intent" value="merge" />
                      <input type="hidden" name="themeId" value={theme.id} />
                      <label htmlFor={`into-${theme.id}`}>{t("forums.staff.themes.mergeInto")}</label>
                      <select id={`into-${theme.id}`} name="intoId">
                        {themes
                          .filter((other) => other.id !== theme.id)
                          .map((other) => (
                            <option key={other.id} value={other.id}>
                              {other.label}
                            </option>
                          ))}
                      </select>
                      <button type="submit" className="secondary small-button">
                        {t("forums.staff.themes.merge")}
                      </button>
                    </Form>
                  ) : null}
                </div>
              </>
            ) : null}
            <ItemRows items={theme.items} themes={themes} locked={locked} splitFormId={`split-${theme.id}`} currentThemeId={theme.id} />
            {!locked ? (
              <Form method="post" id={`split-${theme.id}`} className="inline-form-row">
                <input type="hidden" name="intent" value="split" />
                <label htmlFor={`split-label-${theme.id}`}>{t("forums.staff.themes.newLabel")}</label>
                <input id={`split-label-${theme.id}`} name="label" type="text" />
                <button type="submit" className="secondary small-button">
                  {t("forums.staff.themes.split")}
                </button>
              </Form>
            ) : null}
          </section>
        );
      })}

      <section className="card" aria-labelledby="unthemed-title">
        <h3 id="unthemed-title">
          {t("forums.staff.themes.unthemed")} <span className="muted small">({t("forums.staff.themes.items", { count: unthemed.length })})</span>
        </h3>
        {unthemed.length === 0 ? <p className="muted">{t("forums.staff.themes.unthemedNone")}</p> : null}
        <ItemRows items={unthemed} themes={themes} locked={locked} splitFormId="split-unthemed" currentThemeId={null} />
        {!locked && unthemed.length > 0 ? (
          <Form method="post" id="split-unthemed" className="inline-form-row">
            <input type="hidden" name="intent" value="split" />
            <label htmlFor="split-label-unthemed">{t("forums.staff.themes.newLabel")}</label>
            <input id="split-label-unthemed" name="label" type="text" />
            <button type="submit" className="secondary small-button">
              {t("forums.staff.themes.fromUnthemed")}
            </button>
          </Form>
        ) : null}
      </section>
    </>
  );
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

function ItemRows({
  items,
  themes,
  locked,
  splitFormId,
  currentThemeId,
}: {
  items: LoaderData["unthemed"];
  themes: LoaderData["themes"];
  locked: boolean;
  splitFormId: string;
  currentThemeId: number | null;
}) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <ul className="theme-items">
      {items.map((item) => (
        <li key={item.id}>
          {!locked ? (
            <input type="checkbox" name="itemId" value={item.id} form={splitFormId} id={`pick-${item.id}`} aria-label={t("forums.staff.themes.select", { number: item.number })} />
          ) : null}
          <span className="item-text">
            <span className="item-number">#{item.number}</span> {item.body}
            <span className="muted small">
              {" "}
              · {t(`forums.elements.${item.suggestedElement}`)}
              {item.suggestedWords ? ` (${t("forums.staff.items.matched", { words: item.suggestedWords })})` : ""}
            </span>
          </span>
          {!locked ? (
            <Form method="post" className="move-form">
              <input type="hidden" name="intent" value="move" />
              <input type="hidden" name="itemId" value={item.id} />
              <select name="toThemeId" aria-label={t("forums.staff.themes.moveTo", { number: item.number })} defaultValue={currentThemeId ?? ""}>
                <option value="">{t("forums.staff.themes.noTheme")}</option>
                {themes.map((theme) => (
                  <option key={theme.id} value={theme.id}>
                    {theme.label}
                  </option>
                ))}
              </select>
              <button type="submit" className="secondary small-button">
                {t("forums.staff.themes.move")}
              </button>
            </Form>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
