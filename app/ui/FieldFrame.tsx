import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/react";

/** What ties a control to its label, hint and error for screen readers. */
export interface ControlAria {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

interface FieldFrameProps {
  id: string;
  label: string;
  hint?: ReactNode | undefined;
  /** A translation key. */
  error?: string | undefined;
  children: (control: ControlAria) => ReactNode;
}

/** The label, hint and translated error around one control: the frame of Field, SelectField and TextAreaField. */
export function FieldFrame({ id, label, hint, error, children }: FieldFrameProps) {
  const { t } = useTranslation();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <span className="hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      {children({ id, "aria-invalid": error ? true : undefined, "aria-describedby": [hintId, errorId].filter(Boolean).join(" ") || undefined })}
      {error ? (
        <p className="field-error" id={errorId}>
          {t(error)}
        </p>
      ) : null}
    </div>
  );
}
