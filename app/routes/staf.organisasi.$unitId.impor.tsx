import {
  redirect,
  unstable_createMemoryUploadHandler,
  MaxPartSizeExceededError,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireAgencyAdmin } from "~/auth/guard.server";
import { importHistory, importUpload, runImportUpload, saveImportUpload, type ImportSummary } from "~/data/org-import.server";
import { formatProblem } from "~/domain/org-import/report";
import { SHEET_COLUMNS, SHEET_NAMES } from "~/domain/org-import/sheets";
import { readUploads } from "~/exports/org-import-files.server";
import { parseForm, idField } from "~/http/forms";
import { formatDateTime } from "~/i18n/format";
import { useTranslation, type TFunction } from "~/i18n/react";
import { now } from "~/platform/clock.server";
import { db } from "~/platform/db.server";
import { importPreview } from "~/pages/org-import.server";
import { useRootData } from "~/root";
import { readForm } from "~/http/form-body.server";
import { idFromText } from "~/http/params";

export const meta: MetaFunction = () => [{ title: "Impor organisasi · Suara" }];
const MAX_BYTES = 10 * 1024 * 1024;
const ENTITIES = ["units", "services", "counters", "officers", "patterns"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, unit } = await requireAgencyAdmin(request, params.unitId);
  const url = new URL(request.url);
  const uploadId = idFromText(url.searchParams.get("unggahan"));
  const upload = uploadId !== null ? await importUpload(db(), uploadId, unit.agency_id) : undefined;
  const preview = upload ? importPreview(upload, await runImportUpload(db(), upload, user.id, now(), false)) : null;
  return {
    unit: { id: unit.id, name: unit.agencyName, zone: unit.timeZone },
    preview,
    done: url.searchParams.get("selesai") === "1",
    history: await importHistory(db(), unit.agency_id),
  };
}

const confirmSchema = z.object({ uploadId: idField() });

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, unit } = await requireAgencyAdmin(request, params.unitId);
  if (request.headers.get("Content-Type")?.startsWith("multipart/form-data")) {
    let form: FormData;
    try {
      form = await readForm(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_BYTES }));
    } catch (error) {
      if (error instanceof MaxPartSizeExceededError) return Response.json({ errors: { files: "orgImport.page.errors.tooBig" } }, { status: 400 });
      throw error;
    }
    const uploads = form.getAll("files").filter((file): file is File => file instanceof File && file.size > 0);
    if (uploads.length === 0) return Response.json({ errors: { files: "orgImport.page.errors.noFile" } }, { status: 400 });
    const read = await readUploads(await Promise.all(uploads.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }))));
    if (!read.ok) return Response.json({ errors: { files: "orgImport.page.errors.unreadable" }, name: read.name }, { status: 400 });
    if (Object.keys(read.files).length === 0) return Response.json({ errors: { files: "orgImport.page.errors.noSheets" } }, { status: 400 });
    const id = await saveImportUpload(db(), { agencyId: unit.agency_id, userId: user.id, source: uploads.map((file) => file.name).join(", "), files: read.files, retireMissing: form.get("retireMissing") === "1" });
    return redirect(`/staf/organisasi/${unit.id}/impor?unggahan=${id}`);
  }
  const parsed = parseForm(confirmSchema, await readForm(request));
  if (!parsed.ok) return Response.json({ errors: parsed.errors }, { status: 400 });
  const upload = await importUpload(db(), parsed.data.uploadId, unit.agency_id);
  if (!upload) throw new Response("Not Found", { status: 404 });
  if (upload.appliedImportId !== null) return redirect(`/staf/organisasi/${unit.id}/impor?unggahan=${upload.id}`);
  const outcome = await runImportUpload(db(), upload, user.id, now(), true);
  if (!outcome.ok) return redirect(`/staf/organisasi/${unit.id}/impor?unggahan=${upload.id}`);
  return redirect(`/staf/organisasi/${unit.id}/impor?unggahan=${upload.id}&selesai=1`);
}

