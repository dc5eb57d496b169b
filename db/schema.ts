import type { Insertable, Selectable, Updateable } from "kysely";
import { ORGANISATION_COLUMNS, type OrganisationTables } from "./tables/organisation";
import type * as Organisation from "./tables/organisation";
import { RATINGS_COLUMNS, type RatingsTables } from "./tables/ratings";
import { COMPLAINTS_COLUMNS, type ComplaintsTables } from "./tables/complaints";
import { ASSESSMENTS_COLUMNS, type AssessmentsTables } from "./tables/assessments";
import { FORUMS_COLUMNS, type ForumsTables } from "./tables/forums";
import { SKM_REPORTS_COLUMNS, type SkmReportsTables } from "./tables/skm-reports";
import { ACCOUNTS_COLUMNS, type AccountsTables } from "./tables/accounts";
import { ORG_IMPORT_COLUMNS, type OrgImportTables } from "./tables/org-import";
import { SECURITY_COLUMNS, type SecurityTables } from "./tables/security";
import { MAIL_COLUMNS, type MailTables } from "./tables/mail";

// The Database interface mirrors db/migrations: one file per subject in db/tables/, gathered here.
// tests/integration/schema.test.ts checks ALL_COLUMNS (and so these types) against the live schema.
export interface Database extends OrganisationTables, RatingsTables, ComplaintsTables, AssessmentsTables, ForumsTables, SkmReportsTables, AccountsTables, OrgImportTables, SecurityTables, MailTables {}

export const ALL_COLUMNS = {
  ...ASSESSMENTS_COLUMNS,
  ...ORGANISATION_COLUMNS,
  ...RATINGS_COLUMNS,
  ...COMPLAINTS_COLUMNS,
  ...FORUMS_COLUMNS,
  ...SKM_REPORTS_COLUMNS,
  ...ACCOUNTS_COLUMNS,
  ...ORG_IMPORT_COLUMNS,
  ...SECURITY_COLUMNS,
  ...MAIL_COLUMNS,
};

export { ROLES, UNIT_KINDS } from "./tables/organisation";
export type { Role, UnitKind } from "./tables/organisation";

export type Agency = Selectable<Organisation.AgenciesTable>;
export type Unit = Selectable<Organisation.UnitsTable>;
export type Service = Selectable<Organisation.ServicesTable>;
export type Counter = Selectable<Organisation.CountersTable>;
export type Officer = Selectable<Organisation.OfficersTable>;
export type User = Selectable<Organisation.UsersTable>;
export type NewUnit = Insertable<Organisation.UnitsTable>;
export type UserUpdate = Updateable<Organisation.UsersTable>;
