import type { InputHTMLAttributes, ReactNode } from "react";
import { FieldFrame } from "./FieldFrame";

interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "name"> {
  name: string;
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
}

/** A labelled input whose hint and translated error are tied to it for screen readers. */
export function Field({ name, label, hint, error, id = name, ...input }: FieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      {(control) => <input name={name} {...control} {...input} />}
    </FieldFrame>
  );
}
