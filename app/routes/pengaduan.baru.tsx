import {
  MaxPartSizeExceededError,
  redirect,
  unstable_composeUploadHandlers,
  unstable_createMemoryUploadHandler,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  type UploadHandler,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { z } from "zod";
import { now } from "~/platform/clock.server";
import { intakeOptions, intakeUnits, resolveIntakeContext, submitComplaint, type UploadedFile } from "~/data/complaints/intake.server";
import { COMPLAINT_CATEGORIES, MAX_BODY_CHARS, VISIBILITIES } from "~/domain/complaint-options";
import { db } from "~/platform/db.server";
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from "~/domain/complaint-attachments";
import { formatTrackingCode } from "~/domain/complaint-tracking-code";
import { localDateOf } from "~/domain/working-days";
import { Field } from "~/ui/Field";
import { parseForm, idField } from "~/http/forms";
import { CITIZEN_PAGE, loadAsDocument } from "~/ui/page-handle";
import { pageTitle } from "~/ui/page-title";
import { readForm } from "~/http/form-body.server";
import { idFromText } from "~/http/params";

export const handle = CITIZEN_PAGE;
export const clientLoader = loadAsDocument;

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "complaints.form.title") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const at = now();
  const context = await resolveIntakeContext(
    db(),
    { loket: url.searchParams.get("loket"), layanan: url.searchParams.get("layanan"), petugas: url.searchParams.get("petugas"), waktu: url.searchParams.get("waktu") },
    at,
  );
  const chosenUnit = context?.unitId ?? idFromText(url.searchParams.get("unit"));
  const options = chosenUnit !== null ? await intakeOptions(db(), chosenUnit) : null;
  if (!options) return { step: "unit" as const, units: await intakeUnits(db()) };
  const zone = options.unit.timeZone;
  return {
    step: "form" as const,
    ...options,
    fromCounter: context !== null,
    defaults: {
      counterId: context?.counterId ?? null,
      serviceId: context?.serviceId ?? null,
      officerId: context?.officerId ?? null,
      visitedAt: context?.visitedAt?.toISOString() ?? "",
      visitDate: localDateOf(context?.visitedAt ?? at, zone),
    },
    today: localDateOf(at, zone),
  };
}

const optionalId = z.preprocess((value) => (value === "" || value === undefined ? undefined : value), idField().optional());
const optionalText = (max: number) => z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), z.string().trim().max(max, "form.tooLong").optional());

const complaintSchema = z.object({
  unitId: idField("complaints.errors.unknownUnit"),
  category: z.enum(COMPLAINT_CATEGORIES as [string, ...string[]]),
  body: z.string().trim().min(1, "form.required").max(MAX_BODY_CHARS, "complaints.errors.tooLong"),
  visitDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "form.invalid"),
  visitedAt: optionalText(40),
  counterId: optionalId,
  serviceId: optionalId,
  officerId: optionalId,
  visibility: z.enum(VISIBILITIES as [string, ...string[]]),
  name: optionalText(120),
  phone: z.preprocess((value) => (value === "" ? undefined : value), z.string().trim().regex(/^\+?[\d\s-]{6,20}$/, "complaints.errors.phoneInvalid").optional()),
  email: z.preprocess((value) => (value === "" ? undefined : value), z.string().trim().max(200, "form.tooLong").email("complaints.errors.emailInvalid").optional()),
  showName: z.literal("on").optional(),
});

