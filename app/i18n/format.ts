import { INTL_TAG, type Locale } from "./config";

export function formatNumber(locale: Locale, value: number, fractionDigits = 0): string {
  return new Intl.NumberFormat(INTL_TAG[locale], {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(value);
}

export function formatPercent(locale: Locale, share: number, fractionDigits = 0): string {
  return new Intl.NumberFormat(INTL_TAG[locale], {
    style: "percent",
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(share);
}

export function formatRupiah(locale: Locale, amount: number): string {
  return new Intl.NumberFormat(INTL_TAG[locale], {
    style: "currency",
    currency: "IDR",
    maximumFractionDigits: 0,
  }).format(amount);
}

export function formatDate(locale: Locale, value: Date | string, timeZone = "Asia/Jakarta"): string {
  return new Intl.DateTimeFormat(INTL_TAG[locale], { dateStyle: "long", timeZone }).format(new Date(value));
}

export function formatDateTime(locale: Locale, value: Date | string, timeZone = "Asia/Jakarta"): string {
  return new Intl.DateTimeFormat(INTL_TAG[locale], {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone,
  }).format(new Date(value));
}
