import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { startSession } from "~/auth/session.server";
import { checkPasswordStrength, passwordErrorKey } from "~/auth/password-strength.server";
import { codeHolder, redeemAccountCode } from "~/data/accounts.server";
import { activationSchema } from "~/domain/accounts";
import { parseForm } from "~/http/forms";
import { now } from "~/platform/clock.server";
import { db } from "~/platform/db.server";
import { Field } from "~/ui/Field";
import { readForm } from "~/http/form-body.server";

// An officer activates an account (or sets a password again after a reset) with the one-time code an
// administrator gave on screen or on a printed sheet. The link on the sheet fills the code in (?kode=).

export const meta: MetaFunction = () => [{ title: "Aktivasi akun · Suara" }, { name: "robots", content: "noindex" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const code = (new URL(request.url).searchParams.get("kode") ?? "").slice(0, 20);
  return { code };
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const parsed = parseForm(activationSchema, form);
  const code = String(form.get("code") ?? "").slice(0, 20);
  if (!parsed.ok) return data({ errors: parsed.errors, code }, { status: 400 });
  const holder = await codeHolder(db(), parsed.data.code, now());
  if (!holder) return data({ errors: { code: "accounts.errors.codeInvalid" }, code }, { status: 400 });
  const words = [holder.displayName, holder.username, holder.nip].filter((word): word is string => word !== null);
  const verdict = checkPasswordStrength(parsed.data.password, words);
  if (!verdict.ok) return data({ errors: { password: passwordErrorKey(verdict) }, code }, { status: 400 });
  const outcome = await redeemAccountCode(db(), parsed.data.code, parsed.data.password, now());
  if (!outcome.ok) return data({ errors: { code: "accounts.errors.codeInvalid" }, code }, { status: 400 });
  return startSession(request, outcome.userId, "/staf");
}

export default function Activate() {
  const { code } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const errors: Record<string, string | undefined> = actionData?.errors ?? {};
  return (
    <div className="narrow">
      <h1>{t("accounts.activate.title")}</h1>
      <p className="muted">{t("accounts.activate.intro")}</p>
      <Form method="post" noValidate>
        <Field
          name="code"
          label={t("accounts.activate.code")}
          hint={t("accounts.activate.codeHint")}
          required
          maxLength={20}
          autoComplete="one-time-code"
          autoCapitalize="characters"
          spellCheck={false}
          defaultValue={actionData?.code ?? code}
          error={errors.code}
        />
        <Field name="password" type="password" label={t("accounts.password.new")} hint={t("accounts.password.hint")} required autoComplete="new-password" error={errors.password} />
        <Field name="passwordConfirm" type="password" label={t("accounts.password.confirm")} required autoComplete="new-password" error={errors.passwordConfirm} />
        <div className="form-actions">
          <button type="submit" disabled={navigation.state === "submitting"}>
            {t("accounts.activate.submit")}
          </button>
        </div>
      </Form>
    </div>
  );
}
