import { MAX_ID } from "./forms";

/** A row's id from text (a path segment, a query parameter): a positive integer that fits the column, else null. */
export function idFromText(value: string | null | undefined): number | null {
  if (value === null || value === undefined || !/^\d{1,10}$/.test(value)) return null;
  const id = Number(value);
  return id > 0 && id <= MAX_ID ? id : null;
}

/** A positive integer id from the URL; anything else (2³¹ and above too) is a 404, never a server error. */
export function unitIdParam(value: string | undefined): number {
  const id = idFromText(value);
  if (id === null) throw new Response("Not Found", { status: 404 });
  return id;
}
