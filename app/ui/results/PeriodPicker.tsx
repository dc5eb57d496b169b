import type { PeriodPicker as Picker } from "~/pages/public-results.server";
import { formatMonth } from "~/i18n/format";
import { useLocale, useTranslation } from "~/i18n/react";
import { SelectField } from "~/ui/SelectField";

// The public pages' period choice: a plain GET form (no script needed) listing the last complete quarters and
// years; the page says whether the period shown is the default, a finished one or one still running.

export function PeriodPicker({ picker, keep = {} }: { picker: Picker; keep?: Record<string, string> }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const label = (option: Picker["options"][number]) => {
    const year = option.from.slice(0, 4);
    if (option.kind === "year") return t("publicResults.period.year", { year });
    if (option.kind === "quarter")
      return t("publicResults.period.quarter", {
        quarter: Math.floor((Number(option.from.slice(5, 7)) - 1) / 3) + 1,
        year,
      });
    return formatMonth(locale, option.from);
  };
  const hint = picker.running
    ? t("publicResults.period.running")
    : picker.chosen
      ? t("publicResults.period.chosen")
      : t("publicResults.periodHint");
  return (
    <form method="get" className="period-picker" data-testid="period-picker">
      {Object.entries(keep).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="inline-form-row">
        <SelectField
          name="periode"
          label={t("publicResults.period.label")}
          hint={hint}
          error={picker.error ?? undefined}
          defaultValue={picker.code}
          options={picker.options.map((option) => ({ value: option.code, label: label(option) }))}
        />
        <button type="submit">{t("publicResults.period.show")}</button>
      </div>
      {picker.chosen ? (
        <p className="small">
          <a href={`?${new URLSearchParams(keep).toString()}`}>{t("publicResults.period.latest")}</a>
        </p>
      ) : null}
    </form>
  );
}
