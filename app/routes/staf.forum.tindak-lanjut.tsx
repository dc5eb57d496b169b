import {
  data as respond,
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { z } from "zod";
import { ACTION_STATUSES } from "../../db/tables/forums";
import { requireRole, requireUnitRole } from "~/auth/guard.server";
import { now } from "~/platform/clock.server";
import { db } from "~/platform/db.server";
import { actionById, actionsForUnits, actionUpdates, updateAction } from "~/data/forums/actions.server";
import { formatShortDay } from "~/domain/forum-day";
import { checkActionUpdate } from "~/domain/forum-record";
import { checkEvidenceFile, MAX_EVIDENCE_BYTES, safeFileName } from "~/domain/skp-evidence";
import { mayReportOnAction } from "~/domain/access/forum-actions";
import { formatDateTime, formatNumber } from "~/i18n/format";
import { useRootData } from "~/root";
import { parseForm, idField } from "~/http/forms";
import { idFromText } from "~/http/params";
import { readForm } from "~/http/form-body.server";
import { Evidence, EvidenceFile } from "~/ui/forums/Evidence";

export const meta: MetaFunction = () => [{ title: "Tindak lanjut forum · Suara" }];

// The actions of the units in one's scope. Moderators and administrators follow them; only the responsible unit
// (its head, app/domain/access/forum-actions.ts) records progress and marks an action done, with evidence.
const ROLES = ["supervisor", "moderator", "admin"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ROLES);
  const paths = user.grants.filter((grant) => (ROLES as readonly string[]).includes(grant.role)).map((grant) => grant.unitPath);
  const actions = await actionsForUnits(db(), paths, now());
  const updates = await actionUpdates(db(), actions.map((action) => action.id));
  return {
    actions: actions.map((action) => ({
      ...action,
      mayReport: mayReportOnAction(user.grants, action.responsibleUnitPath),
      updates: updates.filter((update) => update.actionId === action.id),
    })),
  };
}

const schema = z.object({
  actionId: idField(),
  status: z.enum(ACTION_STATUSES),
  note: z.string().trim().max(2000, "form.tooLong"),
  evidence: z.string().trim().max(2000, "form.tooLong").optional(),
});

export async function action({ request }: ActionFunctionArgs) {
  await requireRole(request, ROLES);
  let form: FormData;
  try {
    form = await readForm(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_EVIDENCE_BYTES }));
  } catch (error) {
    // The body is not read further, so the action is named in the form's address (?aksi=) for the message.
    if (error instanceof MaxPartSizeExceededError) {
      return respond(
        { actionId: idFromText(new URL(request.url).searchParams.get("aksi")), errors: { evidenceFile: "forums.errors.evidenceFileTooLarge" } as Record<string, string>, saved: false },
        { status: 413 },
      );
    }
    throw error;
  }
  const upload = form.get("evidenceFile");
  form.delete("evidenceFile");
  const parsed = parseForm(schema, form);
  if (!parsed.ok) return respond({ actionId: Number(parsed.values.actionId) || null, errors: parsed.errors, saved: false }, { status: 400 });
  const data = parsed.data;
  const found = await actionById(db(), data.actionId);
  if (!found) throw new Response("Not Found", { status: 404 });
  const user = await requireUnitRole(request, ROLES, found.responsibleUnitId);
  if (!mayReportOnAction(user.grants, found.responsibleUnitPath)) {
    return respond({ actionId: found.id, errors: { _form: "forums.errors.notYourUnit" } as Record<string, string>, saved: false }, { status: 403 });
  }
  // A file is recognised by its first bytes, never by its name or the browser's claim.
  let file = null;
  if (upload instanceof File && upload.size > 0) {
    const bytes = new Uint8Array(await upload.arrayBuffer());
    const fileCheck = checkEvidenceFile(bytes);
    if (!fileCheck.ok) {
      const message = fileCheck.reason === "tooLarge" ? "forums.errors.evidenceFileTooLarge" : "forums.errors.evidenceFileWrongType";
      return respond({ actionId: found.id, errors: { evidenceFile: message } as Record<string, string>, saved: false }, { status: 400 });
    }
    file = { bytes, type: fileCheck.mime, extension: fileCheck.extension, name: safeFileName(upload.name, fileCheck.extension) };
  }
  const check = checkActionUpdate({ status: data.status, note: data.note, evidence: data.evidence, hasFile: file !== null });
  if (!check.ok) {
    const field = check.reason === "evidenceRequired" ? "evidence" : "note";
    return respond({ actionId: found.id, errors: { [field]: `forums.errors.${check.reason}` } as Record<string, string>, saved: false }, { status: 400 });
  }
  await updateAction(db(), { actionId: found.id, actorUserId: user.id, status: data.status, note: data.note, evidence: data.evidence || null, file, now: now() });
  return respond({ actionId: found.id, errors: {} as Record<string, string>, saved: true });
}

