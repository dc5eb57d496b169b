import { redirectDocument, type ClientLoaderFunctionArgs } from "@remix-run/react";

/**
 * What a route tells the document through its `handle`. `hydrate: false`: the page is sent as server-rendered
 * HTML with the small progressive-enhancement script (app/enhance/citizen.ts) instead of React and the Remix
 * runtime. `chrome: "kiosk"`: no site header, navigation or footer (a kiosk offers no way out).
 */
export interface PageHandle {
  hydrate?: false;
  chrome?: "kiosk";
}

export const CITIZEN_PAGE: PageHandle = { hydrate: false };
export const KIOSK_PAGE: PageHandle = { hydrate: false, chrome: "kiosk" };

export function pageHandleOf(matches: { handle?: unknown }[]): { hydrate: boolean; chrome: "site" | "kiosk" } {
  const handles = matches.map((match) => (match.handle ?? {}) as PageHandle);
  return {
    hydrate: !handles.some((handle) => handle.hydrate === false),
    chrome: handles.some((handle) => handle.chrome === "kiosk") ? "kiosk" : "site",
  };
}

/**
 * The `clientLoader` of every page with `hydrate: false`. It never runs when such a page is opened (it is not
 * hydrated); it runs only when a hydrated staff page navigates to it in the browser (a link, a form's redirect),
 * and turns that navigation into one plain document load before anything renders: the page then comes as
 * citizens get it, without the runtime and with its own script. (A reload after rendering loaded it twice and
 * cut off whatever navigation came next.)
 */
export function loadAsDocument({ request }: ClientLoaderFunctionArgs): never {
  const url = new URL(request.url);
  throw redirectDocument(url.pathname + url.search + url.hash);
}
