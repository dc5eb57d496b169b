// Server-Sent Events from a resource route. `subscribe` starts listening and returns its stop function; it has
// resolved before the response goes out, so no event sent after the browser sees the stream open is missed. The
// stream ends when the browser goes away (the request's signal), after `maxMs`, or when it is cancelled. The
// request stays referenced while the stream is open: its signal follows the server's own through a weak link, so
// a request nothing holds could be collected and its "gone away" never arrive (nor a signal combined from it with
// AbortSignal.any, which holds its sources weakly too). A comment line every
// KEEP_ALIVE_MS keeps proxies from closing an idle connection. `no-transform` keeps the compression middleware
// (server/http.ts) from buffering the events.

export const KEEP_ALIVE_MS = 25_000;
/** How long the browser waits before reconnecting after the stream drops. */
export const RETRY_MS = 5_000;

export type SendEvent = (event: string, data: string) => void;

export async function eventStream(
  request: Request,
  maxMs: number,
  subscribe: (send: SendEvent) => Promise<() => void>,
  keepAliveMs = KEEP_ALIVE_MS,
): Promise<Response> {
  const { signal } = request;
  const encoder = new TextEncoder();
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  const pending: string[] = [];
  let stopped = false;
  let timer: ReturnType<typeof setInterval> | undefined;
  let lifetime: ReturnType<typeof setTimeout> | undefined;
  const write = (text: string) => {
    if (stopped) return;
    if (!controller) {
      pending.push(text);
      return;
    }
    try {
      controller.enqueue(encoder.encode(text));
    } catch {
      stop();
    }
  };
  const unsubscribe = await subscribe((event, data) => write(`event: ${event}\ndata: ${data.replace(/\n/g, " ")}\n\n`));
  function stop() {
    if (stopped) return;
    stopped = true;
    clearInterval(timer);
    clearTimeout(lifetime);
    signal.removeEventListener("abort", stop);
    unsubscribe();
    try {
      controller?.close();
    } catch {
      // already closed by the reader
    }
  }
  write(`retry: ${RETRY_MS}\n: open\n\n`);
  const stream = new ReadableStream<Uint8Array>({
    start(streamController) {
      controller = streamController;
      for (const text of pending.splice(0)) streamController.enqueue(encoder.encode(text));
      // The timers hold the request until the stream stops.
      timer = setInterval(() => write(": keep-alive\n\n"), keepAliveMs);
      lifetime = setTimeout(() => request && stop(), maxMs);
      if (signal.aborted) stop();
      else signal.addEventListener("abort", stop, { once: true });
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
