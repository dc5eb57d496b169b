// The one script of the citizens' pages (no framework: the pages are server-rendered HTML that works without
// it). It adds the offline queue of ratings, messages in place with focus, the kiosk's idle reset, and the
// service worker that keeps the counter page available offline. Built by Vite as its own bundle (see root.tsx).
import { clearMessages, focus, showErrors, showStatus, translate, type Texts } from "./messages";
import { enqueue, flushQueue, readQueue, sendRating, type QueuedRating } from "./queue";

const KIOSK_IDLE_MS = 60_000;
const texts: Texts = readTexts();
const locale = document.documentElement.lang || "id";
let retryTimer: number | undefined;

function readTexts(): Texts {
  try {
    return JSON.parse(document.getElementById("suara-texts")?.textContent ?? "{}") as Texts;
  } catch {
    return {};
  }
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function newKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The checks the server makes first, so a rating queued offline is one it will accept later. */
function missingFields(fields: [string, string][]): Record<string, string> {
  const value = (name: string) => fields.find(([key]) => key === name)?.[1] ?? "";
  const errors: Record<string, string> = {};
  if (!value("serviceId")) errors.serviceId = "ratings.errors.service";
  if (value("kind") === "quick" && !value("quickScore")) errors.quickScore = "ratings.errors.chooseFace";
  if (value("kind") === "full" && !["u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9"].some((name) => value(name))) errors.u1 = "ratings.errors.answerOne";
  return errors;
}

function queueStatus(): void {
  const store = storage();
  const waiting = store ? readQueue(store).length : 0;
  for (const region of document.querySelectorAll<HTMLElement>("[data-queue-status]")) {
    if (waiting > 0) showStatus(region, translate(texts, locale, "ratings.offline.waiting", waiting), "warn");
    else if (region.dataset.sent === "1") showStatus(region, translate(texts, locale, "ratings.offline.sent"), "ok");
    else region.replaceChildren();
  }
}

let flushing = false;
async function flush(): Promise<void> {
  const store = storage();
  // Without a network nothing is tried, so no pause grows meanwhile: the "online" event sends the queue at once.
  if (!store || flushing || !navigator.onLine || readQueue(store).length === 0) return queueStatus();
  flushing = true;
  const run = () => flushQueue(store, window.fetch.bind(window), Date.now, Math.random);
  try {
    // Two tabs of the same phone must not send the same queue at once (a resend would be stored once anyway).
    const report = navigator.locks ? await navigator.locks.request("suara-rating-queue", run) : await run();
    if (report.stored > 0) document.querySelectorAll<HTMLElement>("[data-queue-status]").forEach((region) => (region.dataset.sent = "1"));
    if (report.refused.length > 0) {
      const form = document.querySelector<HTMLFormElement>("form[data-rating-form]");
      const region = form?.querySelector<HTMLElement>("[data-queue-status]") ?? null;
      const reason = Object.values(report.refused[0]!.errors)[0] ?? "errors.server.body";
      showStatus(region, `${translate(texts, locale, "ratings.offline.refused", report.refused.length)} ${translate(texts, locale, reason)}`, "error");
    } else queueStatus();
    window.clearTimeout(retryTimer);
    if (report.nextAttemptAt !== null) retryTimer = window.setTimeout(() => void flush(), report.nextAttemptAt - Date.now());
  } finally {
    flushing = false;
  }
}

/** Clears the form for the next citizen: the next tap of "Kirim" makes a new key and a new visit time. */
function resetForm(form: HTMLFormElement): void {
  form.reset();
  clearMessages(form);
  form.querySelectorAll("details[data-collapse]").forEach((details) => details.removeAttribute("open"));
  syncOfficerSummary(form);
}

function syncOfficerSummary(form: HTMLFormElement): void {
  const summary = form.querySelector<HTMLElement>("[data-officer-chosen]");
  const checked = form.querySelector<HTMLInputElement>('input[name="officer"]:checked');
  const label = checked?.closest("label")?.querySelector<HTMLElement>("[data-officer-name]");
  if (summary && label) summary.textContent = label.textContent;
}

async function submitRating(form: HTMLFormElement, submitter: HTMLButtonElement | null): Promise<void> {
  const fields = [...new FormData(form).entries()].filter((entry): entry is [string, string] => typeof entry[1] === "string");
  const missing = missingFields(fields);
  if (Object.keys(missing).length > 0) {
    for (const field of Object.keys(missing)) form.querySelector(`[data-field="${field}"]`)?.closest("details")?.setAttribute("open", "");
    return showErrors(form, missing, texts, locale);
  }
  const key = newKey();
  const visitedAt = new Date().toISOString();
  const item: QueuedRating = {
    key,
    url: form.dataset.api!,
    fields: [...fields.filter(([name]) => name !== "idempotencyKey" && name !== "visitedAt"), ["idempotencyKey", key], ["visitedAt", visitedAt]],
    visitedAt,
    attempts: 0,
    notBefore: 0,
  };
  const store = storage();
  clearMessages(form);
  const status = form.querySelector<HTMLElement>("[data-queue-status]");
  if (!store) {
    // Without storage nothing can wait: send now, and say so plainly if the network is not there.
    const outcome = await sendRating(item, window.fetch.bind(window), Date.now());
    if (outcome.kind === "stored") return window.location.assign(outcome.thankYou);
    if (outcome.kind === "refused") return showErrors(form, outcome.errors, texts, locale);
    return showErrors(form, { _form: "ratings.offline.noStorage" }, texts, locale);
  }
  // Kept on the device first: from here on the rating cannot be lost, only sent late.
  enqueue(store, item);
  if (submitter) submitter.disabled = true;
  const outcome = navigator.onLine ? await sendRating(item, window.fetch.bind(window), Date.now()) : ({ kind: "retry" } as const);
  if (submitter) submitter.disabled = false;
  const others = readQueue(store).filter((queued) => queued.key !== key);
  if (outcome.kind === "stored") {
    store.setItem("suara.ratingQueue.v2", JSON.stringify(others));
    return window.location.assign(outcome.thankYou);
  }
  if (outcome.kind === "refused") {
    store.setItem("suara.ratingQueue.v2", JSON.stringify(others));
    return showErrors(form, outcome.errors, texts, locale);
  }
  resetForm(form);
  showStatus(status, translate(texts, locale, "ratings.offline.savedOffline", others.length + 1), "warn");
  if (status) focus(status);
  window.clearTimeout(retryTimer);
  retryTimer = window.setTimeout(() => void flush(), 2_000);
}

function openFullSurvey(form: HTMLFormElement): void {
  const values = new FormData(form);
  const query = new URLSearchParams();
  for (const [field, name] of [["serviceId", "layanan"], ["officer", "petugas"], ["visitCode", "v"]]) {
    const value = values.get(field!);
    if (typeof value === "string" && value) query.set(name!, value);
  }
  window.location.assign(`${form.dataset.survey}?${query}`);
}

function enhanceRatingForms(): void {
  for (const form of document.querySelectorAll<HTMLFormElement>("form[data-rating-form]")) {
    form.addEventListener("submit", (event) => {
      const submitter = (event as SubmitEvent).submitter as HTMLButtonElement | null;
      if (submitter?.name === "intent") {
        // "Full survey": the same page the server would redirect to, opened directly (from the device's copy offline).
        event.preventDefault();
        return openFullSurvey(form);
      }
      if (form.querySelector<HTMLInputElement>('input[name="continuing"]')?.value) return; // completes a stored rating
      event.preventDefault();
      void submitRating(form, submitter);
    });
    form.addEventListener("change", (event) => {
      const target = event.target as HTMLElement;
      if (target instanceof HTMLInputElement && target.name === "officer") syncOfficerSummary(form);
      const field = target.closest<HTMLElement>("[data-field]")?.dataset.field;
      const slot = field ? form.querySelector<HTMLElement>(`[data-error-for="${field}"]`) : null;
      if (slot && !slot.hidden) {
        slot.hidden = true;
        slot.textContent = "";
        target.removeAttribute("aria-invalid");
      }
    });
  }
}

/** A kiosk keeps nothing of the last citizen: a minute without a touch and the form starts over. */
function kioskIdleReset(): void {
  const form = document.querySelector<HTMLFormElement>("form[data-kiosk]");
  if (!form) return;
  let timer = window.setTimeout(reset, KIOSK_IDLE_MS);
  function reset() {
    resetForm(form!);
    form!.querySelectorAll("[data-queue-status]").forEach((region) => region.replaceChildren());
    window.scrollTo(0, 0);
  }
  const restart = () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(reset, KIOSK_IDLE_MS);
  };
  for (const name of ["pointerdown", "keydown", "input"]) window.addEventListener(name, restart, { passive: true });
}

