import type { Generated } from "kysely";
import type { Columns, Timestamp } from "./columns";

export const ACCOUNT_CODE_PURPOSES = ["activation", "reset"] as const;
export type AccountCodePurpose = (typeof ACCOUNT_CODE_PURPOSES)[number];

/** The one-time set-up link of a database without an administrator (only the hash is kept). */
export interface SetupTokensTable {
  id: Generated<number>;
  token_hash: string;
  created_at: Generated<Date>;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

/** A one-time code with which an officer sets a password (activation or an administrator's reset). */
export interface AccountCodesTable {
  id: Generated<number>;
  user_id: number;
  purpose: AccountCodePurpose;
  code_hash: string;
  created_by_user_id: number | null;
  created_at: Generated<Date>;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface AccountsTables {
  setup_tokens: SetupTokensTable;
  account_codes: AccountCodesTable;
}

export const ACCOUNTS_COLUMNS = {
  setup_tokens: { id: true, token_hash: true, created_at: true, expires_at: true, used_at: true, revoked_at: true },
  account_codes: { id: true, user_id: true, purpose: true, code_hash: true, created_by_user_id: true, created_at: true, expires_at: true, used_at: true, revoked_at: true },
} satisfies Columns<AccountsTables>;
