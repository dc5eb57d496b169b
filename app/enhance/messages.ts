// Messages where the citizen looks: a field's error beside the field, a form's message beside its button, an
// error summary at the top of a long form linking to each field; the first of them takes the focus.

export type Texts = Record<string, string>;

/** A key's text, with "{{count}}" and a plural form ("_one" / "_other") as i18next writes them. */
export function translate(texts: Texts, locale: string, key: string, count?: number): string {
  let text = texts[key];
  if (count !== undefined) {
    const form = new Intl.PluralRules(locale).select(count);
    text = texts[`${key}_${form}`] ?? texts[`${key}_other`] ?? text;
  }
  text ??= texts["errors.server.body"] ?? key;
  return count === undefined ? text : text.replace(/\{\{\s*count\s*\}\}/g, String(count));
}

/** The control a field's error points to: the input itself, or the first choice of a group. */
function controlOf(form: HTMLFormElement, field: string): HTMLElement | null {
  const named = form.elements.namedItem(field);
  if (named instanceof RadioNodeList) return (named[0] as HTMLElement | undefined) ?? null;
  return named instanceof HTMLElement ? named : null;
}

function setInvalid(form: HTMLFormElement, field: string, invalid: boolean): void {
  const named = form.elements.namedItem(field);
  const controls = named instanceof RadioNodeList ? [...named] : named ? [named] : [];
  for (const control of controls) {
    if (!(control instanceof HTMLElement)) continue;
    if (invalid) control.setAttribute("aria-invalid", "true");
    else control.removeAttribute("aria-invalid");
  }
  const group = form.querySelector<HTMLElement>(`[data-field="${field}"]`);
  if (group) group.classList.toggle("has-error", invalid);
}

/** Removes every message a previous attempt left. */
export function clearMessages(form: HTMLFormElement): void {
  for (const slot of form.querySelectorAll<HTMLElement>("[data-error-for]")) {
    const field = slot.dataset.errorFor!;
    slot.textContent = "";
    slot.hidden = true;
    if (field !== "_form") setInvalid(form, field, false);
  }
  const summary = form.querySelector<HTMLElement>("[data-error-summary]");
  if (summary) summary.hidden = true;
}

/**
 * Shows errors (translation keys by field) next to their fields, the form-wide one beside the button, and a
 * summary when the form has one; focuses the summary, or the first message, or the first invalid control.
 */
export function showErrors(form: HTMLFormElement, errors: Record<string, string>, texts: Texts, locale: string): void {
  clearMessages(form);
  const items: { field: string; text: string }[] = [];
  let first: HTMLElement | null = null;
  for (const [field, key] of Object.entries(errors)) {
    const text = translate(texts, locale, key);
    const slot = form.querySelector<HTMLElement>(`[data-error-for="${field}"]`) ?? form.querySelector<HTMLElement>('[data-error-for="_form"]');
    if (slot) {
      slot.textContent = text;
      slot.hidden = false;
    }
    if (field !== "_form") {
      setInvalid(form, field, true);
      items.push({ field, text });
      first ??= controlOf(form, field);
    } else if (slot) {
      first ??= slot;
    }
  }
  const summary = form.querySelector<HTMLElement>("[data-error-summary]");
  const list = summary?.querySelector("ul");
  if (summary && list && items.length > 0) {
    list.replaceChildren(
      ...items.map(({ field, text }) => {
        const li = document.createElement("li");
        const link = document.createElement("a");
        const target = controlOf(form, field);
        link.href = `#${target?.id || field}`;
        link.textContent = text;
        li.append(link);
        return li;
      }),
    );
    summary.hidden = false;
    focus(summary);
    return;
  }
  if (first) focus(first);
}

/** Focuses an element and brings it into view, making it focusable first when it is a message. */
export function focus(element: HTMLElement): void {
  if (!element.matches("a, button, input, select, textarea, [tabindex]")) element.tabIndex = -1;
  element.focus({ preventScroll: true });
  element.scrollIntoView({ block: "center", behavior: "auto" });
}

/** A notice in the form's status region (read out politely), replacing the previous one. */
export function showStatus(region: HTMLElement | null, text: string, tone: "ok" | "warn" | "error"): void {
  if (!region) return;
  const notice = document.createElement("p");
  notice.className = `notice ${tone}`;
  notice.textContent = text;
  region.replaceChildren(notice);
}
