import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { formatTrackingCode, normaliseTrackingCode } from "~/domain/complaint-tracking-code";
import { Field } from "~/ui/Field";
import { CITIZEN_PAGE, loadAsDocument } from "~/ui/page-handle";
import { pageTitle } from "~/ui/page-title";

export const handle = CITIZEN_PAGE;
export const clientLoader = loadAsDocument;

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "complaints.track.title") }];

// The form is a GET, so it works without JavaScript and the result has its own address.
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  // Sent back here by the tracking page when a code is unknown: the same answer as a malformed one.
  const unknown = url.searchParams.get("salah");
  if (unknown !== null) return { typed: unknown.slice(0, 40), notFound: true };
  const typed = url.searchParams.get("kode");
  if (typed === null) return { typed: "", notFound: false };
  const code = normaliseTrackingCode(typed);
  if (code) throw redirect(`/pengaduan/lacak/${formatTrackingCode(code)}`);
  // A code that cannot exist gets the same answer as one that does not.
  return { typed: typed.slice(0, 40), notFound: true };
}

export default function TrackForm() {
  const { typed, notFound } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="narrow">
      <h1>{t("complaints.track.title")}</h1>
      <p className="muted">{t("complaints.track.intro")}</p>
      {notFound ? (
        <p className="notice error" role="alert">
          {t("complaints.track.notFound")}
        </p>
      ) : null}
      <Form method="get" action="/pengaduan/lacak">
        <Field
          name="kode"
          type="text"
          label={t("complaints.track.codeLabel")}
          hint={t("complaints.track.codeHint")}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          required
          defaultValue={typed}
          error={notFound ? "complaints.track.notFound" : undefined}
        />
        <div className="form-actions">
          <button type="submit">{t("complaints.track.submit")}</button>
        </div>
      </Form>
    </div>
  );
}
