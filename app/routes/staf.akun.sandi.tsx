import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { requireUser } from "~/auth/guard.server";
import { currentSessionId } from "~/auth/session.server";
import { checkPasswordStrength, passwordErrorKey } from "~/auth/password-strength.server";
import { changeOwnPassword, personalWordsOf } from "~/data/accounts.server";
import { passwordChangeSchema } from "~/domain/accounts";
import { parseForm } from "~/http/forms";
import { now } from "~/platform/clock.server";
import { db } from "~/platform/db.server";
import { Field } from "~/ui/Field";
import { readForm } from "~/http/form-body.server";

// Every signed-in user changes their own password here, after typing the current one.

export const meta: MetaFunction = () => [{ title: "Ubah kata sandi · Suara" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return { done: new URL(request.url).searchParams.has("selesai") };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = parseForm(passwordChangeSchema, await readForm(request));
  if (!parsed.ok) return data({ errors: parsed.errors }, { status: 400 });
  const verdict = checkPasswordStrength(parsed.data.password, await personalWordsOf(db(), user.id));
  if (!verdict.ok) return data({ errors: { password: passwordErrorKey(verdict) } }, { status: 400 });
  const outcome = await changeOwnPassword(db(), user.id, parsed.data.current, parsed.data.password, await currentSessionId(request), now());
  if (!outcome.ok && outcome.reason === "rate_limited") {
    return data({ errors: { current: "accounts.errors.currentTooMany" } }, { status: 429, headers: { "Retry-After": String(outcome.retryAfterSeconds ?? 900) } });
  }
  if (!outcome.ok) return data({ errors: { current: "accounts.errors.currentWrong" } }, { status: 400 });
  return redirect("/staf/akun/sandi?selesai=1");
}

export default function OwnPassword() {
  const { done } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const errors: Record<string, string | undefined> = actionData?.errors ?? {};
  return (
    <div className="narrow">
      <h1>{t("accounts.own.title")}</h1>
      {done && !actionData ? (
        <p className="notice ok" role="status">
          {t("accounts.own.done")}
        </p>
      ) : null}
      <p className="muted">{t("accounts.own.intro")}</p>
      <Form method="post" noValidate>
        <Field name="current" type="password" label={t("accounts.own.current")} required autoComplete="current-password" error={errors.current} />
        <Field name="password" type="password" label={t("accounts.password.new")} hint={t("accounts.password.hint")} required autoComplete="new-password" error={errors.password} />
        <Field name="passwordConfirm" type="password" label={t("accounts.password.confirm")} required autoComplete="new-password" error={errors.passwordConfirm} />
        <div className="form-actions">
          <button type="submit" disabled={navigation.state === "submitting"}>
            {t("accounts.own.submit")}
          </button>
        </div>
      </Form>
    </div>
  );
}
