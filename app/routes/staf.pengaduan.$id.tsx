import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/react";
import { z } from "zod";
import { requireRole } from "~/auth/guard.server";
import { now } from "~/platform/clock.server";
import { complaintForStaff } from "~/data/complaints/detail.server";
import { actOnComplaint } from "~/data/complaints/steps.server";
import { COMPLAINT_CATEGORIES, VISIBILITIES } from "~/domain/complaint-options";
import { db } from "~/platform/db.server";
import type { ComplaintCategory, ComplaintEvent, Visibility } from "~/domain/complaint-lifecycle";
import { formatDate, formatDateTime } from "~/i18n/format";
import { useRootData } from "~/root";
import { parseForm, idField } from "~/http/forms";
import { unitIdParam } from "~/http/params";
import { confirmationFor, confirmField, type ConfirmRequest } from "~/http/confirm";
import { ForwardFields } from "~/ui/complaints/ForwardFields";
import { ConfirmStep } from "~/ui/ConfirmStep";
import { SelectField } from "~/ui/SelectField";
import { TextAreaField } from "~/ui/TextAreaField";
import { readForm } from "~/http/form-body.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.complaint.trackingCode} · Suara` : "Suara" }];

const STAFF_ROLES = ["complaint_handler", "supervisor", "officer"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, STAFF_ROLES);
  const complaint = await complaintForStaff(db(), user, unitIdParam(params.id), now());
  if (!complaint) throw new Response("Not Found", { status: 404 });
  return { complaint };
}

const text = z.string().trim().min(1, "form.required").max(5000, "complaints.errors.tooLong");
const category = z.enum(COMPLAINT_CATEGORIES as [ComplaintCategory, ...ComplaintCategory[]]);
const visibility = z.enum(VISIBILITIES as [Visibility, ...Visibility[]]);
const stepSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("verify"), category, visibility }),
  z.object({
    intent: z.literal("forward"),
    unitId: idField(),
    officerId: z.preprocess((value) => (value === "" ? undefined : value), idField().optional()),
  }),
  z.object({ intent: z.literal("postpone"), reason: text }),
  z.object({ intent: z.literal("resume") }),
  z.object({ intent: z.literal("not_our_authority"), referTo: text }),
  z.object({ intent: z.literal("archive"), reason: z.enum(["spam", "duplicate", "other"], { message: "form.required" }), note: z.string().trim().max(2000, "form.tooLong").default("") }),
  z.object({ intent: z.literal("follow_up"), text }),
  z.object({ intent: z.literal("officer_reply"), text }),
  z.object({ intent: z.literal("close"), upheld: z.enum(["yes", "no"], { message: "form.required" }) }),
  z.object({ intent: z.literal("set_visibility"), visibility }),
]);

type Step = z.infer<typeof stepSchema>;
const IRREVERSIBLE: readonly Step["intent"][] = ["archive", "not_our_authority", "close"];

function eventOf(step: Step): ComplaintEvent {
  switch (step.intent) {
    case "verify":
      return { type: "verify", category: step.category, visibility: step.visibility };
    case "forward":
      return { type: "forward", unitId: String(step.unitId), officerId: step.officerId === undefined ? undefined : String(step.officerId) };
    case "postpone":
      return { type: "postpone", reason: step.reason };
    case "resume":
      return { type: "resume" };
    case "not_our_authority":
      return { type: "not_our_authority", referTo: step.referTo };
    case "archive":
      return { type: "archive", reason: step.reason, note: step.note };
    case "follow_up":
      return { type: "follow_up", text: step.text };
    case "officer_reply":
      return { type: "officer_reply", text: step.text };
    case "close":
      return { type: "close", upheld: step.upheld === "yes" };
    case "set_visibility":
      return { type: "set_visibility", visibility: step.visibility };
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, STAFF_ROLES);
  const complaintId = unitIdParam(params.id);
  const form = await readForm(request);
  const parsed = parseForm(stepSchema, form);
  const intent = String(form.get("intent") ?? "");
  if (!parsed.ok) return data({ intent, errors: parsed.errors, confirm: null }, { status: 400 });
  // Archiving, referring elsewhere and closing end the complaint: they are asked about first.
  const confirm = IRREVERSIBLE.includes(parsed.data.intent) ? confirmationFor(form) : null;
  if (confirm) {
    const complaint = await complaintForStaff(db(), user, complaintId, now());
    if (!complaint) throw new Response("Not Found", { status: 404 });
    if (!complaint.actions[parsed.data.intent]) return data({ intent, errors: { _form: "complaints.errors.refusals.out_of_scope" }, confirm: null }, { status: 403 });
    return { intent, errors: {} as Record<string, string>, confirm };
  }
  const result = await actOnComplaint(db(), user, complaintId, eventOf(parsed.data), now());
  if (!result.ok) {
    if (result.reason === "not_found") throw new Response("Not Found", { status: 404 });
    return data({ intent, errors: { _form: `complaints.errors.refusals.${result.reason}` }, confirm: null }, { status: result.reason === "out_of_scope" ? 403 : 409 });
  }
  return redirect(`/staf/pengaduan/${complaintId}?ok=1`);
}

