import id from "../../public/locales/id/common.json";
import en from "../../public/locales/en/common.json";
import type { Locale } from "./config";

// Only the reader's language travels to the browser, inside the root loader's data.
export const RESOURCES: Record<Locale, Record<string, unknown>> = { id, en };
