import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { apiReference, openApiDocument } from "~/http/open-data/openapi";
import { publicBaseUrl } from "~/http/public-url.server";
import { CITIZEN_PAGE, loadAsDocument } from "~/ui/page-handle";
import { pageTitle } from "~/ui/page-title";

export const handle = CITIZEN_PAGE;
export const clientLoader = loadAsDocument;

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "publicResults.docs.title") }];

// GET /api/v1/docs: the open-data API's reference, read from the same OpenAPI document the API publishes.
export function loader({ request }: LoaderFunctionArgs) {
  const base = publicBaseUrl(request);
  return { base, entries: apiReference(openApiDocument(base)) };
}

export default function ApiReference() {
  const { base, entries } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <h1>{t("publicResults.docs.title")}</h1>
      <p>{t("publicResults.docs.intro")}</p>
      <p>
        <a href="/api/v1/openapi.json">{t("publicResults.docs.document")}</a>
      </p>
      <ul>
        {entries.map((entry) => (
          <li key={entry.path}>
            <a href={`#${anchor(entry.path)}`}>
              <code>{entry.path}</code>
            </a>{" "}
            · {entry.summary}
          </li>
        ))}
      </ul>
      {entries.map((entry) => (
        <section
          className="card"
          key={entry.path}
          id={anchor(entry.path)}
          aria-labelledby={`${anchor(entry.path)}-title`}
        >
          <h2 id={`${anchor(entry.path)}-title`} style={{ overflowWrap: "anywhere" }}>
            <code>
              {entry.method} {entry.path}
            </code>
          </h2>
          <p>
            <strong>{entry.summary}.</strong> {entry.description}
          </p>
          {entry.parameters.length > 0 ? (
            <div className="table-wrap" tabIndex={0}>
              <table>
                <caption className="small muted">{t("publicResults.docs.parameters")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("publicResults.docs.field")}</th>
                    <th scope="col">{t("publicResults.docs.in")}</th>
                    <th scope="col">{t("publicResults.docs.description")}</th>
                  </tr>
                </thead>
                <tbody>
                  {entry.parameters.map((parameter) => (
                    <tr key={parameter.name}>
                      <th scope="row">
                        <code>{parameter.name}</code>
                        {parameter.required ? ` (${t("publicResults.docs.required")})` : ""}
                      </th>
                      <td>{parameter.in}</td>
                      <td>{parameter.description}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          <p className="small">
            {t("publicResults.docs.responses")}: {entry.statuses.join(", ")}
          </p>
          <p className="small">{t("publicResults.docs.example")}:</p>
          <pre style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
            <code>curl -i &apos;{`${base}${entry.example}`}&apos;</code>
          </pre>
          {entry.fields.length > 0 ? (
            <div className="table-wrap" tabIndex={0}>
              <table>
                <caption className="small muted">{t("publicResults.docs.fields")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("publicResults.docs.field")}</th>
                    <th scope="col">{t("publicResults.docs.type")}</th>
                    <th scope="col">{t("publicResults.docs.description")}</th>
                  </tr>
                </thead>
                <tbody>
                  {entry.fields.map((field) => (
                    <tr key={field.name}>
                      <th scope="row">
                        <code>{field.name}</code>
                      </th>
                      <td>
                        <code>{field.type}</code>
                      </td>
                      <td>{field.description}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </section>
      ))}
    </>
  );
}

function anchor(path: string): string {
  return path
    .replace(/^\/api\/v1\//, "")
    .replace(/[^a-z0-9]+/gi, "-")
    .replace(/-+$/, "");
}