/** A message the server rendered after a plain post (an error summary, a refusal) takes the focus. */
function focusServerMessage(): void {
  const target = document.querySelector<HTMLElement>("[data-focus-on-load]");
  if (target) return focus(target);
  // Otherwise the first field in error: its first control.
  const slot = document.querySelector<HTMLElement>("form [data-error-for]:not([hidden])");
  const control = slot?.closest("[data-field]")?.querySelector<HTMLElement>("input:not([type=hidden]), select, textarea");
  if (control) focus(control);
}

/** Copies the text of the element a [data-copy] button names; says so in place. */
function copyButtons(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>("button[data-copy]")) {
    button.hidden = false;
    button.addEventListener("click", () => {
      const text = document.getElementById(button.dataset.copy!)?.textContent?.trim() ?? "";
      const done = () => {
        const region = document.getElementById(`${button.dataset.copy}-copied`);
        if (region) region.textContent = button.dataset.copied ?? "";
      };
      // Without the clipboard (an insecure origin, a refusal), the code is selected for the citizen to copy.
      const select = () => {
        const element = document.getElementById(button.dataset.copy!);
        if (element) window.getSelection()?.selectAllChildren(element);
      };
      if (navigator.clipboard) void navigator.clipboard.writeText(text).then(done, select);
      else select();
    });
  }
}

