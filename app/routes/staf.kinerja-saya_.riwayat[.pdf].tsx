import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireUser } from "~/auth/guard.server";
import { renderCareerRecordPdf } from "~/exports/pdf/career-record.server";
import { localDateOf } from "~/domain/working-days";
import { createI18n } from "~/i18n/i18n";
import { localeOf } from "~/i18n/locale.server";
import { RESOURCES } from "~/i18n/resources.server";
import { careerRecordFor } from "~/pages/career-record.server";
import { now } from "~/platform/clock.server";
import { db } from "~/platform/db.server";
import { periodLabel } from "~/ui/skp";

// The career record as a PDF for a promotion file; the same scope as the page.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const record = await careerRecordFor(db(), user, new URL(request.url).searchParams.get("pegawai"));
  if (!record) throw notFound();
  const locale = await localeOf(request);
  const i18n = createI18n(locale, RESOURCES[locale]);
  const t = (key: string, options?: Record<string, unknown>) => i18n.t(key, options ?? {});
  const pdf = await renderCareerRecordPdf(record, t, locale, localDateOf(now(), record.officer.timeZone), (kind, start) => periodLabel(t, locale, kind, start));
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="riwayat-kinerja-${record.officer.nip ?? record.officer.id}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
