import { useRevalidator } from "@remix-run/react";
import { useEffect, useState } from "react";

// Keeps a page's loader data current: reloads it (without a page load) on each Server-Sent Event from `url`, and
// once more after the stream reconnects, since events sent while it was away are gone. Where EventSource is
// missing, it polls every POLL_MS instead. Without JavaScript nothing runs: a normal page load shows the latest.
export const POLL_MS = 30_000;
const DEBOUNCE_MS = 300;

/** "static" until the stream opens: what a page without JavaScript keeps saying. */
export type LiveState = "static" | "live" | "polling" | "offline";

export function useLiveRevalidation(url: string, event: string): LiveState {
  const revalidator = useRevalidator();
  const [state, setState] = useState<LiveState>("static");
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const reload = () => {
      clearTimeout(timer);
      timer = setTimeout(() => revalidator.revalidate(), DEBOUNCE_MS);
    };
    if (typeof EventSource === "undefined") {
      const poll = setInterval(() => {
        setState("polling");
        revalidator.revalidate();
      }, POLL_MS);
      return () => clearInterval(poll);
    }
    const source = new EventSource(url);
    let opened = false;
    source.addEventListener("open", () => {
      if (opened) reload();
      opened = true;
      setState("live");
    });
    source.addEventListener("error", () => setState("offline"));
    source.addEventListener(event, reload);
    return () => {
      clearTimeout(timer);
      source.close();
    };
    // The revalidator's identity changes on every render; the stream must not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [url, event]);
  return state;
}
