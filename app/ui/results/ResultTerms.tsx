import { formatNumber } from "~/i18n/format";
import { useLocale, useTranslation } from "~/i18n/react";

// The one-line explanations of the terms a results page uses, as a native disclosure (no script needed).

export type ResultTerm =
  "ikm" | "mutu" | "respondents" | "minimum" | "sample" | "nrr" | "answers" | "lowest" | "quick" | "excluded";

export function ResultTerms({ terms, minimum }: { terms: readonly ResultTerm[]; minimum: number }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <details className="card small" data-testid="terms">
      <summary>{t("publicResults.terms.title")}</summary>
      <ul>
        {terms.map((term) => (
          <li key={term}>{t(`publicResults.terms.${term}`, { minimum: formatNumber(locale, minimum) })}</li>
        ))}
      </ul>
    </details>
  );
}
