import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { z } from "zod";
import { STAKEHOLDER_GROUPS } from "../../db/tables/forums";
import { requireRole } from "~/auth/guard.server";
import { now } from "~/platform/clock.server";
import { db } from "~/platform/db.server";
import { acceptItem, hideItem, itemInForum, itemsOf } from "~/data/forums/items.server";
import { acceptsPublicInput, attendanceOf, saveAttendance, setInputOpen, updateForumDetails } from "~/data/forums/forums.server";
import { formatForumDay, formatStartTime, parseStartTime } from "~/domain/forum-day";
import { Field } from "~/ui/Field";
import { parseForm, idField } from "~/http/forms";
import { useRootData } from "~/root";
import { ForumTabs } from "~/ui/forums/ForumTabs";
import { requireForumModerator } from "~/auth/forum-guard.server";
import { readForm } from "~/http/form-body.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.forum.title} · Suara` : "Suara" }];

const ROLES = ["moderator", "admin"] as const;


export async function loader({ request, params }: LoaderFunctionArgs) {
  const { forum } = await requireForumModerator(request, params.forumId);
  const [attendance, items] = await Promise.all([attendanceOf(db(), forum.id), itemsOf(db(), forum.id)]);
  return {
    forum,
    acceptsInput: acceptsPublicInput(forum, now()),
    attendance: STAKEHOLDER_GROUPS.map((group) => attendance.find((row) => row.group === group) ?? { group, count: 0, names: [] }),
    pending: items.filter((item) => item.moderation === "pending" && item.hiddenReason === null),
  };
}

const detailsSchema = z.object({
  intent: z.literal("details"),
  title: z.string().trim().min(1, "form.required").max(200, "form.tooLong"),
  heldOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "forums.errors.badDate"),
  startTime: z
    .string()
    .trim()
    .optional()
    .refine((value) => !value || parseStartTime(value) !== null, "forums.errors.badTime")
    .transform((value) => (value ? parseStartTime(value) : null)),
  place: z.string().trim().min(1, "form.required").max(300, "form.tooLong"),
  agenda: z.string().trim().min(1, "form.required").max(4000, "form.tooLong"),
  chairName: z.string().trim().min(1, "form.required").max(200, "form.tooLong"),
  noteTakerName: z.string().trim().min(1, "form.required").max(200, "form.tooLong"),
});
const count = z.coerce.number().int().min(0, "form.invalid").max(100000, "form.invalid");
const names = z.string().max(8000, "form.tooLong").optional();
const schema = z.discriminatedUnion("intent", [
  detailsSchema,
  z.object({ intent: z.literal("input"), open: z.enum(["true", "false"]) }),
  z.object({ intent: z.literal("accept"), itemId: idField() }),
  z.object({ intent: z.literal("hide"), itemId: idField(), reason: z.string().trim().min(1, "form.required").max(500, "form.tooLong") }),
  z.object({
    intent: z.literal("attendance"),
    count_service_users: count,
    names_service_users: names,
    count_academics: count,
    names_academics: names,
    count_agencies: count,
    names_agencies: names,
    count_civil_society: count,
    names_civil_society: names,
    count_media: count,
    names_media: names,
  }),
]);

export async function action({ request, params }: ActionFunctionArgs) {
  await requireRole(request, ROLES);
  const parsed = parseForm(schema, await readForm(request));
  if (!parsed.ok) return { errors: parsed.errors, values: parsed.values, intent: parsed.values.intent ?? "", saved: false };
  const { forum } = await requireForumModerator(request, params.forumId);
  const data = parsed.data;
  switch (data.intent) {
    case "details":
      await updateForumDetails(db(), forum.id, {
        title: data.title,
        heldOn: data.heldOn,
        startTime: data.startTime ?? null,
        place: data.place,
        agenda: data.agenda,
        chairName: data.chairName,
        noteTakerName: data.noteTakerName,
      });
      break;
    case "input":
      await setInputOpen(db(), forum.id, data.open === "true");
      break;
    case "accept":
    case "hide": {
      const item = await itemInForum(db(), forum.id, data.itemId);
      if (!item) throw new Response("Not Found", { status: 404 });
      if (data.intent === "accept") await acceptItem(db(), forum.id, item.id);
      else await hideItem(db(), forum.id, item.id, data.reason, now());
      break;
    }
    case "attendance": {
      const rows = STAKEHOLDER_GROUPS.map((group) => ({
        group,
        count: data[`count_${group}`],
        names: (data[`names_${group}`] ?? "").split(/\r?\n/).map((name) => name.trim()).filter(Boolean),
      }));
      await saveAttendance(db(), forum.id, rows);
      return { errors: {} as Record<string, string>, values: {} as Record<string, string>, intent: "attendance", saved: true };
    }
  }
  return redirect(`/staf/forum/${forum.id}`);
}

