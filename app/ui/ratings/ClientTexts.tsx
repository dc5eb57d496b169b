import { useTranslation } from "~/i18n/react";

// The texts the page's script may show (app/enhance/citizen.ts), flattened to "a.b.c" keys and embedded as a
// JSON data block: the script has no framework and no i18next of its own, and needs no extra request.
const CLIENT_TEXT_TREES = ["ratings.errors", "ratings.offline", "errors.server", "complaints.track.copied"];

function flatten(prefix: string, node: unknown, into: Record<string, string>): void {
  if (typeof node === "string") into[prefix] = node;
  else if (node && typeof node === "object") for (const [key, child] of Object.entries(node)) flatten(`${prefix}.${key}`, child, into);
}

export function ClientTexts() {
  const { i18n } = useTranslation();
  const texts: Record<string, string> = {};
  for (const tree of CLIENT_TEXT_TREES) flatten(tree, i18n.getResource(i18n.language, "translation", tree), texts);
  // "<" escaped so no text can close the element.
  const json = JSON.stringify(texts).replace(/</g, "\\u003c");
  return <script type="application/json" id="suara-texts" dangerouslySetInnerHTML={{ __html: json }} />;
}
