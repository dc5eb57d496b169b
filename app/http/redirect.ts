/** Only same-site paths: "//evil.example" and absolute URLs fall back to the given default. */
export function safeRedirectTarget(value: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) {
    return fallback;
  }
  return value;
}
