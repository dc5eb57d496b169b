import { z } from "zod";
import { ROLES } from "../../db/tables/organisation";
import { newPasswordFields, usernameField } from "./installation";

// A staff account's life: made by an administrator (or by the organisation import) without a password, activated
// with a one-time code the officer types with a password of their own, reset by an administrator (a new code; the
// old password stops working), deactivated and reactivated. Pure rules; the commands are in data/accounts.server.ts.

export type AccountStatus = "awaiting_activation" | "active" | "deactivated";

export function accountStatus(account: { active: boolean; hasPassword: boolean }): AccountStatus {
  if (!account.active) return "deactivated";
  return account.hasPassword ? "active" : "awaiting_activation";
}

/** An activation code: 12 characters without the look-alikes 0/O, 1/I/L, shown in groups of four (60 bits). */
export const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const CODE_LENGTH = 12;

/** Twelve random bytes (or more) to a code; each byte picks one character, rejection keeps it uniform. */
export function codeFromBytes(bytes: Uint8Array): string | null {
  const limit = 256 - (256 % CODE_ALPHABET.length);
  let code = "";
  for (const byte of bytes) {
    if (byte >= limit) continue;
    code += CODE_ALPHABET[byte % CODE_ALPHABET.length];
    if (code.length === CODE_LENGTH) return code;
  }
  return null;
}

/** "ABCD-EFGH-JKMN" for print and screen. */
export function formatCode(code: string): string {
  return code.match(/.{1,4}/g)?.join("-") ?? code;
}

/**
 * A typed code as it is stored: spaces and dashes dropped, upper case, and the look-alikes read as what they
 * can only mean (O→0 is not in the alphabet, so O and 0 never appear; I and L read as 1, which is not either).
 * Null when what remains is not a code at all.
 */
export function normaliseCode(typed: string): string | null {
  const compact = typed.replace(/[\s-]+/g, "").toUpperCase();
  if (compact.length !== CODE_LENGTH) return null;
  for (const character of compact) if (!CODE_ALPHABET.includes(character)) return null;
  return compact;
}

/** Which code an administrator's "issue a code" gives: an activation for a never-activated account, else a reset. */
export function codePurposeFor(account: { hasPassword: boolean; passwordChangedAt: Date | null }): "activation" | "reset" {
  return account.hasPassword || account.passwordChangedAt !== null ? "reset" : "activation";
}

export interface AdminGrant {
  grantId: number;
  userId: number;
  agencyId: number;
  userActive: boolean;
}

export type AdministratorChange = { kind: "revoke"; grantId: number } | { kind: "deactivate"; userId: number };

/**
 * The agencies a change would leave without an active administrator (empty: the change may go ahead). An
 * agency that has no active administrator before the change is not the change's fault and is not named.
 */
export function agenciesLeftWithoutAdministrator(grants: readonly AdminGrant[], change: AdministratorChange): number[] {
  const remains = (grant: AdminGrant) => grant.userActive && (change.kind === "revoke" ? grant.grantId !== change.grantId : grant.userId !== change.userId);
  const agencies = new Set(grants.filter((grant) => grant.userActive).map((grant) => grant.agencyId));
  return [...agencies].filter((agencyId) => !grants.some((grant) => grant.agencyId === agencyId && remains(grant))).sort((a, b) => a - b);
}

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "form.tooLong")
    .optional()
    .transform((value) => (value ? value : null));

/** An account made by hand: a name, a sign-in name, optionally an officer's NIP and an e-mail, and a first role. */
export const newAccountSchema = z.object({
  displayName: z.string().trim().min(1, "form.required").max(120, "form.tooLong"),
  username: usernameField,
  email: optionalText(200).refine((value) => value === null || /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value), "accounts.errors.email"),
  nip: optionalText(40).transform((value, context) => {
    if (value === null) return null;
    const nip = value.replace(/[\s.]+/g, "");
    if (!/^\d{18}$/.test(nip)) context.addIssue({ code: "custom", message: "accounts.errors.nip" });
    return nip;
  }),
  role: z.enum(ROLES, { errorMap: () => ({ message: "accounts.errors.chooseRole" }) }),
  unitId: z.coerce.number({ invalid_type_error: "form.required" }).int().positive("form.required"),
});
export type NewAccount = z.infer<typeof newAccountSchema>;

/** The activation page: the code and a new password typed twice. */
export const activationSchema = z
  .object({
    code: z
      .string()
      .min(1, "form.required")
      .transform((value, context) => {
        const code = normaliseCode(value);
        if (code === null) context.addIssue({ code: "custom", message: "accounts.errors.codeFormat" });
        return code ?? "";
      }),
    ...newPasswordFields,
  })
  .refine((value) => value.password === value.passwordConfirm, { path: ["passwordConfirm"], message: "accounts.errors.passwordMismatch" });

/** A signed-in user's password change: the current one, and the new one twice. */
export const passwordChangeSchema = z
  .object({ current: z.string().min(1, "form.required").max(200, "form.tooLong"), ...newPasswordFields })
  .refine((value) => value.password === value.passwordConfirm, { path: ["passwordConfirm"], message: "accounts.errors.passwordMismatch" })
  .refine((value) => value.password !== value.current, { path: ["password"], message: "accounts.errors.passwordSame" });
