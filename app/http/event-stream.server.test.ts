import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { eventStream } from "./event-stream.server";

// A collection of garbage between the stream's opening and the browser leaving must not lose the "gone away":
// the route hands over its request and nothing else holds it (as when a server adapter keeps only the response).
setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

async function endsWithin(reader: ReadableStreamDefaultReader<Uint8Array>, ms: number): Promise<boolean> {
  const ended = (async () => {
    for (let chunk = await reader.read(); ; chunk = await reader.read()) if (chunk.done) return true;
  })();
  return Promise.race([ended, new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms))]);
}

describe("eventStream", () => {
  it("ends when the browser goes away, even after the request object is collected", async () => {
    const browser = new AbortController();
    let stopped = false;
    const response = await eventStream(new Request("http://portal.test/events", { signal: browser.signal }), 60_000, async () => () => {
      stopped = true;
    });
    const reader = response.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toContain(": open");
    for (let i = 0; i < 3; i++) {
      collectGarbage();
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    browser.abort();
    expect(await endsWithin(reader, 2_000)).toBe(true);
    expect(stopped).toBe(true);
  });

  it("ends after its longest life, so a browser reconnects with a fresh session check", async () => {
    const response = await eventStream(new Request("http://portal.test/events"), 50, async () => () => {});
    expect(await endsWithin(response.body!.getReader(), 2_000)).toBe(true);
  });

  it("keeps what was published before the stream started, and sends it with the opening line", async () => {
    const response = await eventStream(new Request("http://portal.test/events"), 60_000, async (send) => {
      send("change", "7");
      return () => {};
    });
    const reader = response.body!.getReader();
    let text = "";
    while (!text.includes("data: 7") || !text.includes(": open")) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toContain("event: change\ndata: 7\n\n");
    expect(text).toContain(": open\n\n");
    await reader.cancel();
  });
});
