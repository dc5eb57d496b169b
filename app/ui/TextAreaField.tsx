import type { TextareaHTMLAttributes } from "react";
import { FieldFrame } from "./FieldFrame";

interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name"> {
  name: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
}

/** A labelled text area whose hint and translated error are tied to it, like Field. */
export function TextAreaField({ name, label, hint, error, id = name, rows = 3, ...area }: TextAreaFieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      {(control) => <textarea name={name} rows={rows} {...control} {...area} />}
    </FieldFrame>
  );
}
