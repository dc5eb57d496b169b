import { z } from "zod";

// What an installer types to name the agency and its first administrator, checked the same way by the set-up
// page and by `npm run admin:create`. Error messages are translation keys.

/** Indonesia's three time zones (WIB, WITA, WIT). */
export const TIME_ZONES = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"] as const;
export type TimeZone = (typeof TIME_ZONES)[number];

/** The 38 provinces (UU 2022 on the new Papua provinces included). */
export const PROVINCES = [
  "Aceh",
  "Sumatera Utara",
  "Sumatera Barat",
  "Riau",
  "Kepulauan Riau",
  "Jambi",
  "Sumatera Selatan",
  "Kepulauan Bangka Belitung",
  "Bengkulu",
  "Lampung",
  "DKI Jakarta",
  "Jawa Barat",
  "Banten",
  "Jawa Tengah",
  "DI Yogyakarta",
  "Jawa Timur",
  "Bali",
  "Nusa Tenggara Barat",
  "Nusa Tenggara Timur",
  "Kalimantan Barat",
  "Kalimantan Tengah",
  "Kalimantan Selatan",
  "Kalimantan Timur",
  "Kalimantan Utara",
  "Sulawesi Utara",
  "Gorontalo",
  "Sulawesi Tengah",
  "Sulawesi Barat",
  "Sulawesi Selatan",
  "Sulawesi Tenggara",
  "Maluku",
  "Maluku Utara",
  "Papua",
  "Papua Barat",
  "Papua Barat Daya",
  "Papua Selatan",
  "Papua Tengah",
  "Papua Pegunungan",
] as const;
export type Province = (typeof PROVINCES)[number];

/** Usernames as the users table allows them: lower case letters, digits, dot, dash, underscore. */
export const USERNAME_PATTERN = /^[a-z0-9._-]{3,40}$/;
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

export const agencyFields = {
  agencyName: z.string().trim().min(1, "form.required").max(120, "form.tooLong"),
  agencySlug: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, "form.required")
    .max(40, "form.tooLong")
    .regex(SLUG_PATTERN, "accounts.errors.slug"),
  province: z.enum(PROVINCES, { errorMap: () => ({ message: "form.notInList" }) }),
  timeZone: z.enum(TIME_ZONES, { errorMap: () => ({ message: "form.notInList" }) }),
};

export const usernameField = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "form.required")
  .regex(USERNAME_PATTERN, "accounts.errors.username");

/** A new password typed twice; its strength is checked on the server (see password-strength.server.ts). */
export const newPasswordFields = {
  password: z
    .string()
    .min(1, "form.required")
    .min(PASSWORD_MIN_LENGTH, "accounts.errors.passwordShort")
    .max(PASSWORD_MAX_LENGTH, "form.tooLong"),
  passwordConfirm: z.string().min(1, "form.required"),
};

export const firstAdministratorSchema = z
  .object({
    ...agencyFields,
    displayName: z.string().trim().min(1, "form.required").max(120, "form.tooLong"),
    username: usernameField,
    ...newPasswordFields,
  })
  .refine((value) => value.password === value.passwordConfirm, { path: ["passwordConfirm"], message: "accounts.errors.passwordMismatch" });

export type FirstAdministrator = z.infer<typeof firstAdministratorSchema>;

/** A slug proposed from a name ("Kota Pariaman" → "kota-pariaman"). */
export function slugFromName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/g, "");
}

/** The validity of a set-up link (24 hours) and of an activation or reset code. */
export const SETUP_TOKEN_HOURS = 24;
export const ACCOUNT_CODE_DAYS = 14;

export type LinkState = { kind: "valid" } | { kind: "expired" } | { kind: "used" } | { kind: "revoked" };

/** Whether a one-time link or code may still be used at `now`. */
export function linkState(link: { expiresAt: Date; usedAt: Date | null; revokedAt: Date | null }, now: Date): LinkState {
  if (link.usedAt) return { kind: "used" };
  if (link.revokedAt) return { kind: "revoked" };
  if (link.expiresAt.getTime() <= now.getTime()) return { kind: "expired" };
  return { kind: "valid" };
}
