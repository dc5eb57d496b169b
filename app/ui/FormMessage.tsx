import { useTranslation } from "~/i18n/react";

/** A form-level message for a refusal (translation key) or a success notice. */
export function FormMessage({ error }: { error?: string | undefined }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <p className="notice error" role="alert">
      {t(error)}
    </p>
  );
}
