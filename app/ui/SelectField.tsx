import type { SelectHTMLAttributes } from "react";
import { FieldFrame } from "./FieldFrame";

interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, "name"> {
  name: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  options: readonly { value: string; label: string }[];
  /** A first, empty choice ("choose …"), so nothing is picked for the user. */
  placeholder?: string;
}

/** A labelled select whose hint and translated error are tied to it, like Field. */
export function SelectField({ name, label, hint, error, options, placeholder, id = name, ...select }: SelectFieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      {(control) => (
        <select name={name} {...control} {...select}>
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}
