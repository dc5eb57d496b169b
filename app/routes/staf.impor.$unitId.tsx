import {
  data,
  redirect,
  unstable_createMemoryUploadHandler,
  MaxPartSizeExceededError,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useState, useSyncExternalStore } from "react";
import { useTranslation } from "~/i18n/react";
import { z } from "zod";
import { requireStaffUnit } from "~/auth/guard.server";
import { db } from "~/platform/db.server";
import { countersOfUnit, servicesOfUnit } from "~/data/organisation.server";
import { confirmImport, counterServicesOfUnit, createImportPreview, importById, importsOfUnit, sameImportInForce, undoImport } from "~/data/paper-imports.server";
import { confirmationFor, type ConfirmRequest } from "~/http/confirm";
import { formatDateTime, formatDayRange } from "~/i18n/format";
import { useRootData } from "~/root";
import { ConfirmStep } from "~/ui/ConfirmStep";
import { pageTitle } from "~/ui/page-title";
import { isIsoDate } from "~/domain/working-days";
import { checkPaperRows, type BadRow } from "~/domain/ratings/paper-import";
import { parseForm, idField } from "~/http/forms";
import { readSheet } from "~/exports/spreadsheet.server";
import { readForm } from "~/http/form-body.server";
import { idFromText } from "~/http/params";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "paperImport.title") }];
const MAX_FILE_BYTES = 5 * 1024 * 1024;

function guard(request: Request, unitIdText: string | undefined) {
  return requireStaffUnit(request, ["supervisor", "admin"], unitIdText);
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { unit } = await guard(request, params.unitId);
  const previewId = idFromText(new URL(request.url).searchParams.get("pratinjau"));
  const [counters, services, offered, imports, preview] = await Promise.all([
    countersOfUnit(db(), unit.id),
    servicesOfUnit(db(), unit.id),
    counterServicesOfUnit(db(), unit.id),
    importsOfUnit(db(), unit.id),
    previewId !== null ? importById(db(), previewId) : Promise.resolve(undefined),
  ]);
  const shownPreview = preview && preview.unitId === unit.id && preview.status === "preview" ? preview : null;
  const duplicateOf = shownPreview ? await sameImportInForce(db(), shownPreview.id) : undefined;
  return {
    unit: { id: unit.id, name: unit.name, timeZone: unit.timeZone },
    counters: counters.map((counter) => ({ ...counter, serviceIds: offered.filter((pair) => pair.counterId === counter.id).map((pair) => pair.serviceId) })),
    services: services.map((service) => ({ id: service.id, name: service.name })),
    imports,
    preview: shownPreview ? { ...shownPreview, badRows: shownPreview.badRows as unknown as BadRow[], duplicateOf: duplicateOf ?? null } : null,
  };
}

