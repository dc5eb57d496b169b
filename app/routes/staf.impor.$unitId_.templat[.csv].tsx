import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireStaffUnit } from "~/auth/guard.server";
import { paperTemplateCsv } from "~/exports/paper-import-template.server";

// The empty paper-survey sheet as CSV: the header line with exactly the columns the import reads.
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaffUnit(request, ["supervisor", "admin"], params.unitId);
  return new Response(paperTemplateCsv(), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="templat-survei-kertas.csv"',
      "Cache-Control": "no-store",
    },
  });
}