/** Keeps the counter page and its assets in the browser's cache, so it opens without a network. */
function keepOffline(): void {
  const page = document.querySelector<HTMLElement>("[data-offline-page]");
  if (!("serviceWorker" in navigator) || !page) return;
  void navigator.serviceWorker.register("/sw.js").catch(() => {});
  if (!("caches" in window)) return;
  const assets = [...document.querySelectorAll<HTMLLinkElement | HTMLScriptElement>('link[rel="stylesheet"], script[src], link[rel="icon"]')]
    .map((element) => (element instanceof HTMLLinkElement ? element.href : element.src))
    .filter((url) => url.startsWith(window.location.origin));
  void caches
    .open("suara-pages-v1")
    .then((cache) => {
      const urls = [window.location.pathname + window.location.search, ...(page.dataset.offlinePage ? [page.dataset.offlinePage] : []), ...assets];
      // One by one: a missing icon must not keep the page itself out of the cache.
      return Promise.all(urls.map((url) => cache.add(url).catch(() => {})));
    })
    .catch(() => {});
}

enhanceRatingForms();
kioskIdleReset();
focusServerMessage();
copyButtons();
// After the page has loaded and painted: the service worker and the cache fill never compete with the first paint.
if (document.readyState === "complete") window.setTimeout(keepOffline, 0);
else window.addEventListener("load", () => window.setTimeout(keepOffline, 0), { once: true });
void flush();
window.addEventListener("online", () => void flush());
window.addEventListener("pageshow", () => queueStatus());