const uploadSchema = z.object({
  counterId: z.coerce.number().int().positive("form.required"),
  serviceId: z.coerce.number().int().positive("form.required"),
  from: z.string().refine(isIsoDate, "paperImport.errors.date"),
  to: z.string().refine(isIsoDate, "paperImport.errors.date"),
});
const decisionSchema = z.object({
  intent: z.enum(["confirm", "undo"]),
  importId: idField(),
  acceptGoodRowsOnly: z.literal("1").optional(),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, unit } = await guard(request, params.unitId);
  if (request.headers.get("Content-Type")?.startsWith("multipart/form-data")) {
    let form: FormData;
    try {
      form = await readForm(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_FILE_BYTES }));
    } catch (error) {
      if (error instanceof MaxPartSizeExceededError) return invalid({ file: "paperImport.errors.tooBig" });
      throw error;
    }
    const parsed = parseForm(uploadSchema, form);
    if (!parsed.ok) return invalid(parsed.errors);
    if (parsed.data.from > parsed.data.to) return invalid({ to: "paperImport.errors.order" });
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) return invalid({ file: "paperImport.errors.noFile" });
    const [counters, offered] = await Promise.all([countersOfUnit(db(), unit.id), counterServicesOfUnit(db(), unit.id)]);
    if (!counters.some((c) => c.id === parsed.data.counterId)) return invalid({ counterId: "form.notInList" });
    if (!offered.some((pair) => pair.counterId === parsed.data.counterId && pair.serviceId === parsed.data.serviceId)) return invalid({ serviceId: "paperImport.errors.serviceNotAtCounter" });
    const sheet = await readSheet(file.name, new Uint8Array(await file.arrayBuffer()));
    if (!sheet.ok) return invalid({ file: `paperImport.errors.${sheet.reason}` });
    const checked = checkPaperRows(sheet.records, parsed.data);
    const id = await createImportPreview(db(), { agencyId: unit.agency_id, ...parsed.data, fileName: file.name, ...checked, userId: user.id });
    return redirect(`/staf/impor/${unit.id}?pratinjau=${id}`);
  }
  const form = await readForm(request);
  const parsed = parseForm(decisionSchema, form);
  if (!parsed.ok) return invalid(parsed.errors);
  const target = await importById(db(), parsed.data.importId);
  if (!target || target.unitId !== unit.id) throw new Response("Not Found", { status: 404 });
  if (parsed.data.intent === "undo") {
    // Taking an import out of the indicators is asked about first; bringing it back means uploading it again.
    const confirm = confirmationFor(form);
    if (confirm) return { errors: {} as Record<string, string>, confirm, undo: { fileName: target.fileName, rows: target.goodRows } };
    await undoImport(db(), target.id, user.id);
    return redirect(`/staf/impor/${unit.id}`);
  }
  const outcome = await confirmImport(db(), target.id, user.id, parsed.data.acceptGoodRowsOnly === "1");
  if (!outcome.ok) return data({ errors: { _form: `paperImport.errors.${outcome.reason}` } as Record<string, string>, confirm: null, undo: null }, { status: 409 });
  return redirect(`/staf/impor/${unit.id}?diimpor=${outcome.imported}`);
}

const noSubscription = () => () => undefined;

function invalid(errors: Record<string, string>) {
  return data({ errors, confirm: null as ConfirmRequest | null, undo: null }, { status: 400 });
}

