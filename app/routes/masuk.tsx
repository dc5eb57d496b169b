import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { z } from "zod";
import { loadSessionUser, startSession } from "~/auth/session.server";
import { now } from "~/platform/clock.server";
import { db } from "~/platform/db.server";
import { signIn } from "~/data/users.server";
import { Field } from "~/ui/Field";
import { parseForm } from "~/http/forms";
import { safeRedirectTarget } from "~/http/redirect";
import { clientAddressOf } from "~/http/client-address";
import { readForm } from "~/http/form-body.server";

export const meta: MetaFunction = () => [{ title: "Suara" }];

const signInSchema = z.object({
  identifier: z.string().trim().min(1, "form.required").max(60, "form.tooLong"),
  password: z.string().min(1, "form.required").max(200, "form.tooLong"),
  redirectTo: z.string().optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  if (await loadSessionUser(request)) throw redirect("/staf");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = parseForm(signInSchema, await readForm(request));
  if (!parsed.ok) return data({ errors: parsed.errors, identifier: parsed.values.identifier ?? "" }, { status: 400 });
  const { identifier, password, redirectTo } = parsed.data;
  // A NIP typed with spaces or dots is still a NIP; anything of digits that is not 18 long is a typo.
  const digits = identifier.replace(/[\s.]/g, "");
  if (/^\d+$/.test(digits) && digits.length !== 18) {
    return data({ errors: { identifier: "signIn.malformedNip" }, identifier }, { status: 400 });
  }
  const result = await signIn(db(), identifier, password, now(), { clientAddress: clientAddressOf(context) });
  if (!result.ok && result.reason === "rate_limited") return data({ errors: { _form: "signIn.tooManyAttempts" }, identifier }, { status: 429 });
  if (!result.ok) return data({ errors: { _form: "signIn.failed" }, identifier }, { status: 400 });
  return startSession(request, result.userId, safeRedirectTarget(redirectTo, "/staf"));
}

export default function SignIn() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const errors: Record<string, string | undefined> = actionData?.errors ?? {};
  return (
    <div className="narrow">
      <h1>{t("signIn.title")}</h1>
      <p className="muted">{t("signIn.intro")}</p>
      {errors._form ? (
        <p className="notice error" role="alert">
          {t(errors._form)}
        </p>
      ) : null}
      <Form method="post" noValidate>
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/staf"} />
        <Field
          name="identifier"
          label={t("signIn.identifier")}
          hint={t("signIn.identifierHint")}
          autoComplete="username"
          type="text"
          required
          defaultValue={actionData?.identifier}
          error={errors.identifier}
        />
        <Field
          name="password"
          type="password"
          label={t("signIn.password")}
          autoComplete="current-password"
          required
          error={errors.password}
        />
        <div className="form-actions">
          <button type="submit" disabled={navigation.state === "submitting"}>
            {t("signIn.submit")}
          </button>
        </div>
      </Form>
    </div>
  );
}