export default function ForumOverview() {
  const { forum, acceptsInput, attendance, pending } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const locale = useRootData()?.locale ?? "id";
  const errors: Record<string, string | undefined> = actionData?.errors ?? {};
  const values: Record<string, string | undefined> = actionData?.values ?? {};
  const detailErrors = actionData?.intent === "details" ? errors : {};
  return (
    <>
      <p className="muted">
        {forum.agencyName} · {forum.unitName}
      </p>
      <h1>{forum.title}</h1>
      <ForumTabs forumId={forum.id} current="overview" />

      <section aria-labelledby="details-title">
        <h2 id="details-title">{t("forums.staff.overview.details")}</h2>
        <dl className="facts">
          <dt>{t("forums.page.when")}</dt>
          <dd>
            {formatForumDay(locale, forum.heldOn)}
            {forum.startTime ? `, ${formatStartTime(locale, forum.startTime)}` : ""}
          </dd>
          <dt>{t("forums.page.place")}</dt>
          <dd>{forum.place}</dd>
          <dt>{t("forums.page.agenda")}</dt>
          <dd className="pre-line">{forum.agenda}</dd>
          <dt>{t("forums.page.services")}</dt>
          <dd>{forum.services.map((s) => s.name).join(", ") || "–"}</dd>
          <dt>{t("forums.page.chair")}</dt>
          <dd>{forum.chairName}</dd>
          <dt>{t("forums.page.noteTaker")}</dt>
          <dd>{forum.noteTakerName}</dd>
        </dl>
        <details className="card" open={actionData?.intent === "details"}>
          <summary>{t("forums.staff.overview.edit")}</summary>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="details" />
            <Field name="title" label={t("forums.staff.create.forumTitle")} type="text" required defaultValue={values.title ?? forum.title} error={detailErrors.title} />
            <Field name="heldOn" label={t("forums.staff.create.heldOn")} type="date" required defaultValue={values.heldOn ?? forum.heldOn} error={detailErrors.heldOn} />
            <Field name="startTime" label={t("forums.staff.create.startTime")} type="text" defaultValue={values.startTime ?? (forum.startTime ? formatStartTime(locale, forum.startTime) : "")} error={detailErrors.startTime} />
            <Field name="place" label={t("forums.staff.create.place")} type="text" required defaultValue={values.place ?? forum.place} error={detailErrors.place} />
            <div className="field">
              <label htmlFor="agenda">{t("forums.staff.create.agenda")}</label>
              <textarea id="agenda" name="agenda" defaultValue={values.agenda ?? forum.agenda} />
            </div>
            <Field name="chairName" label={t("forums.staff.create.chair")} type="text" required defaultValue={values.chairName ?? forum.chairName} error={detailErrors.chairName} />
            <Field name="noteTakerName" label={t("forums.staff.create.noteTaker")} type="text" required defaultValue={values.noteTakerName ?? forum.noteTakerName} error={detailErrors.noteTakerName} />
            <div className="form-actions">
              <button type="submit">{t("forums.staff.create.save")}</button>
            </div>
          </Form>
        </details>
        <Form method="post" className="inline-actions">
          <input type="hidden" name="intent" value="input" />
          <span>{acceptsInput ? t("forums.staff.overview.inputOpen") : t("forums.staff.overview.inputClosedNote")}</span>{" "}
          <button type="submit" name="open" value={forum.inputOpen ? "false" : "true"} className="secondary small-button">
            {forum.inputOpen ? t("forums.staff.overview.closeInput") : t("forums.staff.overview.openInput")}
          </button>
        </Form>
      </section>

      <section aria-labelledby="pending-title">
        <h2 id="pending-title">{t("forums.staff.overview.pendingTitle")}</h2>
        {pending.length === 0 ? <p className="muted">{t("forums.staff.overview.pendingNone")}</p> : null}
        {pending.map((item) => (
          <div key={item.id} className="card pending-item">
            <p>
              <span className="item-number">#{item.number}</span> {item.body}
            </p>
            <p className="muted small">
              {item.submitterName ?? t("forums.page.anonymous")}
              {item.group ? ` · ${t(`forums.groups.${item.group}`)}` : ""}
            </p>
            <div className="inline-actions">
              <Form method="post">
                <input type="hidden" name="intent" value="accept" />
                <input type="hidden" name="itemId" value={item.id} />
                <button type="submit" className="small-button" aria-label={`${t("forums.staff.overview.accept")} #${item.number}`}>
                  {t("forums.staff.overview.accept")}
                </button>
              </Form>
              <Form method="post" className="hide-form">
                <input type="hidden" name="intent" value="hide" />
                <input type="hidden" name="itemId" value={item.id} />
                <label htmlFor={`reason-${item.id}`} className="visually-hidden">
                  {t("forums.staff.items.hideReason")}
                </label>
                <input id={`reason-${item.id}`} name="reason" type="text" required placeholder={t("forums.staff.items.hideReason")} />
                <button type="submit" className="secondary small-button">
                  {t("forums.staff.items.hide")}
                </button>
              </Form>
            </div>
          </div>
        ))}
      </section>

      <section aria-labelledby="attendance-title">
        <h2 id="attendance-title">{t("forums.staff.overview.attendanceTitle")}</h2>
        <p className="muted small">{t("forums.staff.overview.attendanceHint")}</p>
        {actionData?.saved ? (
          <p className="notice ok" role="status">
            {t("forums.staff.overview.attendanceSaved")}
          </p>
        ) : null}
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="attendance" />
          <div className="table-wrap" tabIndex={0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("forums.page.attendanceGroup")}</th>
                  <th scope="col">{t("forums.staff.overview.count")}</th>
                  <th scope="col">{t("forums.staff.overview.names")}</th>
                </tr>
              </thead>
              <tbody>
                {attendance.map((row) => (
                  <tr key={row.group}>
                    <th scope="row">
                      <label htmlFor={`count_${row.group}`} className="table-label">
                        {t(`forums.groups.${row.group}`)}
                      </label>
                    </th>
                    <td>
                      <input id={`count_${row.group}`} name={`count_${row.group}`} type="number" min={0} inputMode="numeric" defaultValue={row.count} className="count-input" aria-invalid={errors[`count_${row.group}`] ? true : undefined} />
                    </td>
                    <td>
                      <textarea name={`names_${row.group}`} aria-label={`${t("forums.staff.overview.names")}: ${t(`forums.groups.${row.group}`)}`} defaultValue={row.names.join("\n")} rows={2} className="names-input" />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="form-actions">
            <button type="submit">{t("forums.staff.overview.saveAttendance")}</button>
          </div>
        </Form>
      </section>
    </>
  );
}