export default function PaperImport() {
  const { unit, counters, services, imports, preview } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const locale = useRootData()?.locale ?? "id";
  const [counterId, setCounterId] = useState(counters[0]?.id ?? 0);
  // With the browser's script the list shows only the chosen counter's services; without it, all of the
  // unit's, and the server refuses a service the counter does not offer, next to the field.
  const scripted = useSyncExternalStore(noSubscription, () => true, () => false);
  const offered = new Set(counters.find((counter) => counter.id === counterId)?.serviceIds ?? []);
  const shownServices = scripted ? services.filter((service) => offered.has(service.id)) : services;
  const errors: Record<string, string | undefined> = actionData?.errors ?? {};
  const fieldError = (name: string) => (errors[name] ? <p className="field-error">{t(errors[name]!)}</p> : null);
  return (
    <>
      <p className="muted">
        <Link to={`/staf/unit/${unit.id}`}>{unit.name}</Link>
      </p>
      <h1>{t("paperImport.title")}</h1>
      <p className="muted">{t("paperImport.intro")}</p>
      {errors._form ? (
        <p className="notice error" role="alert">
          {t(errors._form)}
        </p>
      ) : null}
      {actionData?.confirm && actionData.undo ? (
        <ConfirmStep request={actionData.confirm} title={t("paperImport.undoConfirm.title", { file: actionData.undo.fileName })} confirmLabel={t("paperImport.undoConfirm.yes")} cancelTo={`/staf/impor/${unit.id}`}>
          <p>{t("paperImport.undoConfirm.what", { count: actionData.undo.rows })}</p>
        </ConfirmStep>
      ) : null}
      {preview ? (
        <section className="card" aria-labelledby="preview-title">
          <h2 id="preview-title">{t("paperImport.previewTitle", { file: preview.fileName })}</h2>
          <p>{t("paperImport.summary", { good: preview.goodRows, bad: preview.badRows.length })}</p>
          {preview.duplicateOf ? (
            <p className="notice error" role="alert">
              {t("paperImport.duplicate", {
                file: preview.duplicateOf.fileName,
                when: preview.duplicateOf.importedAt ? formatDateTime(locale, preview.duplicateOf.importedAt, unit.timeZone) : "",
              })}
            </p>
          ) : null}
          {preview.badRows.length > 0 ? (
            <div className="table-wrap" tabIndex={0}>
              <table>
                <caption className="small muted">{t("paperImport.badRowsCaption")}</caption>
                <thead>
                  <tr>
                    <th scope="col" className="num">
                      {t("paperImport.line")}
                    </th>
                    <th scope="col">{t("paperImport.column")}</th>
                    <th scope="col">{t("paperImport.problem")}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.badRows.map((bad, index) => (
                    <tr key={index}>
                      <td className="num">{bad.line}</td>
                      <td>{bad.column ?? "–"}</td>
                      <td>{t(`paperImport.reasons.${bad.reason}`, { value: bad.value ?? "" })}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          <Form method="post">
            <input type="hidden" name="intent" value="confirm" />
            <input type="hidden" name="importId" value={preview.id} />
            {preview.badRows.length > 0 ? (
              <label className="choice">
                <input type="checkbox" name="acceptGoodRowsOnly" value="1" />
                <span>{t("paperImport.acceptGoodOnly", { good: preview.goodRows })}</span>
              </label>
            ) : null}
            <div className="form-actions">
              <button type="submit" disabled={preview.goodRows === 0 || preview.duplicateOf !== null}>
                {t("paperImport.confirm", { count: preview.goodRows })}
              </button>
              <Link to={`/staf/impor/${unit.id}`} className="button secondary">
                {t("paperImport.cancel")}
              </Link>
            </div>
          </Form>
        </section>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="card">
        <h2>{t("paperImport.uploadTitle")}</h2>
        <p className="hint">{t("paperImport.format")}</p>
        <p>
          {t("paperImport.template.download")}{" "}
          <a href={`/staf/impor/${unit.id}/templat.xlsx`} download>
            {t("paperImport.template.xlsx")}
          </a>{" "}
          ·{" "}
          <a href={`/staf/impor/${unit.id}/templat.csv`} download>
            {t("paperImport.template.csv")}
          </a>
        </p>
        <label htmlFor="counterId">{t("paperImport.counter")}</label>
        <select id="counterId" name="counterId" value={counterId} onChange={(event) => setCounterId(Number(event.target.value))}>
          {counters.map((counter) => (
            <option key={counter.id} value={counter.id}>
              {counter.name}
            </option>
          ))}
        </select>
        {fieldError("counterId")}
        <label htmlFor="serviceId">{t("paperImport.service")}</label>
        <select id="serviceId" name="serviceId" key={scripted ? counterId : "all"}>
          {shownServices.map((service) => (
            <option key={service.id} value={service.id}>
              {service.name}
            </option>
          ))}
        </select>
        {fieldError("serviceId")}
        <label htmlFor="from">{t("indicators.from")}</label>
        <input id="from" name="from" type="date" required />
        {fieldError("from")}
        <label htmlFor="to">{t("indicators.to")}</label>
        <input id="to" name="to" type="date" required />
        {fieldError("to")}
        <label htmlFor="file">{t("paperImport.file")}</label>
        <input id="file" name="file" type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required />
        {fieldError("file")}
        <div className="form-actions">
          <button type="submit">{t("paperImport.check")}</button>
        </div>
      </Form>
      <h2>{t("paperImport.history")}</h2>
      {imports.length === 0 ? <p className="muted">{t("paperImport.noHistory")}</p> : null}
      {imports.length > 0 ? (
        <div className="table-wrap" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("paperImport.file")}</th>
                <th scope="col">{t("paperImport.counter")}</th>
                <th scope="col">{t("paperImport.period")}</th>
                <th scope="col" className="num">
                  {t("paperImport.rows")}
                </th>
                <th scope="col">{t("paperImport.status")}</th>
                <th scope="col">{t("paperImport.when")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("paperImport.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {imports.map((item) => (
                <tr key={item.id}>
                  <td>{item.fileName}</td>
                  <td>
                    {item.counterName} · {item.serviceName}
                  </td>
                  <td className="nowrap">{formatDayRange(locale, item.from, item.to)}</td>
                  <td className="num">{item.goodRows}</td>
                  <td>{t(`paperImport.statuses.${item.status}`)}</td>
                  <td className="nowrap">{formatDateTime(locale, item.undoneAt ?? item.importedAt ?? item.createdAt, unit.timeZone)}</td>
                  <td>
                    {item.status === "imported" ? (
                      <Form method="post">
                        <input type="hidden" name="intent" value="undo" />
                        <input type="hidden" name="importId" value={item.id} />
                        <button type="submit" className="secondary small-button">
                          {t("paperImport.undo")}
                        </button>
                      </Form>
                    ) : null}
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
