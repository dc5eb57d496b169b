import { useNavigate } from "@remix-run/react";
import { useCallback, useEffect, useState, type FormEvent } from "react";
import { enqueue, flush, pendingCount, send } from "./offline-queue";

export type SendState = { kind: "idle" } | { kind: "sending" } | { kind: "saved_offline" } | { kind: "flushed" } | { kind: "refused"; errors: Record<string, string> };

/**
 * With JavaScript, the rating form posts through fetch: offline, the rating waits on the device and goes out
 * when the network returns. Without JavaScript the plain form post does the same job, minus the waiting.
 */
export function useOfflineSubmit(apiUrl: string) {
  const navigate = useNavigate();
  const [state, setState] = useState<SendState>({ kind: "idle" });
  const [waiting, setWaiting] = useState(0);

  useEffect(() => {
    const tryFlush = async () => {
      setWaiting(pendingCount());
      if (!navigator.onLine || pendingCount() === 0) return;
      const stored = await flush();
      setWaiting(pendingCount());
      if (stored > 0) setState({ kind: "flushed" });
    };
    void tryFlush();
    window.addEventListener("online", tryFlush);
    return () => window.removeEventListener("online", tryFlush);
  }, []);

  const onSubmit = useCallback(
    async (event: FormEvent<HTMLFormElement>) => {
      const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
      if (submitter?.name === "intent") return; // "full survey" goes through the normal post
      event.preventDefault();
      const form = new FormData(event.currentTarget);
      // Checked here too, so a rating saved offline is one the server will accept later.
      const missing: Record<string, string> = {};
      if (!form.get("serviceId")) missing.serviceId = "ratings.errors.service";
      if (form.get("kind") === "quick" && !form.get("quickScore")) missing.quickScore = "ratings.errors.chooseFace";
      if (Object.keys(missing).length > 0) {
        setState({ kind: "refused", errors: missing });
        return;
      }
      if (!navigator.onLine) {
        enqueue(apiUrl, form);
        setWaiting(pendingCount());
        setState({ kind: "saved_offline" });
        freshForm(event.currentTarget);
        return;
      }
      setState({ kind: "sending" });
      const fields = [...form.entries()].filter((entry): entry is [string, string] => typeof entry[1] === "string");
      const result = await send(apiUrl, fields);
      if (result.kind === "stored") navigate(result.thankYou);
      else if (result.kind === "refused") setState({ kind: "refused", errors: result.errors });
      else {
        enqueue(apiUrl, form);
        setWaiting(pendingCount());
        setState({ kind: "saved_offline" });
        freshForm(event.currentTarget);
      }
    },
    [apiUrl, navigate],
  );

  return { state, waiting, onSubmit };
}

/** Clears the form for the next citizen with a new idempotency key (the old one belongs to the saved rating). */
function freshForm(form: HTMLFormElement) {
  form.reset();
  const key = form.elements.namedItem("idempotencyKey");
  if (key instanceof HTMLInputElement) key.value = newUuid();
}

function newUuid(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