export async function action({ request }: ActionFunctionArgs) {
  const files: UploadedFile[] = [];
  let fileError: string | undefined;
  // Files are read here, up to the size limit (the rest is drained, never buffered); their content is
  // judged by the data layer. Text fields go to the memory handler.
  const fileHandler: UploadHandler = async ({ name, filename, data }) => {
    if (name !== "attachments" || filename === undefined) return undefined;
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of data) {
      size += chunk.byteLength;
      if (size <= MAX_ATTACHMENT_BYTES + 1) chunks.push(chunk);
    }
    if (filename === "" && size === 0) return "";
    if (files.length >= MAX_ATTACHMENTS) fileError = "complaints.errors.tooManyFiles";
    else if (size > MAX_ATTACHMENT_BYTES) fileError ??= "complaints.errors.fileTooLarge";
    else files.push({ bytes: Buffer.concat(chunks), originalName: filename });
    return "";
  };
  let form: FormData;
  try {
    form = await readForm(request, unstable_composeUploadHandlers(fileHandler, unstable_createMemoryUploadHandler({ maxPartSize: 64 * 1024 })));
  } catch (error) {
    // A text field far beyond any limit (the memory handler stops at 64 KB) is refused like a long text.
    if (error instanceof MaxPartSizeExceededError) return { errors: { body: "complaints.errors.tooLong" }, values: {} as Record<string, string> };
    throw error;
  }
  const parsed = parseForm(complaintSchema, form);
  if (!parsed.ok || fileError) {
    return { errors: { ...(parsed.ok ? {} : parsed.errors), ...(fileError ? { attachments: fileError } : {}) }, values: parsed.ok ? stringValues(form) : parsed.values };
  }
  const input = parsed.data;
  const visitedAt = input.visitedAt ? new Date(input.visitedAt) : null;
  const result = await submitComplaint(
    db(),
    {
      unitId: input.unitId,
      category: input.category as (typeof COMPLAINT_CATEGORIES)[number],
      body: input.body,
      visitDate: input.visitDate,
      visitedAt: visitedAt && Number.isFinite(visitedAt.getTime()) ? visitedAt : null,
      counterId: input.counterId ?? null,
      serviceId: input.serviceId ?? null,
      officerId: input.officerId ?? null,
      visibility: input.visibility as (typeof VISIBILITIES)[number],
      contact: { name: input.name, phone: input.phone, email: input.email, showName: input.showName === "on" },
      attachments: files,
    },
    now(),
  );
  if (!result.ok) return { errors: result.errors, values: stringValues(form) };
  return redirect(`/pengaduan/lacak/${formatTrackingCode(result.trackingCode)}?baru=1`);
}

function stringValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (typeof value === "string") values[key] = value;
  return values;
}

