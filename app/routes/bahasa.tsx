import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { isLocale } from "~/i18n/config";
import { localeCookie } from "~/i18n/locale.server";
import { safeRedirectTarget } from "~/http/redirect";
import { readForm } from "~/http/form-body.server";

/** Switches the language and returns to the page the reader was on; works without JavaScript. */
export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const locale = form.get("locale");
  const target = safeRedirectTarget(form.get("redirectTo"));
  if (!isLocale(locale)) return redirect(target);
  return redirect(target, { headers: { "Set-Cookie": await localeCookie.serialize(locale) } });
}

export function loader() {
  return redirect("/");
}
