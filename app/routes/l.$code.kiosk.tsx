import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "~/i18n/react";
import { db } from "~/platform/db.server";
import { counterByCode, kioskIsOpen } from "~/data/ratings.server";
import { ratingSubmissionSchema } from "~/domain/ratings/submission";
import { parseForm } from "~/http/forms";
import { CounterHeader, QuickRatingForm } from "~/ui/ratings/QuickRatingForm";
import { UnknownCounter } from "~/ui/ratings/UnknownCounter";
import { errorsForOutcome, kioskTokenOf, loadCounterPage, submitFromRequest } from "~/http/rating-request.server";

export const meta: MetaFunction = () => [{ title: "Kiosk · Suara" }];

const IDLE_RESET_MS = 60_000;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const counter = await counterByCode(db(), params.code ?? "");
  if (!counter) throw new Response("Not Found", { status: 404 });
  if (!(await kioskIsOpen(db(), await kioskTokenOf(request), counter.id))) throw new Response("Forbidden", { status: 403 });
  return (await loadCounterPage(request, params.code)).data;
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const counter = await counterByCode(db(), params.code ?? "");
  if (!counter) throw new Response("Not Found", { status: 404 });
  if (!(await kioskIsOpen(db(), await kioskTokenOf(request), counter.id))) throw new Response("Forbidden", { status: 403 });
  const parsed = parseForm(ratingSubmissionSchema, await request.formData());
  if (!parsed.ok) return { errors: parsed.errors };
  const outcome = await submitFromRequest(request, context, counter, parsed.data, "kiosk");
  if (!outcome.ok) return { errors: errorsForOutcome(outcome) };
  return redirect(`/l/${counter.publicCode}/kiosk/terima-kasih`);
}

export default function Kiosk() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const revalidator = useRevalidator();
  // A kiosk keeps nothing of the last citizen: after a minute without a touch the form starts over.
  useEffect(() => {
    let timer = window.setTimeout(reset, IDLE_RESET_MS);
    function reset() {
      document.querySelector<HTMLFormElement>("form.kiosk-form")?.reset();
      revalidator.revalidate();
    }
    const restart = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(reset, IDLE_RESET_MS);
    };
    const events = ["pointerdown", "keydown", "input"] as const;
    events.forEach((name) => window.addEventListener(name, restart));
    return () => {
      window.clearTimeout(timer);
      events.forEach((name) => window.removeEventListener(name, restart));
    };
  }, [revalidator]);
  return (
    <div className="rating-page kiosk">
      <span className="kiosk-badge">{t("ratings.kiosk.badge")}</span>
      <CounterHeader counter={page.counter} />
      <QuickRatingForm key={page.idempotencyKey} page={page} serverErrors={actionData?.errors} channel="kiosk" />
      <p className="hint">{t("ratings.kiosk.idle")}</p>
    </div>
  );
}

export function ErrorBoundary() {
  return <UnknownCounter />;
}
