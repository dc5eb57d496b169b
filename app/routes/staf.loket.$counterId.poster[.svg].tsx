import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUnitRole } from "~/auth/guard.server";
import { db } from "~/platform/db.server";
import { counterForStaff } from "~/data/ratings.server";
import { localeOf } from "~/i18n/locale.server";
import { RESOURCES } from "~/i18n/resources.server";
import { qrPosterSvg } from "~/exports/pdf/qr-poster.server";
import { unitIdParam } from "~/http/params";
import { publicBaseUrl } from "~/http/public-url.server";
import { serviceNamesOfCounter } from "~/data/organisation.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const counter = await counterForStaff(db(), unitIdParam(params.counterId));
  if (!counter) throw new Response("Not Found", { status: 404 });
  await requireUnitRole(request, ["supervisor", "admin"], counter.unitId);
  const services = await serviceNamesOfCounter(db(), counter.id);
  const texts = (RESOURCES[await localeOf(request)] as { counterAdmin: { posterHeading: string; posterAnonymous: string } }).counterAdmin;
  const svg = await qrPosterSvg({
    counterName: counter.name,
    unitName: counter.unitName,
    agencyName: counter.agencyName,
    services,
    url: `${publicBaseUrl(request)}/l/${counter.publicCode}`,
    heading: texts.posterHeading,
    anonymous: texts.posterAnonymous,
  });
  return new Response(svg, {
    headers: {
      "Content-Type": "image/svg+xml; charset=utf-8",
      "Content-Disposition": `attachment; filename="poster-${counter.publicCode}.svg"`,
    },
  });
}
