import { Form, Link } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import { useTranslation } from "~/i18n/react";
import { CONFIRM_FIELD, type ConfirmRequest } from "~/http/confirm";

interface ConfirmStepProps {
  request: ConfirmRequest;
  /** The question, e.g. "Arsipkan pengaduan K7Q-M4X-2HP?" */
  title: string;
  /** What will happen, in plain words (and what cannot be undone). */
  children: ReactNode;
  /** The button's words: the action itself ("Ya, arsipkan"), never just "OK". */
  confirmLabel: string;
  /** Where "Batal" leads (usually the page itself, without the pending post). */
  cancelTo: string;
  /** The form's action, when it is not the current route. */
  action?: string;
  danger?: boolean;
  /** Post as a document (not through the runtime): for a confirmation that leads to a citizens' page. */
  reloadDocument?: boolean;
}

/**
 * The second step of an irreversible action (see app/http/confirm.ts): says what will happen and posts the
 * same fields again with the confirmation. Focus moves here when it appears, so a keyboard or screen-reader
 * user lands on the question.
 */
export function ConfirmStep({ request, title, children, confirmLabel, cancelTo, action, danger = true, reloadDocument }: ConfirmStepProps) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [request]);
  return (
    <section className="card confirm-step" role="alertdialog" aria-labelledby="confirm-title" aria-describedby="confirm-what">
      <h2 id="confirm-title" tabIndex={-1} ref={heading}>
        {title}
      </h2>
      <div id="confirm-what">{children}</div>
      <Form method="post" action={action} reloadDocument={reloadDocument}>
        {request.fields.map(([name, value], index) => (
          <input key={`${name}-${index}`} type="hidden" name={name} value={value} />
        ))}
        <input type="hidden" name={CONFIRM_FIELD} value="yes" />
        <div className="form-actions">
          <button type="submit" className={danger ? "danger" : undefined}>
            {confirmLabel}
          </button>
          <Link to={cancelTo} className="button secondary">
            {t("staff.confirm.cancel")}
          </Link>
        </div>
      </Form>
    </section>
  );
}
