// Server-Sent Events from a resource route. `subscribe` starts listening and returns its stop function; the stream
// ends when the browser goes away (the request's signal) or the stream is cancelled. A comment line every
// KEEP_ALIVE_MS keeps proxies from closing an idle connection. `no-transform` keeps the compression middleware
// (server/http.ts) from buffering the events.

export const KEEP_ALIVE_MS = 25_000;
/** How long the browser waits before reconnecting after the stream drops. */
export const RETRY_MS = 5_000;

export type SendEvent = (event: string, data: string) => void;

export function eventStream(
  signal: AbortSignal,
  subscribe: (send: SendEvent) => Promise<() => void>,
  keepAliveMs = KEEP_ALIVE_MS,
): Response {
  const encoder = new TextEncoder();
  let stop: () => void = () => undefined;
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let closed = false;
      const write = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          closed = true;
        }
      };
      write(`retry: ${RETRY_MS}\n: open\n\n`);
      const unsubscribe = await subscribe((event, data) => write(`event: ${event}\ndata: ${data.replace(/\n/g, " ")}\n\n`));
      const timer = setInterval(() => write(": keep-alive\n\n"), keepAliveMs);
      let stopped = false;
      stop = () => {
        if (stopped) return;
        stopped = true;
        closed = true;
        clearInterval(timer);
        unsubscribe();
        try {
          controller.close();
        } catch {
          // already closed by the reader
        }
      };
      if (signal.aborted) stop();
      else signal.addEventListener("abort", () => stop(), { once: true });
    },
    cancel() {
      stop();
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      "X-Accel-Buffering": "no",
    },
  });
}
