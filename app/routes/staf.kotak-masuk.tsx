import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { z } from "zod";
import { requireUser } from "~/auth/guard.server";
import { now } from "~/platform/clock.server";
import { db } from "~/platform/db.server";
import { inboxOf, markRead } from "~/data/notifications.server";
import { recordNoticePath } from "~/data/records-notices.server";
import { formatTrackingCode } from "~/domain/complaint-tracking-code";
import { formatDateTime } from "~/i18n/format";
import { useRootData } from "~/root";
import { parseForm, idField } from "~/http/forms";
import { readForm } from "~/http/form-body.server";

export const meta: MetaFunction = () => [{ title: "Kotak masuk · Suara" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const items = await inboxOf(db(), user.id);
  return {
    items: items.map((item) => {
      const noticeParams = (item.params ?? {}) as Record<string, string>;
      const record = item.kind.startsWith("skp_");
      return {
        ...item,
        textKey: record ? `records.inbox.${item.kind}` : `complaints.inbox.kinds.${item.kind}`,
        link: record ? recordNoticePath(item.kind, noticeParams.planId ?? "") : item.complaintId ? `/staf/pengaduan/${item.complaintId}` : null,
        params: { ...noticeParams, code: item.trackingCode ? formatTrackingCode(item.trackingCode) : "" },
      };
    }),
  };
}

const readSchema = z.object({ id: z.preprocess((value) => (value === "all" ? undefined : value), idField().optional()) });

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = parseForm(readSchema, await readForm(request));
  if (!parsed.ok) return { errors: parsed.errors };
  await markRead(db(), user.id, parsed.data.id ?? null, now());
  return redirect("/staf/kotak-masuk");
}

export default function Inbox() {
  const { items } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useRootData()?.locale ?? "id";
  const unread = items.some((item) => item.readAt === null);
  return (
    <>
      <h1>{t("complaints.inbox.title")}</h1>
      <p className="muted">{t("complaints.inbox.intro")}</p>
      {unread ? (
        <Form method="post">
          <input type="hidden" name="id" value="all" />
          <button type="submit" className="secondary small-button">
            {t("complaints.inbox.markAll")}
          </button>
        </Form>
      ) : null}
      {items.length === 0 ? (
        <p>{t("complaints.inbox.empty")}</p>
      ) : (
        <div className="table-wrap" tabIndex={0} style={{ marginTop: 12 }}>
          <table>
            <tbody>
              {items.map((item) => (
                <tr key={item.id}>
                  <td className="nowrap">{formatDateTime(locale, item.createdAt)}</td>
                  <td>
                    {item.readAt === null ? (
                      <>
                        <span className="badge warn">{t("complaints.inbox.unread")}</span>{" "}
                      </>
                    ) : null}
                    {t(item.textKey, item.params)}
                  </td>
                  <td className="nowrap">
                    {item.link ? <Link to={item.link}>{t("complaints.inbox.open")}</Link> : null}
                  </td>
                  <td>
                    {item.readAt === null ? (
                      <Form method="post">
                        <input type="hidden" name="id" value={item.id} />
                        <button type="submit" className="secondary small-button">
                          {t("complaints.inbox.markRead")}
                        </button>
                      </Form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