export default function NewComplaint() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  if (data.step === "unit") {
    return (
      <div className="narrow">
        <h1>{t("complaints.form.title")}</h1>
        <p className="muted">{t("complaints.form.intro")}</p>
        <Form method="get">
          <label htmlFor="unit">{t("complaints.form.unitLabel")}</label>
          <span className="hint" id="unit-hint">
            {t("complaints.form.unitHint")}
          </span>
          <select id="unit" name="unit" aria-describedby="unit-hint" required>
            {groupByAgency(data.units).map(([agency, units]) => (
              <optgroup key={agency} label={agency}>
                {units.map((unit) => (
                  <option key={unit.id} value={unit.id}>
                    {unit.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
          <div className="form-actions">
            <button type="submit">{t("complaints.form.next")}</button>
          </div>
        </Form>
      </div>
    );
  }
  return <ComplaintForm data={data} />;
}

function groupByAgency<T extends { agencyName: string }>(units: T[]): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const unit of units) groups.set(unit.agencyName, [...(groups.get(unit.agencyName) ?? []), unit]);
  return [...groups.entries()];
}

type FormData_ = Extract<Awaited<ReturnType<typeof loader>>, { step: "form" }>;

function ComplaintForm({ data }: { data: FormData_ }) {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const errors: Record<string, string | undefined> = actionData?.errors ?? {};
  const values: Record<string, string | undefined> = actionData?.values ?? {};
  const pick = (name: string, fallback: string | number | null) => values[name] ?? (fallback === null ? "" : String(fallback));
  const describedBy = (name: string, hint = true) => [hint ? `${name}-hint` : "", errors[name] ? `${name}-error` : ""].filter(Boolean).join(" ") || undefined;
  const fieldError = (name: string) =>
    errors[name] ? (
      <p className="field-error" id={`${name}-error`}>
        {t(errors[name]!)}
      </p>
    ) : null;
  const chosenCategory = pick("category", "pengaduan");
  const chosenVisibility = pick("visibility", "anonim");
  return (
    <div className="narrow">
      <h1>{t("complaints.form.title")}</h1>
      <p className="muted">{t("complaints.form.intro")}</p>
      <ErrorSummary errors={errors} />
      <Form method="post" encType="multipart/form-data" noValidate>
        <input type="hidden" name="unitId" value={data.unit.id} />
        <input type="hidden" name="visitedAt" value={pick("visitedAt", data.defaults.visitedAt)} />
        <section className="card" aria-labelledby="unit-title">
          <h2 id="unit-title">{t("complaints.form.unitTitle")}</h2>
          <p>
            <strong>{data.unit.name}</strong>
            <br />
            <span className="muted">{data.unit.agencyName}</span>
          </p>
          {data.fromCounter ? <p className="small muted">{t("complaints.form.fromCounter")}</p> : null}
          <Link to="/pengaduan/baru" className="small">
            {t("complaints.form.changeUnit")}
          </Link>
          {fieldError("unitId")}
        </section>

        <fieldset aria-describedby={errors.category ? "category-error" : undefined}>
          <legend>{t("complaints.form.category")}</legend>
          <div className="choice-list">
            {COMPLAINT_CATEGORIES.map((category) => (
              <label className="choice" key={category} htmlFor={`category-${category}`}>
                <input type="radio" id={`category-${category}`} name="category" value={category} defaultChecked={chosenCategory === category} aria-describedby={`category-${category}-hint`} />
                <span>
                  <strong>{t(`complaints.form.categories.${category}`)}</strong>
                  <span className="hint" id={`category-${category}-hint`}>
                    {t(`complaints.form.categoryHints.${category}`)}
                  </span>
                </span>
              </label>
            ))}
          </div>
          {fieldError("category")}
        </fieldset>

        <div className="field">
          <label htmlFor="body">{t("complaints.form.body")} *</label>
          <span className="hint" id="body-hint">
            {t("complaints.form.bodyHint")}
          </span>
          <textarea id="body" name="body" rows={7} maxLength={MAX_BODY_CHARS} required defaultValue={values.body} aria-invalid={errors.body ? true : undefined} aria-describedby={describedBy("body")} />
          {fieldError("body")}
        </div>

        <Field
          name="visitDate"
          type="date"
          label={`${t("complaints.form.visitDate")} *`}
          hint={t("complaints.form.visitDateHint")}
          max={data.today}
          required
          defaultValue={pick("visitDate", data.defaults.visitDate)}
          error={errors.visitDate}
        />

        <SelectField name="counterId" label={t("complaints.form.counter")} options={data.counters} value={pick("counterId", data.defaults.counterId)} error={errors.counterId} />
        <SelectField name="serviceId" label={t("complaints.form.service")} options={data.services} value={pick("serviceId", data.defaults.serviceId)} error={errors.serviceId} />
        <SelectField name="officerId" label={t("complaints.form.officer")} hint={t("complaints.form.officerHint")} options={data.officers} value={pick("officerId", data.defaults.officerId)} error={errors.officerId} />

        <fieldset>
          <legend>{t("complaints.form.visibility")}</legend>
          <div className="choice-list">
            {VISIBILITIES.map((visibility) => (
              <label className="choice" key={visibility} htmlFor={`visibility-${visibility}`}>
                <input type="radio" id={`visibility-${visibility}`} name="visibility" value={visibility} defaultChecked={chosenVisibility === visibility} aria-describedby={`visibility-${visibility}-hint`} />
                <span>
                  <strong>{t(`complaints.form.visibilities.${visibility}`)}</strong>
                  <span className="hint" id={`visibility-${visibility}-hint`}>
                    {t(`complaints.form.visibilityHints.${visibility}`)}
                  </span>
                </span>
              </label>
            ))}
          </div>
          {fieldError("visibility")}
        </fieldset>

        <fieldset aria-describedby="contact-hint">
          <legend>{t("complaints.form.contactTitle")}</legend>
          <span className="hint" id="contact-hint">
            {t("complaints.form.contactHint")}
          </span>
          <Field name="name" type="text" label={t("complaints.form.name")} autoComplete="name" maxLength={120} defaultValue={values.name} error={errors.name} />
          <Field name="phone" type="tel" label={t("complaints.form.phone")} autoComplete="tel" inputMode="tel" maxLength={20} defaultValue={values.phone} error={errors.phone} />
          <Field name="email" type="email" label={t("complaints.form.email")} autoComplete="email" maxLength={200} defaultValue={values.email} error={errors.email} />
          <label className="choice" htmlFor="showName" style={{ marginTop: 14 }}>
            <input type="checkbox" id="showName" name="showName" defaultChecked={values.showName === "on"} />
            <span>{t("complaints.form.showName")}</span>
          </label>
        </fieldset>

        <div className="field">
          <label htmlFor="attachments">{t("complaints.form.attachments")}</label>
          <span className="hint" id="attachments-hint">
            {t("complaints.form.attachmentsHint")}
          </span>
          <input id="attachments" name="attachments" type="file" multiple accept="image/jpeg,image/png,application/pdf" aria-invalid={errors.attachments ? true : undefined} aria-describedby={describedBy("attachments")} />
          {fieldError("attachments")}
        </div>

        <section className="card" aria-labelledby="consent-title">
          <h2 id="consent-title">{t("complaints.form.consentTitle")}</h2>
          <p className="small">{t("complaints.form.consentText")}</p>
        </section>

        <div className="form-actions">
          <button type="submit" disabled={navigation.state === "submitting"}>
            {t("complaints.form.submit")}
          </button>
        </div>
      </Form>
    </div>
  );
}

// Where each field's error in the summary leads, and the label it is named by.
const SUMMARY_FIELDS: Record<string, { target: string; label: string }> = {
  unitId: { target: "unit-title", label: "complaints.form.unitTitle" },
  category: { target: `category-${COMPLAINT_CATEGORIES[0]}`, label: "complaints.form.category" },
  body: { target: "body", label: "complaints.form.body" },
  visitDate: { target: "visitDate", label: "complaints.form.visitDate" },
  counterId: { target: "counterId", label: "complaints.form.counter" },
  serviceId: { target: "serviceId", label: "complaints.form.service" },
  officerId: { target: "officerId", label: "complaints.form.officer" },
  visibility: { target: `visibility-${VISIBILITIES[0]}`, label: "complaints.form.visibility" },
  name: { target: "name", label: "complaints.form.name" },
  phone: { target: "phone", label: "complaints.form.phone" },
  email: { target: "email", label: "complaints.form.email" },
  attachments: { target: "attachments", label: "complaints.form.attachments" },
};

/**
 * A refused form is long: its errors are listed at the top, each linking to its field, and the list takes the
 * focus when the page loads (the citizens' script), so the citizen who tapped "Kirim" at the bottom sees it.
 */
function ErrorSummary({ errors }: { errors: Record<string, string | undefined> }) {
  const { t } = useTranslation();
  const listed = Object.entries(errors).filter((entry): entry is [string, string] => Boolean(entry[1]));
  if (listed.length === 0) return null;
  return (
    <div className="error-summary" role="group" aria-labelledby="error-summary-title" tabIndex={-1} data-focus-on-load="">
      <h2 id="error-summary-title">{t("complaints.errors.formTitle")}</h2>
      <ul>
        {listed.map(([field, key]) => {
          const known = SUMMARY_FIELDS[field];
          return (
            <li key={field}>
              <a href={`#${known?.target ?? "main"}`}>{known ? `${t(known.label)} — ${t(key)}` : t(key)}</a>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function SelectField(props: { name: string; label: string; hint?: string; options: { id: number; name: string }[]; value: string; error?: string }) {
  const { t } = useTranslation();
  const describedBy = [props.hint ? `${props.name}-hint` : "", props.error ? `${props.name}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={props.name}>{props.label}</label>
      {props.hint ? (
        <span className="hint" id={`${props.name}-hint`}>
          {props.hint}
        </span>
      ) : null}
      <select id={props.name} name={props.name} defaultValue={props.value} aria-invalid={props.error ? true : undefined} aria-describedby={describedBy}>
        <option value="">{t("complaints.form.unknown")}</option>
        {props.options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.name}
          </option>
        ))}
      </select>
      {props.error ? (
        <p className="field-error" id={`${props.name}-error`}>
          {t(props.error)}
        </p>
      ) : null}
    </div>
  );
}
