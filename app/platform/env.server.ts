import { z } from "zod";

// Every setting the portal reads, validated once. A bad value stops the start with one line naming it.
const booleanFlag = z
  .enum(["true", "false", "1", "0"])
  .transform((value) => value === "true" || value === "1");

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATABASE_URL: z
    .string()
    .url()
    .refine((value) => /^postgres(ql)?:\/\//.test(value), "must start with postgres:// or postgresql://")
    .optional(),
  // The role that owns the tables and runs the migrations; DATABASE_URL is then the portal's own role, which owns
  // nothing and gets its rights from the migration step (db/roles.ts). Unset, DATABASE_URL does both.
  DATABASE_OWNER_URL: z
    .string()
    .url()
    .refine((value) => /^postgres(ql)?:\/\//.test(value), "must start with postgres:// or postgresql://")
    .optional(),
  // The address printed on QR posters; defaults to the address the request came to.
  PUBLIC_BASE_URL: z.string().url().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  DATA_DIR: z.string().min(1).default(".data"),
  SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  HASH_SALT: z.string().min(16, "must be at least 16 characters").optional(),
  // The audit log's HMAC key. Never stored in the database, so whoever can write the table cannot forge entries.
  AUDIT_KEY: z.string().min(32, "must be at least 32 characters").optional(),
  COOKIE_SECURE: booleanFlag.optional(),
  // The demo: embedded PostgreSQL allowed, generated local secrets, demo data on an empty database
  // (`npm run demo` and `npm start -- --demo` set it). Never on for a real installation.
  SUARA_DEMO: booleanFlag.default("false"),
  // How long a stopping process waits for requests in flight before it closes their connections.
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(0).max(120).default(10),
  // Abuse control for ratings, per counter and day (PermenPANRB leaves this to the unit; these are defaults).
  RATING_LIMIT_PER_DEVICE: z.coerce.number().int().min(1).default(3),
  RATING_LIMIT_PER_IP: z.coerce.number().int().min(1).default(40),
  KIOSK_MIN_INTERVAL_SECONDS: z.coerce.number().int().min(0).default(8),
  // E-mail: the SMTP server as a URL (smtp://user:password@host:587, smtps://… for TLS on connect); unset, mail is
  // written to the log instead. MAIL_FROM is the sender every mail carries.
  SMTP_URL: z
    .string()
    .url()
    .refine((value) => /^smtps?:\/\//.test(value), "must start with smtp:// or smtps://")
    .optional(),
  MAIL_FROM: z.string().min(3).default("Suara <no-reply@suara.localhost>"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  // Lets end-to-end tests move the portal's clock; refused in production.
  SUARA_CLOCK_OFFSET_DAYS: z.coerce.number().default(0),
});

export type Env = z.infer<typeof envSchema>;

export class ConfigurationError extends Error {}

export function parseEnv(source: NodeJS.ProcessEnv): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigurationError(`Configuration error: ${problems.join("; ")}`);
  }
  if (result.data.NODE_ENV === "production" && result.data.SUARA_CLOCK_OFFSET_DAYS !== 0) {
    throw new ConfigurationError("Configuration error: SUARA_CLOCK_OFFSET_DAYS: must be 0 in production");
  }
  return result.data;
}

/**
 * What a production start (not the demo) refuses, as one line: secrets that would otherwise be generated on
 * one machine, and a database that would otherwise be the embedded one. Null when the start may go on.
 */
export function productionStartProblem(settings: Env): string | null {
  if (settings.NODE_ENV !== "production" || settings.SUARA_DEMO) return null;
  const missing = (["SESSION_SECRET", "HASH_SALT", "AUDIT_KEY"] as const).filter((name) => !settings[name]);
  if (missing.length > 0) {
    const names = missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(", ")} and ${missing.at(-1)}`;
    return `Configuration error: ${names} must be set in production (e.g. \`openssl rand -hex 32\`); generated local secrets are only for the demo (npm run demo)`;
  }
  if (!settings.DATABASE_URL) {
    return "Configuration error: DATABASE_URL must be set in production (PostgreSQL 15 or newer); the embedded PostgreSQL is only for the demo (npm run demo)";
  }
  return null;
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
