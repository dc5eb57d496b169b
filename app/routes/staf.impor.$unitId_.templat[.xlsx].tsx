import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireStaffUnit } from "~/auth/guard.server";
import { paperTemplateXlsx } from "~/exports/paper-import-template.server";
import { localeOf } from "~/i18n/locale.server";
import { createTranslator } from "~/i18n/react";
import { RESOURCES } from "~/i18n/resources.server";
import { TEMPLATE_COLUMNS } from "~/domain/ratings/paper-import";

// The empty paper-survey sheet as XLSX: the same header, and a second sheet saying what each column accepts.
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaffUnit(request, ["supervisor", "admin"], params.unitId);
  const t = createTranslator(await localeOf(request), RESOURCES[await localeOf(request)]);
  const bytes = await paperTemplateXlsx({
    sheet: t("paperImport.template.sheet"),
    notesSheet: t("paperImport.template.notesSheet"),
    column: t("paperImport.column"),
    accepts: t("paperImport.template.accepts"),
    rows: TEMPLATE_COLUMNS.map((name) => [name, t(`paperImport.template.columns.${/^U\d$/.test(name) ? "element" : name}`, { code: name })]),
  });
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": 'attachment; filename="templat-survei-kertas.xlsx"',
      "Cache-Control": "no-store",
    },
  });
}