export default function ForumActions() {
  const { actions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const locale = useRootData()?.locale ?? "id";
  const late = actions.filter((action) => action.late).length;
  return (
    <>
      <h1>{t("forums.staff.actions.title")}</h1>
      <p className="muted">{t("forums.staff.actions.intro")}</p>
      {late > 0 ? (
        <p className="notice error" role="status">
          {t("forums.staff.actions.lateCount", { count: late, formatted: formatNumber(locale, late) })}
        </p>
      ) : null}
      {actions.length === 0 ? <p>{t("forums.staff.actions.none")}</p> : null}
      {actions.map((action) => {
        const errors: Record<string, string | undefined> = actionData?.actionId === action.id ? actionData.errors : {};
        return (
          <section key={action.id} className={`card action-card${action.late ? " late" : ""}`} aria-labelledby={`action-${action.id}`}>
            <h2 id={`action-${action.id}`} className="action-what">
              {action.description}
            </h2>
            <p className="small">
              <span className={`badge status-${action.status}`}>{t(`forums.status.${action.status}`)}</span>{" "}
              {action.late ? <span className="badge danger">{t("forums.page.late")}</span> : null} {t("forums.page.due")}: {formatShortDay(locale, action.dueOn)} ·{" "}
              {t("forums.page.responsible")}: {action.responsibleUnitName}
              {action.responsibleOfficer ? ` (${action.responsibleOfficer})` : ""} · {t("forums.staff.actions.forum")}:{" "}
              <Link to={`/forum/${action.forumId}`}>{action.forumTitle}</Link>
              {action.element ? ` · ${t(`forums.elements.${action.element}`)}` : ""}
            </p>
            {action.updates.length > 0 ? (
              <details>
                <summary className="small">
                  {t("forums.staff.actions.history")} ({action.updates.length})
                </summary>
                <ul className="small">
                  {action.updates.map((update, index) => (
                    <li key={index}>
                      {formatDateTime(locale, update.at)} · {t(`forums.status.${update.status}`)} · {update.note}
                      {update.evidence ? <Evidence evidence={update.evidence} label={t("forums.staff.actions.evidenceLabel")} /> : null}
                      {update.fileType && update.fileBytes ? (
                        <EvidenceFile forumId={action.forumId} updateId={update.id} type={update.fileType} bytes={update.fileBytes} label={t("forums.staff.actions.evidenceFileLabel")} />
                      ) : null}
                      {update.by ? <span className="muted"> — {update.by}</span> : null}
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
            {actionData?.saved && actionData.actionId === action.id ? (
              <p className="notice ok" role="status">
                {t("forums.staff.actions.saved")}
              </p>
            ) : null}
            {errors._form ? (
              <p className="notice error" role="alert">
                {t(errors._form)}
              </p>
            ) : null}
            {!action.mayReport ? <p className="muted small">{t("forums.staff.actions.readOnly")}</p> : null}
            {action.mayReport ? (
            <Form method="post" encType="multipart/form-data" action={`?aksi=${action.id}`} noValidate className="action-update">
              <input type="hidden" name="actionId" value={action.id} />
              <div className="inline-fields">
                <div className="field">
                  <label htmlFor={`status-${action.id}`}>{t("forums.staff.actions.newStatus")}</label>
                  <select id={`status-${action.id}`} name="status" defaultValue={action.status}>
                    {ACTION_STATUSES.map((status) => (
                      <option key={status} value={status}>
                        {t(`forums.status.${status}`)}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field grow">
                  <label htmlFor={`note-${action.id}`}>{t("forums.staff.actions.note")}</label>
                  <span className="hint" id={`note-hint-${action.id}`}>
                    {t("forums.staff.actions.noteHint")}
                  </span>
                  <input
                    id={`note-${action.id}`}
                    name="note"
                    type="text"
                    aria-invalid={errors.note ? true : undefined}
                    aria-describedby={errors.note ? `note-hint-${action.id} note-error-${action.id}` : `note-hint-${action.id}`}
                  />
                  {errors.note ? (
                    <p className="field-error" id={`note-error-${action.id}`}>
                      {t(errors.note)}
                    </p>
                  ) : null}
                </div>
              </div>
              <div className="field">
                <label htmlFor={`evidence-${action.id}`}>{t("forums.staff.actions.evidence")}</label>
                <span className="hint" id={`evidence-hint-${action.id}`}>
                  {t("forums.staff.actions.evidenceHint")}
                </span>
                <input
                  id={`evidence-${action.id}`}
                  name="evidence"
                  type="text"
                  maxLength={2000}
                  aria-invalid={errors.evidence ? true : undefined}
                  aria-describedby={errors.evidence ? `evidence-hint-${action.id} evidence-error-${action.id}` : `evidence-hint-${action.id}`}
                />
                {errors.evidence ? (
                  <p className="field-error" id={`evidence-error-${action.id}`}>
                    {t(errors.evidence)}
                  </p>
                ) : null}
              </div>
              <div className="field">
                <label htmlFor={`evidence-file-${action.id}`}>{t("forums.staff.actions.evidenceFile")}</label>
                <span className="hint" id={`evidence-file-hint-${action.id}`}>
                  {t("forums.staff.actions.evidenceFileHint")}
                </span>
                <input
                  id={`evidence-file-${action.id}`}
                  name="evidenceFile"
                  type="file"
                  accept="image/jpeg,image/png,application/pdf,.jpg,.jpeg,.png,.pdf"
                  aria-invalid={errors.evidenceFile ? true : undefined}
                  aria-describedby={errors.evidenceFile ? `evidence-file-hint-${action.id} evidence-file-error-${action.id}` : `evidence-file-hint-${action.id}`}
                />
                {errors.evidenceFile ? (
                  <p className="field-error" id={`evidence-file-error-${action.id}`}>
                    {t(errors.evidenceFile)}
                  </p>
                ) : null}
              </div>
              <button type="submit" className="small-button">
                {t("forums.staff.actions.save")}
              </button>
            </Form>
            ) : null}
          </section>
        );
      })}
    </>
  );
}
