/** A positive integer id from the URL; anything else is a 404, never a server error. */
export function unitIdParam(value: string | undefined): number {
  const id = Number(value);
  if (!Number.isSafeInteger(id) || id <= 0) throw new Response("Not Found", { status: 404 });
  return id;
}
