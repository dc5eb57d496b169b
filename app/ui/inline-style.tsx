import { createContext, useContext, type ReactNode } from "react";

// The stylesheet's text, given by the server (app/entry.server.tsx) only when it renders a citizens' page: such a
// page carries its CSS in its head, so a phone on a slow network paints it without waiting for a second request.
// Staff pages and the browser read null and link the stylesheet.
const InlineStyleContext = createContext<string | null>(null);

export function InlineStyleProvider({ css, children }: { css: string | null; children: ReactNode }) {
  return <InlineStyleContext.Provider value={css}>{children}</InlineStyleContext.Provider>;
}

export function useInlineStyle(): string | null {
  return useContext(InlineStyleContext);
}