export default function OrganisationImport() {
  const { unit, preview, done, history } = useLoaderData<typeof loader>();
  const actionData = useActionData<{ errors?: Record<string, string>; name?: string }>();
  const { t } = useTranslation();
  const locale = useRootData()?.locale ?? "id";
  const errors = actionData?.errors ?? {};
  return (
    <>
      <p className="muted">
        <Link to={`/staf/organisasi/${unit.id}`}>{unit.name}</Link>
      </p>
      <h1>{t("orgImport.page.title")}</h1>
      <p className="muted">{t("orgImport.page.intro")}</p>
      {done ? (
        <p className="notice success" role="status">
          {t("orgImport.page.done")}
        </p>
      ) : null}
      {preview ? (
        <section className="card" aria-labelledby="preview-title">
          <h2 id="preview-title">{t("orgImport.page.previewTitle", { source: preview.source })}</h2>
          {preview.problems.length > 0 ? (
            <>
              <p className="notice error" role="alert">
                {t("orgImport.cli.rejected", { count: preview.problems.length })}
              </p>
              <ul className="problem-list">
                {preview.problems.map((problem, index) => (
                  <li key={index}>
                    <code>{formatProblem(t, problem)}</code>
                  </li>
                ))}
              </ul>
            </>
          ) : preview.summary ? (
            <>
              <SummaryTable t={t} summary={preview.summary} />
              {preview.retireMissing ? <p className="hint">{t("orgImport.page.retireMissingOn")}</p> : null}
              {preview.details.map((detail) =>
                detail.added.length + detail.updated.length + detail.retired.length === 0 ? null : (
                  <details key={detail.entity}>
                    <summary>{t(`orgImport.entities.${detail.entity}`)}</summary>
                    <ul>
                      {detail.added.map((label) => (
                        <li key={`a${label}`}>
                          <span className="badge">{t("orgImport.page.added")}</span> {label}
                        </li>
                      ))}
                      {detail.updated.map((update) => (
                        <li key={`u${update.label}`}>
                          <span className="badge warn">{t("orgImport.page.updated")}</span> {update.label} ({update.fields.map((field) => t(`orgImport.fields.${field}`)).join(", ")})
                        </li>
                      ))}
                      {detail.retired.map((label) => (
                        <li key={`r${label}`}>
                          <span className="badge danger">{t("orgImport.page.retired")}</span> {label}
                        </li>
                      ))}
                    </ul>
                  </details>
                ),
              )}
              {preview.applied || done ? null : preview.changes === 0 ? (
                <p>{t("orgImport.cli.nothingChanged")}</p>
              ) : (
                <Form method="post" className="form-actions">
                  <input type="hidden" name="uploadId" value={preview.id} />
                  <button type="submit">{t("orgImport.page.confirm", { count: preview.changes })}</button>
                  <Link to={`/staf/organisasi/${unit.id}/impor`} className="button secondary">
                    {t("orgImport.page.cancel")}
                  </Link>
                </Form>
              )}
            </>
          ) : null}
        </section>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="card">
        <h2>{t("orgImport.page.uploadTitle")}</h2>
        <label htmlFor="files">{t("orgImport.page.files")}</label>
        <p className="hint" id="files-hint">
          {t("orgImport.page.filesHint")}
        </p>
        <input id="files" name="files" type="file" multiple accept=".xlsx,.csv,text/csv" aria-describedby="files-hint" aria-invalid={errors.files ? true : undefined} required />
        {errors.files ? <p className="field-error">{t(errors.files, { name: actionData?.name ?? "" })}</p> : null}
        <label className="choice">
          <input type="checkbox" name="retireMissing" value="1" />
          <span>{t("orgImport.page.retireMissing")}</span>
        </label>
        <div className="form-actions">
          <button type="submit">{t("orgImport.page.check")}</button>
        </div>
      </Form>
      <h2>{t("orgImport.page.formatTitle")}</h2>
      <p className="hint">{t("orgImport.page.formatHint")}</p>
      <div className="table-wrap" tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("orgImport.page.sheet")}</th>
              <th scope="col">{t("orgImport.page.columns")}</th>
            </tr>
          </thead>
          <tbody>
            {SHEET_NAMES.map((sheet) => (
              <tr key={sheet}>
                <td>
                  <code>{sheet}</code>
                </td>
                <td>
                  <code>{SHEET_COLUMNS[sheet].join(", ")}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t("orgImport.page.history")}</h2>
      {history.length === 0 ? (
        <p className="muted">{t("orgImport.page.noHistory")}</p>
      ) : (
        <div className="table-wrap" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("orgImport.page.when")}</th>
                <th scope="col">{t("orgImport.page.source")}</th>
                <th scope="col">{t("orgImport.page.by")}</th>
                {ENTITIES.map((entity) => (
                  <th scope="col" key={entity} className="num">
                    {t(`orgImport.entities.${entity}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {history.map((item) => (
                <tr key={item.id}>
                  <td className="nowrap">{formatDateTime(locale, item.at, unit.zone)}</td>
                  <td>{item.source}</td>
                  <td>{item.actor ?? t("orgImport.page.commandLine")}</td>
                  {ENTITIES.map((entity) => (
                    <td key={entity} className="num nowrap">
                      +{item.summary[entity].added} ~{item.summary[entity].updated} −{item.summary[entity].retired}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function SummaryTable({ t, summary }: { t: TFunction; summary: ImportSummary }) {
  return (
    <div className="table-wrap" tabIndex={0}>
      <table>
        <thead>
          <tr>
            <th scope="col"></th>
            <th scope="col" className="num">{t("orgImport.page.added")}</th>
            <th scope="col" className="num">{t("orgImport.page.updated")}</th>
            <th scope="col" className="num">{t("orgImport.page.unchanged")}</th>
            <th scope="col" className="num">{t("orgImport.page.retired")}</th>
          </tr>
        </thead>
        <tbody>
          {ENTITIES.map((entity) => (
            <tr key={entity}>
              <th scope="row">{t(`orgImport.entities.${entity}`)}</th>
              <td className="num">{summary[entity].added}</td>
              <td className="num">{summary[entity].updated}</td>
              <td className="num">{summary[entity].unchanged}</td>
              <td className="num">{summary[entity].retired}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
