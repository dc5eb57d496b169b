// The one way a route reads a posted body. Whatever cannot be read as a form (a broken multipart body, a file name
// with a line break, a NUL character in any field) is answered 400 with the translated "could not be read" page,
// before the action looks at it, so nothing is written. The HTTP server has already refused bodies that are not
// forms, too large, or from another site (app/http/request-guard.ts).
import { MaxPartSizeExceededError, unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";
import { hasForbiddenCharacter } from "./forms";

export function badRequest(): Response {
  return new Response("Bad Request", { status: 400 });
}

/**
 * The posted form. With an upload handler, a multipart body goes through it (files streamed, never buffered
 * whole); a part over the handler's size limit still throws `MaxPartSizeExceededError`, for the field's message.
 */
export async function readForm(request: Request, uploadHandler?: UploadHandler): Promise<FormData> {
  let form: FormData;
  try {
    const multipart = (request.headers.get("Content-Type") ?? "").toLowerCase().startsWith("multipart/form-data");
    form = multipart && uploadHandler ? await unstable_parseMultipartFormData(request, uploadHandler) : await request.formData();
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) throw error;
    throw badRequest();
  }
  for (const [name, value] of form.entries()) {
    if (hasForbiddenCharacter(name)) throw badRequest();
    if (typeof value === "string" ? hasForbiddenCharacter(value) : /[\u0000-\u001f\u007f]/.test(value.name)) throw badRequest();
  }
  return form;
}
