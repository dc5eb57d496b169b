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
