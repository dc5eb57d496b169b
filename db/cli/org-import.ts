import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { createDatabase } from "../connect";
import { migrateToLatest } from "../migrate";
import { importOrganisation, type ImportSummary } from "../../app/data/org-import.server";
import { formatProblem } from "../../app/domain/org-import/report";
import { createTranslator } from "../../app/i18n/i18n";
import { readImportPath } from "../../app/exports/org-import-files.server";
import { withDatabase } from "./with-database";

// `npm run org:import -- --agency SLUG [--name NAME] [--zone ZONE] [--dry-run] [--retire-missing] FOLDER_OR_WORKBOOK`
// Messages follow LANG (Indonesian unless it starts with "en"). Exit code 1 when anything is wrong.
const locale = (process.env.SUARA_LANG ?? process.env.LANG ?? "id").startsWith("en") ? "en" : "id";
const t = createTranslator(locale, JSON.parse(readFileSync(new URL(`../../public/locales/${locale}/org-import.json`, import.meta.url), "utf8")) as Record<string, unknown>);

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      agency: { type: "string" },
      name: { type: "string" },
      zone: { type: "string" },
      province: { type: "string" },
      "dry-run": { type: "boolean", default: false },
      "retire-missing": { type: "boolean", default: false },
    },
  });
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  console.error(t("orgImport.cli.usage"));
  process.exit(1);
}
const { values, positionals } = parsed;
if (!values.agency || positionals.length !== 1) {
  console.error(t("orgImport.cli.usage"));
  process.exit(1);
}
const source = positionals[0]!;
const read = await readImportPath(source);
if (!read.ok) {
  console.error(t(`orgImport.read.${read.reason}`, { name: read.name }));
  process.exit(1);
}

let exitCode = 0;
await withDatabase(async (url) => {
  const db = createDatabase(url, 2);
  try {
    await migrateToLatest(db);
    const outcome = await importOrganisation(db, {
      agency: { slug: values.agency!, name: values.name, zone: values.zone, province: values.province },
      files: read.files,
      retireMissing: values["retire-missing"] ?? false,
      dryRun: values["dry-run"] ?? false,
      actorUserId: null,
      source,
      now: new Date(),
    });
    if (!outcome.ok) {
      exitCode = 1;
      if ("agencyProblem" in outcome) {
        console.error(t(`orgImport.agency.${outcome.agencyProblem}`, { slug: values.agency }));
        return;
      }
      for (const problem of outcome.problems) console.error(formatProblem(t, problem));
      console.error(t("orgImport.cli.rejected", { count: outcome.problems.length }));
      return;
    }
    printSummary(outcome.summary);
    if (outcome.dryRun) console.log(t("orgImport.cli.dryRun"));
    if (outcome.changes === 0) console.log(t("orgImport.cli.nothingChanged"));
    else if (!outcome.dryRun) console.log(t("orgImport.cli.done"));
  } finally {
    await db.destroy();
  }
});
process.exit(exitCode);

function printSummary(summary: ImportSummary) {
  for (const entity of ["units", "services", "counters", "officers", "patterns"] as const) {
    console.log(t("orgImport.cli.line", { entity: t(`orgImport.entities.${entity}`), ...summary[entity] }));
  }
  if (summary.accounts > 0) console.log(t("orgImport.cli.accounts", { count: summary.accounts }));
}
