import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireAgencyAdmin } from "~/auth/guard.server";
import { postersOf } from "~/data/org-admin/counters.server";
import { renderPostersPdf } from "~/exports/pdf/qr-posters-pdf.server";
import { idFromText } from "~/http/params";
import { publicBaseUrl } from "~/http/public-url.server";
import { localeOf } from "~/i18n/locale.server";
import { RESOURCES } from "~/i18n/resources.server";
import { db } from "~/platform/db.server";

// GET /staf/organisasi/:unitId/poster.pdf?loket=1&loket=2…: the chosen counters' QR posters, one PDF to print.
// Only the agency's active counters are printed; an empty choice is a 400.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { unit: agency } = await requireAgencyAdmin(request, params.unitId);
  const ids = new URL(request.url).searchParams
    .getAll("loket")
    .slice(0, 1000)
    .map(idFromText)
    .filter((id): id is number => id !== null);
  const counters = await postersOf(db(), agency.agency_id, ids);
  const texts = (RESOURCES[await localeOf(request)] as { counterAdmin: { posterHeading: string; posterAnonymous: string }; orgAdmin: { counters: { noneChosen: string; postersTitle: string } } });
  if (counters.length === 0) return new Response(texts.orgAdmin.counters.noneChosen, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const base = publicBaseUrl(request);
  const pdf = await renderPostersPdf(
    counters.map((counter) => ({
      counterName: counter.counterName,
      unitName: counter.unitName,
      agencyName: counter.agencyName,
      services: counter.services,
      url: `${base}/l/${counter.publicCode}`,
      heading: texts.counterAdmin.posterHeading,
      anonymous: texts.counterAdmin.posterAnonymous,
    })),
    texts.orgAdmin.counters.postersTitle,
  );
  return new Response(new Uint8Array(pdf), {
    headers: { "Content-Type": "application/pdf", "Content-Disposition": `attachment; filename="poster-loket-${counters.length}.pdf"`, "Cache-Control": "private, no-store" },
  });
}
