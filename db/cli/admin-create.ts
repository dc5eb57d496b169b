import { createInterface } from "node:readline/promises";
import { Writable } from "node:stream";
import { parseArgs } from "node:util";
import { checkPasswordStrength, passwordErrorKey } from "../../app/auth/password-strength.server";
import { administratorExists, completeSetup } from "../../app/data/installation.server";
import { firstAdministratorSchema, PROVINCES, slugFromName, TIME_ZONES } from "../../app/domain/installation";
import { createDatabase } from "../connect";
import { migrateToLatest } from "../migrate";
import { withDatabase } from "./with-database";

// `npm run admin:create [-- --agency NAME --slug SLUG --province P --zone Z --name NAME --username U]`: names the
// agency and creates the first administrator, as the set-up page does; asks for what is not given. The password
// is typed without echo, or read from standard input when it is not a terminal.
const { values } = parseArgs({
  options: {
    agency: { type: "string" },
    slug: { type: "string" },
    province: { type: "string" },
    zone: { type: "string" },
    name: { type: "string" },
    username: { type: "string" },
  },
});

const MESSAGES: Record<string, string> = {
  "form.required": "required",
  "form.tooLong": "too long",
  "form.notInList": "not one of the allowed values",
  "accounts.errors.slug": "lower-case letters, digits and dashes only (e.g. kota-pariaman)",
  "accounts.errors.slugTaken": "another agency already uses this slug",
  "accounts.errors.username": "3 to 40 lower-case letters, digits, dots, dashes or underscores",
  "accounts.errors.usernameTaken": "this username is taken",
  "accounts.errors.passwordShort": "at least 10 characters",
  "accounts.errors.passwordMismatch": "the two passwords differ",
  "accounts.errors.passwordWeak": "too easy to guess: add a few more words",
  "accounts.errors.passwordPersonal": "contains the name, username, agency or portal name",
};

const interactive = process.stdin.isTTY === true;
let muted = false;
const output = new Writable({
  write(chunk, _encoding, done) {
    if (!muted) process.stdout.write(chunk);
    done();
  },
});
const prompt = createInterface({ input: process.stdin, output, terminal: interactive });
const lines = interactive ? null : prompt[Symbol.asyncIterator]();

async function ask(question: string, secret = false): Promise<string> {
  if (lines) return String((await lines.next()).value ?? "");
  process.stdout.write(question);
  muted = secret;
  const answer = await prompt.question("");
  muted = false;
  if (secret) process.stdout.write("\n");
  return answer;
}

const agencyName = values.agency ?? (await ask("Agency name (e.g. Pemerintah Kota Pariaman): "));
const fields = {
  agencyName,
  agencySlug: values.slug ?? slugFromName(agencyName),
  province: values.province ?? (await ask(`Province (${PROVINCES.slice(0, 3).join(", ")}, …): `)),
  timeZone: values.zone ?? (await ask(`Time zone (${TIME_ZONES.join(", ")}): `)),
  displayName: values.name ?? (await ask("Administrator's full name: ")),
  username: values.username ?? (await ask("Administrator's username: ")),
  password: await ask("Password: ", true),
  passwordConfirm: "",
};
fields.passwordConfirm = interactive ? await ask("Repeat the password: ", true) : fields.password;
prompt.close();

const parsed = firstAdministratorSchema.safeParse(fields);
if (!parsed.success) {
  for (const issue of parsed.error.issues) console.error(`${String(issue.path[0])}: ${MESSAGES[issue.message] ?? issue.message}`);
  process.exit(1);
}
const input = parsed.data;
const verdict = checkPasswordStrength(input.password, [input.displayName, input.username, input.agencyName, input.agencySlug]);
if (!verdict.ok) {
  console.error(`password: ${MESSAGES[passwordErrorKey(verdict)]}`);
  process.exit(1);
}

let exitCode = 0;
await withDatabase(async (url) => {
  const db = createDatabase(url, 2);
  try {
    await migrateToLatest(db);
    if (await administratorExists(db)) {
      console.error("An administrator already exists: sign in and add others under Administrasi → Pengguna.");
      exitCode = 1;
      return;
    }
    const outcome = await completeSetup(db, null, input, new Date());
    if (!outcome.ok) {
      console.error(outcome.reason === "field" ? `${outcome.field}: ${MESSAGES[outcome.error]}` : "An administrator already exists.");
      exitCode = 1;
      return;
    }
    console.log(`Created ${input.agencyName} (${input.agencySlug}) and its administrator ${input.username}; any set-up link is now void.`);
  } finally {
    await db.destroy();
  }
});
process.exit(exitCode);
