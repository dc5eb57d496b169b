import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import QRCode from "qrcode";
import { requireUnitRole } from "~/auth/guard.server";
import { counterForStaff, visitCodesOf } from "~/data/ratings.server";
import { unitIdParam } from "~/http/params";
import { publicBaseUrl } from "~/http/public-url.server";
import { formatDay } from "~/i18n/format";
import { useTranslation } from "~/i18n/react";
import { now } from "~/platform/clock.server";
import { db } from "~/platform/db.server";
import { useRootData } from "~/root";
import { pageTitle } from "~/ui/page-title";
import { isIsoDate, localDateOf } from "~/domain/working-days";

// Printable visit-code slips: one unused code and its QR per slip, 24 to an A4 page with cut marks, for
// queue tickets. The QR opens the counter's rating page with the code filled in.
export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "counterAdmin.slips.title") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const counter = await counterForStaff(db(), unitIdParam(params.counterId));
  if (!counter) throw new Response("Not Found", { status: 404 });
  await requireUnitRole(request, ["supervisor", "admin"], counter.unitId);
  const asked = new URL(request.url).searchParams.get("hari") ?? "";
  const day = isIsoDate(asked) ? asked : localDateOf(now(), counter.timeZone);
  const codes = (await visitCodesOf(db(), counter.id, day)).filter((code) => code.usedAt === null);
  const base = `${publicBaseUrl(request)}/l/${counter.publicCode}`;
  const slips = await Promise.all(
    codes.map(async ({ code }) => ({ code, qr: await QRCode.toString(`${base}?v=${code}`, { type: "svg", errorCorrectionLevel: "M", margin: 1 }) })),
  );
  return { counter: { id: counter.id, name: counter.name, unitName: counter.unitName }, day, slips };
}

export default function VisitCodeSlips() {
  const { counter, day, slips } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useRootData()?.locale ?? "id";
  return (
    <>
      <div className="no-print">
        <p className="muted">
          <Link to={`/staf/loket/${counter.id}`}>← {counter.name}</Link>
        </p>
        <h1>{t("counterAdmin.slips.title")}</h1>
        <p>{t("counterAdmin.slips.intro", { count: slips.length, day: formatDay(locale, day) })}</p>
        <p className="hint">{t("counterAdmin.slips.howToPrint")}</p>
      </div>
      {slips.length === 0 ? (
        <p>{t("counterAdmin.slips.none")}</p>
      ) : (
        <ul className="slips" aria-label={t("counterAdmin.slips.listLabel")}>
          {slips.map((slip) => (
            <li key={slip.code} className="slip">
              {/* The SVG comes from the qrcode library, built from our own URL: no user text inside. */}
              <span className="slip-qr" aria-hidden="true" dangerouslySetInnerHTML={{ __html: slip.qr }} />
              <span className="slip-text">
                <span className="slip-label">{t("counterAdmin.slips.code")}</span>
                <strong className="slip-code">{slip.code}</strong>
                <span className="slip-where">
                  {counter.unitName} · {counter.name}
                </span>
                <span className="slip-where">{formatDay(locale, day)}</span>
                <span className="slip-how">{t("counterAdmin.slips.scan")}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
