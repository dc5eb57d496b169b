// What the test runners of one `npm test` share: the template names, the flag saying they exist, the secrets.

/** The migrated schema, empty: integration tests that build their own data copy it. */
export const SCHEMA_TEMPLATE = "suara_test_template";
/** The schema with the demo data: integration and end-to-end tests copy it. */
export const DEMO_TEMPLATE = "suara_test_demo_template";

/**
 * Set by `npm test` once it has made both templates on the server named by TEST_DATABASE_URL: the test runners'
 * own set-ups then use them as they are instead of seeding the demo again.
 */
export const TEMPLATES_READY_FLAG = "SUARA_TEST_TEMPLATES_READY";

export function templatesAreReady(): boolean {
  return process.env[TEMPLATES_READY_FLAG] === "1" && Boolean(process.env.TEST_DATABASE_URL);
}

/**
 * The secrets every test process shares, so the demo seeded once (visit codes and addresses hashed with HASH_SALT)
 * reads the same in integration tests and in the end-to-end servers.
 */
export const TEST_SECRETS = {
  SESSION_SECRET: "e2e-session-secret-that-is-long-enough-0123456789",
  HASH_SALT: "e2e-hash-salt-0123456789",
} as const;
