import { ELEMENT_CODES, type ElementCode } from "~/domain/indicators/elements";
import { formatNumber } from "~/i18n/format";
import { useLocale, useTranslation } from "~/i18n/react";
import { BarsWithTable } from "~/ui/charts/BarsWithTable";

/** NRR per element U1–U9 as bars with their table, each row naming the element and its number of answers. */
export function ElementBars({ nrr, tallies }: { nrr: Record<ElementCode, number | null> | null; tallies: Record<ElementCode, { count: number }> }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <BarsWithTable
      caption={t("indicators.nrrCaption")}
      valueLabel="NRR"
      format={(value) => formatNumber(locale, value, 2)}
      domain={[1, 4]}
      data={ELEMENT_CODES.map((code) => ({
        label: code,
        value: nrr?.[code] ?? null,
        note: `${t(`ratings.elements.${code}.name`)} · n = ${formatNumber(locale, tallies[code].count)}`,
      }))}
    />
  );
}
