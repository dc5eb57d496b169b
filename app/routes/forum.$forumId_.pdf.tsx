import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "~/platform/db.server";
import { actionsOf } from "~/data/forums/actions.server";
import { publishedSnapshot, withdrawnNumbers } from "~/data/forums/records.server";
import { createI18n } from "~/i18n/i18n";
import { localeOf } from "~/i18n/locale.server";
import { RESOURCES } from "~/i18n/resources.server";
import { renderBeritaAcaraPdf } from "~/exports/pdf/berita-acara.server";
import { unitIdParam } from "~/http/params";

// The printable berita acara of a published version (the latest unless ?versi= names one).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const forumId = unitIdParam(params.forumId);
  const asked = new URL(request.url).searchParams.get("versi");
  const version = asked && /^\d{1,4}$/.test(asked) ? Number(asked) : undefined;
  const snapshot = await publishedSnapshot(db(), forumId, version);
  if (!snapshot) throw new Response("Not Found", { status: 404 });
  const locale = await localeOf(request);
  const i18n = createI18n(locale, RESOURCES[locale]);
  const [withdrawn, actions] = await Promise.all([withdrawnNumbers(db(), forumId), actionsOf(db(), forumId)]);
  const pdf = await renderBeritaAcaraPdf(snapshot, (key, options) => i18n.t(key, options ?? {}), locale, {
    withdrawn: new Set(withdrawn),
    actionStatus: new Map(actions.map((action) => [action.id, action.status])),
  });
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="berita-acara-forum-${forumId}-v${snapshot.version}.pdf"`,
      "Cache-Control": "no-store",
    },
  });
}
