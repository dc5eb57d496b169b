import {
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  MaxPartSizeExceededError,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { z } from "zod";
import { requireStaffUnit } from "~/auth/guard.server";
import { db } from "~/platform/db.server";
import { countersOfUnit, servicesOfUnit } from "~/data/organisation.server";
import { confirmImport, createImportPreview, importById, importsOfUnit, undoImport } from "~/data/paper-imports.server";
import { isIsoDay } from "~/domain/indicators/period";
import { checkPaperRows, type BadRow } from "~/domain/ratings/paper-import";
import { parseForm } from "~/http/forms";
import { readSheet } from "~/exports/spreadsheet.server";

export const meta: MetaFunction = () => [{ title: "Impor survei kertas · Suara" }];
const MAX_FILE_BYTES = 5 * 1024 * 1024;

function guard(request: Request, unitIdText: string | undefined) {
  return requireStaffUnit(request, ["supervisor", "admin"], unitIdText);
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { unit } = await guard(request, params.unitId);
  const previewId = Number(new URL(request.url).searchParams.get("pratinjau"));
  const [counters, services, imports, preview] = await Promise.all([
    countersOfUnit(db(), unit.id),
    servicesOfUnit(db(), unit.id),
    importsOfUnit(db(), unit.id),
    Number.isSafeInteger(previewId) && previewId > 0 ? importById(db(), previewId) : Promise.resolve(undefined),
  ]);
  return {
    unit: { id: unit.id, name: unit.name },
    counters,
    services: services.map((service) => ({ id: service.id, name: service.name })),
    imports,
    preview: preview && preview.unitId === unit.id && preview.status === "preview" ? { ...preview, badRows: preview.badRows as unknown as BadRow[] } : null,
  };
}

const uploadSchema = z.object({
  counterId: z.coerce.number().int().positive("form.required"),
  serviceId: z.coerce.number().int().positive("form.required"),
  from: z.string().refine(isIsoDay, "paperImport.errors.date"),
  to: z.string().refine(isIsoDay, "paperImport.errors.date"),
});
const decisionSchema = z.object({
  intent: z.enum(["confirm", "undo"]),
  importId: z.coerce.number().int().positive(),
  acceptGoodRowsOnly: z.literal("1").optional(),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, unit } = await guard(request, params.unitId);
  if (request.headers.get("Content-Type")?.startsWith("multipart/form-data")) {
    let form: FormData;
    try {
      form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_FILE_BYTES }));
    } catch (error) {
      if (error instanceof MaxPartSizeExceededError) return { errors: { file: "paperImport.errors.tooBig" } };
      throw error;
    }
    const parsed = parseForm(uploadSchema, form);
    if (!parsed.ok) return { errors: parsed.errors };
    if (parsed.data.from > parsed.data.to) return { errors: { to: "paperImport.errors.order" } };
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) return { errors: { file: "paperImport.errors.noFile" } };
    const [counters, services] = await Promise.all([countersOfUnit(db(), unit.id), servicesOfUnit(db(), unit.id)]);
    if (!counters.some((c) => c.id === parsed.data.counterId)) return { errors: { counterId: "form.notInList" } };
    if (!services.some((s) => s.id === parsed.data.serviceId)) return { errors: { serviceId: "form.notInList" } };
    const sheet = await readSheet(file.name, new Uint8Array(await file.arrayBuffer()));
    if (!sheet.ok) return { errors: { file: `paperImport.errors.${sheet.reason}` } };
    const checked = checkPaperRows(sheet.records, parsed.data);
    const id = await createImportPreview(db(), { agencyId: unit.agency_id, ...parsed.data, fileName: file.name, ...checked, userId: user.id });
    return redirect(`/staf/impor/${unit.id}?pratinjau=${id}`);
  }
  const parsed = parseForm(decisionSchema, await request.formData());
  if (!parsed.ok) return { errors: parsed.errors };
  const target = await importById(db(), parsed.data.importId);
  if (!target || target.unitId !== unit.id) throw new Response("Not Found", { status: 404 });
  if (parsed.data.intent === "undo") {
    await undoImport(db(), target.id, user.id);
    return redirect(`/staf/impor/${unit.id}`);
  }
  const outcome = await confirmImport(db(), target.id, user.id, parsed.data.acceptGoodRowsOnly === "1");
  if (!outcome.ok) return { errors: { _form: `paperImport.errors.${outcome.reason}` } };
  return redirect(`/staf/impor/${unit.id}?diimpor=${outcome.imported}`);
}

export default function PaperImport() {
  const { unit, counters, services, imports, preview } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
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
      {preview ? (
        <section className="card" aria-labelledby="preview-title">
          <h2 id="preview-title">{t("paperImport.previewTitle", { file: preview.fileName })}</h2>
          <p>{t("paperImport.summary", { good: preview.goodRows, bad: preview.badRows.length })}</p>
          {preview.badRows.length > 0 ? (
            <div className="table-wrap">
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
              <button type="submit" disabled={preview.goodRows === 0}>
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
        <label htmlFor="counterId">{t("paperImport.counter")}</label>
        <select id="counterId" name="counterId">
          {counters.map((counter) => (
            <option key={counter.id} value={counter.id}>
              {counter.name}
            </option>
          ))}
        </select>
        {fieldError("counterId")}
        <label htmlFor="serviceId">{t("paperImport.service")}</label>
        <select id="serviceId" name="serviceId">
          {services.map((service) => (
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
        <div className="table-wrap">
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
                <th scope="col"></th>
              </tr>
            </thead>
            <tbody>
              {imports.map((item) => (
                <tr key={item.id}>
                  <td>{item.fileName}</td>
                  <td>
                    {item.counterName} · {item.serviceName}
                  </td>
                  <td className="nowrap">
                    {item.from} – {item.to}
                  </td>
                  <td className="num">{item.goodRows}</td>
                  <td>{t(`paperImport.statuses.${item.status}`)}</td>
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
