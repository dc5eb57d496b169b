import { createContext, useContext, type ReactNode } from "react";

// The Content-Security-Policy nonce of the page being rendered. The server renders it into every inline script it
// writes (Remix's own, and any a page adds); in the browser it reads "" (browsers hide nonces from the DOM), which
// is fine: scripts added after the page loaded come from this site's files.
const NonceContext = createContext("");

export function NonceProvider({ nonce, children }: { nonce: string; children: ReactNode }) {
  return <NonceContext.Provider value={nonce}>{children}</NonceContext.Provider>;
}

export function useNonce(): string {
  return useContext(NonceContext);
}