export default function StaffComplaint() {
  const { complaint: c } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const locale = useRootData()?.locale ?? "id";
  const zone = c.timeZone;
  const errorsFor = (intent: string): Record<string, string | undefined> => (actionData?.intent === intent ? actionData.errors : {});
  const anyAction = Object.values(c.actions).some(Boolean);
  const replies = c.events.filter((event) => event.type === "officer_reply");
  return (
    <>
      <p>
        <Link to="/staf/pengaduan">← {t("complaints.staff.back")}</Link>
      </p>
      <h1>{t("complaints.staff.detailTitle", { code: c.trackingCode })}</h1>
      {params.get("ok") && !actionData ? (
        <p className="notice ok" role="status">
          {t("complaints.staff.done")}
        </p>
      ) : null}
      {actionData?.errors._form ? (
        <p className="notice error" role="alert">
          {t(actionData.errors._form)}
        </p>
      ) : null}
      {actionData?.confirm ? (
        <ConfirmStep
          request={actionData.confirm}
          title={t(`complaints.staff.confirm.${actionData.confirm.intent}.title`, { code: c.trackingCode })}
          confirmLabel={t(`complaints.staff.confirm.${actionData.confirm.intent}.yes`)}
          cancelTo={`/staf/pengaduan/${c.id}`}
        >
          <p>{t(`complaints.staff.confirm.${actionData.confirm.intent}.what`, confirmDetails(actionData.confirm, t))}</p>
          <p className="small">{t("complaints.staff.confirm.final")}</p>
        </ConfirmStep>
      ) : null}
      {c.viewer.isNamedOfficer && !c.viewer.isHandler && !c.viewer.isSupervisor ? <p className="notice">{t("complaints.staff.officerView")}</p> : null}

      <div className="grid" style={{ gridTemplateColumns: "repeat(auto-fit, minmax(320px, 1fr))", alignItems: "start" }}>
        <section className="card" aria-labelledby="report-title">
          <h2 id="report-title">{t("complaints.staff.report")}</h2>
          <p>
            <span className="badge">{t(`complaints.status.${c.status}`)}</span>{" "}
            {c.escalated ? <span className="badge danger">{t("complaints.staff.escalated")}</span> : null}{" "}
            {c.lateFiling ? <span className="badge warn">{t("complaints.staff.lateFiling")}</span> : null}
          </p>
          <p style={{ whiteSpace: "pre-wrap" }}>{c.body}</p>
          <dl className="facts small">
            <dt>{t("complaints.staff.unit")}</dt>
            <dd>{c.receivedUnitName}</dd>
            {c.responsibleUnitName ? (
              <>
                <dt>{t("complaints.track.responsibleUnit")}</dt>
                <dd>{c.responsibleUnitName}</dd>
              </>
            ) : null}
            <dt>{t("complaints.staff.reportedCategory")}</dt>
            <dd>{t(`complaints.form.categories.${c.reportedCategory}`)}</dd>
            {c.category ? (
              <>
                <dt>{t("complaints.staff.classifiedAs")}</dt>
                <dd>{t(`complaints.form.categories.${c.category}`)}</dd>
              </>
            ) : null}
            <dt>{t("complaints.staff.visibility")}</dt>
            <dd>{t(`complaints.form.visibilities.${c.visibility}`)}</dd>
            <dt>{t("complaints.track.visitDate")}</dt>
            <dd>{formatDate(locale, `${c.visitDate}T12:00:00Z`, "UTC")}</dd>
            <dt>{t("complaints.track.submitted")}</dt>
            <dd>{formatDateTime(locale, c.submittedAt, zone)}</dd>
            {c.counterName ? (
              <>
                <dt>{t("complaints.staff.counter")}</dt>
                <dd>{c.counterName}</dd>
              </>
            ) : null}
            {c.serviceName ? (
              <>
                <dt>{t("complaints.staff.service")}</dt>
                <dd>{c.serviceName}</dd>
              </>
            ) : null}
            {c.reportedOfficerName ? (
              <>
                <dt>{t("complaints.staff.reportedOfficer")}</dt>
                <dd>{c.reportedOfficerName}</dd>
              </>
            ) : null}
            {c.officerName ? (
              <>
                <dt>{t("complaints.staff.namedOfficer")}</dt>
                <dd>{c.officerName}</dd>
              </>
            ) : null}
            {c.handlingRating ? (
              <>
                <dt>{t("complaints.staff.rating")}</dt>
                <dd>{c.handlingRating} / 4</dd>
              </>
            ) : null}
            {c.closure ? (
              <>
                <dt>{t("complaints.staff.upheldResult")}</dt>
                <dd>{c.closure === "auto_closed" ? t("complaints.staff.autoClosed") : c.upheld ? t("complaints.staff.upheldTrue") : t("complaints.staff.upheldFalse")}</dd>
              </>
            ) : null}
          </dl>
          {c.viewer.isHandler || c.viewer.isSupervisor ? (
            <>
              <h3>{t("complaints.staff.attachments")}</h3>
              {c.attachments.length === 0 ? (
                <p className="muted small">{t("complaints.staff.noAttachments")}</p>
              ) : (
                <ul>
                  {c.attachments.map((attachment) => (
                    <li key={attachment.id}>
                      <a href={`/staf/pengaduan/lampiran/${attachment.id}`} target="_blank" rel="noreferrer" aria-label={t("complaints.staff.attachmentOpen", { name: attachment.name })}>
                        {attachment.name}
                      </a>{" "}
                      <span className="muted small">({Math.ceil(attachment.size / 1024)} KB)</span>
                    </li>
                  ))}
                </ul>
              )}
            </>
          ) : null}
          {c.viewer.isHandler ? (
            <>
              <h3>{t("complaints.staff.contact")}</h3>
              <p className="muted small">{t("complaints.staff.contactPrivate")}</p>
              {c.contact ? (
                <dl className="facts small">
                  {c.contact.name ? (
                    <>
                      <dt>{t("complaints.form.name")}</dt>
                      <dd>{c.contact.name}</dd>
                    </>
                  ) : null}
                  {c.contact.phone ? (
                    <>
                      <dt>{t("complaints.form.phone")}</dt>
                      <dd>{c.contact.phone}</dd>
                    </>
                  ) : null}
                  {c.contact.email ? (
                    <>
                      <dt>{t("complaints.form.email")}</dt>
                      <dd>{c.contact.email}</dd>
                    </>
                  ) : null}
                </dl>
              ) : (
                <p className="small">{t("complaints.staff.contactNone")}</p>
              )}
            </>
          ) : null}
        </section>

        <section className="card" aria-labelledby="deadlines-title">
          <h2 id="deadlines-title">{t("complaints.staff.deadlines")}</h2>
          {c.running ? (
            <p>
              {c.running.status === "late" ? <span className="badge danger">{t("complaints.staff.late")}</span> : null}
              {c.running.status === "due_today" ? <span className="badge warn">{t("complaints.staff.dueToday")}</span> : null} {t(`complaints.staff.stage.${c.running.stage}`)}: <strong>{formatDateTime(locale, c.running.due, zone)}</strong>
            </p>
          ) : null}
          <dl className="facts small">
            <dt>{t("complaints.staff.verificationDue")}</dt>
            <dd>{formatDate(locale, c.deadlines.verificationDue, zone)}</dd>
            {c.deadlines.followUpDue ? (
              <>
                <dt>{t("complaints.staff.followUpDue")}</dt>
                <dd>{formatDate(locale, c.deadlines.followUpDue, zone)}</dd>
              </>
            ) : null}
            {c.deadlines.autoCloseAt ? (
              <>
                <dt>{t("complaints.staff.autoCloseAt")}</dt>
                <dd>{formatDate(locale, c.deadlines.autoCloseAt, zone)}</dd>
              </>
            ) : null}
          </dl>
          {replies.length > 0 ? (
            <>
              <h3>{t("complaints.staff.officerReplies")}</h3>
              {replies.map((reply) => (
                <blockquote key={reply.id} className="notice" style={{ whiteSpace: "pre-wrap" }}>
                  {String(reply.details.text ?? "")}
                  <br />
                  <span className="muted small">{formatDateTime(locale, reply.at, zone)}</span>
                </blockquote>
              ))}
            </>
          ) : null}
        </section>
      </div>

      <section aria-labelledby="actions-title">
        <h2 id="actions-title">{t("complaints.staff.actions")}</h2>
        {!anyAction ? <p className="muted">{t("complaints.staff.noActions")}</p> : null}
        <div className="grid" style={{ gridTemplateColumns: "repeat(auto-fit, minmax(320px, 1fr))", alignItems: "start" }}>
          {c.actions.verify ? (
            <ActionCard title={t("complaints.staff.verifyTitle")} intent="verify" submit={t("complaints.staff.verify")} hint={t("complaints.staff.verifyHint")}>
              <SelectField name="category" label={t("complaints.staff.classifiedAs")} defaultValue={c.reportedCategory} options={COMPLAINT_CATEGORIES.map((value) => ({ value, label: t(`complaints.form.categories.${value}`) }))} id="verify-category" error={errorsFor("verify").category} />
              <SelectField name="visibility" label={t("complaints.staff.visibility")} defaultValue={c.visibility} options={allowedVisibilities(c.visibility).map((value) => ({ value, label: t(`complaints.form.visibilities.${value}`) }))} id="verify-visibility" error={errorsFor("verify").visibility} />
            </ActionCard>
          ) : null}
          {c.actions.forward && c.forwardTargets ? (
            <ActionCard title={t("complaints.staff.forwardTitle")} intent="forward" submit={t("complaints.staff.forward")}>
              <ForwardFields targets={c.forwardTargets} defaultOfficerId={c.reportedOfficerId} error={errorsFor("forward").unitId} />
            </ActionCard>
          ) : null}
          {c.actions.follow_up ? (
            <ActionCard title={t("complaints.staff.followUpTitle")} intent="follow_up" submit={t("complaints.staff.followUp")} hint={t("complaints.staff.followUpHint")}>
              <TextAreaField name="text" label={t("complaints.staff.followUpText")} id="follow_up-text" error={errorsFor("follow_up").text} rows={5} maxLength={5000} />
            </ActionCard>
          ) : null}
          {c.actions.officer_reply ? (
            <ActionCard title={t("complaints.staff.replyTitle")} intent="officer_reply" submit={t("complaints.staff.reply")}>
              <TextAreaField name="text" label={t("complaints.staff.replyText")} id="officer_reply-text" error={errorsFor("officer_reply").text} rows={5} maxLength={5000} />
            </ActionCard>
          ) : null}
          {c.actions.close ? (
            <ActionCard title={t("complaints.staff.closeTitle")} intent="close" submit={t("complaints.staff.close")} hint={t("complaints.staff.upheldHint")}>
              <SelectField name="upheld" label={t("complaints.staff.upheld")} placeholder={t("complaints.staff.choose")} options={[{ value: "no", label: t("complaints.staff.upheldNo") }, { value: "yes", label: t("complaints.staff.upheldYes") }]} id="close-upheld" error={errorsFor("close").upheld} required defaultValue="" />
            </ActionCard>
          ) : null}
          {c.actions.resume ? <ActionCard title={t("complaints.status.ditunda")} intent="resume" submit={t("complaints.staff.resume")} hint={c.postponeReason ?? undefined} /> : null}
          {c.actions.postpone ? (
            <ActionCard title={t("complaints.staff.postponeTitle")} intent="postpone" submit={t("complaints.staff.postpone")} secondary>
              <TextAreaField name="reason" label={t("complaints.staff.postponeReason")} id="postpone-reason" error={errorsFor("postpone").reason} rows={3} maxLength={5000} />
            </ActionCard>
          ) : null}
          {c.actions.not_our_authority ? (
            <ActionCard title={t("complaints.staff.notOursTitle")} intent="not_our_authority" submit={t("complaints.staff.notOurs")} secondary>
              <TextAreaField name="referTo" label={t("complaints.staff.referTo")} id="not_our_authority-referTo" error={errorsFor("not_our_authority").referTo} rows={3} maxLength={5000} />
            </ActionCard>
          ) : null}
          {c.actions.archive ? (
            <ActionCard title={t("complaints.staff.archiveTitle")} intent="archive" submit={t("complaints.staff.archive")} secondary>
              <SelectField name="reason" label={t("complaints.staff.archiveReason")} placeholder={t("complaints.staff.choose")} options={(["spam", "duplicate", "other"] as const).map((value) => ({ value, label: t(`complaints.archiveReasons.${value}`) }))} id="archive-reason" error={errorsFor("archive").reason} required defaultValue="" />
              <TextAreaField name="note" label={t("complaints.staff.archiveNote")} id="archive-note" error={errorsFor("archive").note} rows={2} maxLength={5000} />
            </ActionCard>
          ) : null}
          {c.actions.set_visibility && !c.actions.verify ? (
            <ActionCard title={t("complaints.staff.visibilityTitle")} intent="set_visibility" submit={t("complaints.staff.setVisibility")} secondary>
              <SelectField name="visibility" label={t("complaints.staff.visibility")} defaultValue={c.visibility} options={allowedVisibilities(c.visibility).map((value) => ({ value, label: t(`complaints.form.visibilities.${value}`) }))} id="set_visibility-visibility" error={errorsFor("set_visibility").visibility} />
            </ActionCard>
          ) : null}
        </div>
      </section>

      <section aria-labelledby="history-title">
        <h2 id="history-title">{t("complaints.staff.history")}</h2>
        <div className="table-wrap" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("complaints.staff.when")}</th>
                <th scope="col">{t("complaints.staff.step")}</th>
                <th scope="col">{t("complaints.staff.status")}</th>
                <th scope="col">{t("complaints.staff.who")}</th>
                <th scope="col">{t("complaints.staff.details")}</th>
              </tr>
            </thead>
            <tbody>
              {c.events.map((event) => (
                <tr key={event.id}>
                  <td className="nowrap">{formatDateTime(locale, event.at, zone)}</td>
                  <td>{t(`complaints.events.${event.type}`)}</td>
                  <td className="nowrap">
                    {event.fromStatus ? `${t(`complaints.status.${event.fromStatus}`)} → ` : ""}
                    {t(`complaints.status.${event.toStatus}`)}
                  </td>
                  <td>{event.actorRole === "citizen" ? t("complaints.staff.citizen") : event.actorRole === "system" ? t("complaints.staff.system") : (event.actorName ?? t(`roles.${event.actorRole}`))}</td>
                  <td style={{ whiteSpace: "pre-wrap" }}>{describe(event.details)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}

const PRIVACY: Visibility[] = ["public", "anonim", "rahasia"];
/** A handler may keep the reporter's choice or make it more private, never more open. */
function allowedVisibilities(current: Visibility): Visibility[] {
  return PRIVACY.slice(PRIVACY.indexOf(current));
}

/** The words the confirmation needs: the archive reason, where it is referred, upheld or not. */
function confirmDetails(request: ConfirmRequest, t: (key: string) => string): Record<string, string> {
  const reason = confirmField(request, "reason");
  const upheld = confirmField(request, "upheld");
  return {
    reason: reason ? t(`complaints.archiveReasons.${reason}`) : "",
    referTo: confirmField(request, "referTo") ?? "",
    upheld: upheld === "yes" ? t("complaints.staff.upheldYes") : upheld === "no" ? t("complaints.staff.upheldNo") : "",
  };
}

function describe(details: Record<string, unknown>): string {
  return ["text", "reason", "referTo", "note"]
    .map((key) => details[key])
    .filter((value): value is string => typeof value === "string" && value !== "")
    .join(" · ");
}

function ActionCard(props: { title: string; intent: string; submit: string; hint?: string; secondary?: boolean; children?: ReactNode }) {
  return (
    <Form method="post" className="card">
      <h3>{props.title}</h3>
      {props.hint ? <p className="muted small">{props.hint}</p> : null}
      <input type="hidden" name="intent" value={props.intent} />
      {props.children}
      <div className="form-actions">
        <button type="submit" className={props.secondary ? "secondary" : undefined}>
          {props.submit}
        </button>
      </div>
    </Form>
  );
}
