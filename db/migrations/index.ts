import type { Migration } from "kysely";
import * as m0001 from "./0001_organisation";
import * as m0002 from "./0002_ratings";
import * as m0003 from "./0003_complaints";
import * as m0004 from "./0004_forums";
import * as m0005 from "./0005_assessments";
import * as m0006 from "./0006_rating_reviews";
import * as m0007 from "./0007_skm_reports";
import * as m0008 from "./0008_rating_rollup_per_statement";
import * as m0009 from "./0009_accounts_and_settings";
import * as m0010 from "./0010_organisation_import";
import * as m0010b from "./0010b_organisation_import_previews";
import * as m0011 from "./0011_security";
import * as m0013 from "./0013_rating_visit_time";
import * as m0014 from "./0014_mail_outbox";
import * as m0015 from "./0015_performance_records";
import * as m0016 from "./0016_forum_evidence";
import * as m0017 from "./0017_comment_batches";
import * as m0018 from "./0018_unit_settings";
import * as m0019 from "./0019_forum_action_files";
import * as m0020 from "./0020_skm_recommendations";
import * as m0021 from "./0021_peer_review_links";
import * as m0022 from "./0022_counter_lookup_version";
import * as m0023 from "./0023_unit_search_names";

// Listed statically so every loader (tsx, Vite, Vitest) bundles them; db/migrate.test.ts checks none is missing.
export const MIGRATIONS: Record<string, Migration> = {
  "0001_organisation": m0001,
  "0002_ratings": m0002,
  "0003_complaints": m0003,
  "0004_forums": m0004,
  "0005_assessments": m0005,
  "0006_rating_reviews": m0006,
  "0007_skm_reports": m0007,
  "0008_rating_rollup_per_statement": m0008,
  "0009_accounts_and_settings": m0009,
  "0010_organisation_import": m0010,
  "0010b_organisation_import_previews": m0010b,
  "0011_security": m0011,
  "0013_rating_visit_time": m0013,
  "0014_mail_outbox": m0014,
  "0015_performance_records": m0015,
  "0016_forum_evidence": m0016,
  "0017_comment_batches": m0017,
  "0018_unit_settings": m0018,
  "0019_forum_action_files": m0019,
  "0020_skm_recommendations": m0020,
  "0021_peer_review_links": m0021,
  "0022_counter_lookup_version": m0022,
  "0023_unit_search_names": m0023,
};
