import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { z } from "zod";
import { parseStartTime } from "~/domain/forum-day";
import { requireRole, requireUnitRole } from "~/auth/guard.server";
import { db } from "~/platform/db.server";
import { createForum } from "~/data/forums/forums.server";
import { activeServicesOfUnits, unitsUnder } from "~/data/organisation.server";
import { Field } from "~/ui/Field";
import { parseForm, idField } from "~/http/forms";
import { readForm } from "~/http/form-body.server";

export const meta: MetaFunction = () => [{ title: "Forum · Suara" }];

const ROLES = ["moderator", "admin"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ROLES);
  const paths = user.grants.filter((grant) => (ROLES as readonly string[]).includes(grant.role)).map((grant) => grant.unitPath);
  const units = await unitsUnder(db(), paths);
  const services = await activeServicesOfUnits(db(), units.map((unit) => unit.id));
  return {
    units: units.map((unit) => ({
      id: unit.id,
      label: `${unit.agencyName} · ${unit.name}`,
      services: services.filter((service) => service.unitId === unit.id).map((service) => ({ id: service.id, name: service.name })),
    })),
  };
}

const forumSchema = z.object({
  title: z.string().trim().min(1, "form.required").max(200, "form.tooLong"),
  unitId: idField(),
  serviceId: z.union([idField(), z.array(idField())]).optional(),
  heldOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "forums.errors.badDate"),
  startTime: z
    .string()
    .trim()
    .optional()
    .refine((value) => !value || parseStartTime(value) !== null, "forums.errors.badTime")
    .transform((value) => (value ? parseStartTime(value) : null)),
  place: z.string().trim().min(1, "form.required").max(300, "form.tooLong"),
  agenda: z.string().trim().min(1, "form.required").max(4000, "form.tooLong"),
  chairName: z.string().trim().min(1, "form.required").max(200, "form.tooLong"),
  noteTakerName: z.string().trim().min(1, "form.required").max(200, "form.tooLong"),
});

export async function action({ request }: ActionFunctionArgs) {
  await requireRole(request, ROLES);
  const parsed = parseForm(forumSchema, await readForm(request));
  if (!parsed.ok) return { errors: parsed.errors, values: parsed.values };
  const data = parsed.data;
  const user = await requireUnitRole(request, ROLES, data.unitId);
  const serviceIds = data.serviceId === undefined ? [] : Array.isArray(data.serviceId) ? data.serviceId : [data.serviceId];
  const forumId = await createForum(db(), {
    actorUserId: user.id,
    unitId: data.unitId,
    title: data.title,
    heldOn: data.heldOn,
    startTime: data.startTime ?? null,
    place: data.place,
    agenda: data.agenda,
    chairName: data.chairName,
    noteTakerName: data.noteTakerName,
    serviceIds,
  });
  return redirect(`/staf/forum/${forumId}`);
}

export default function NewForum() {
  const { units } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const errors: Record<string, string | undefined> = actionData?.errors ?? {};
  const values: Record<string, string | undefined> = actionData?.values ?? {};
  return (
    <div className="narrow-wide">
      <h1>{t("forums.staff.create.title")}</h1>
      <p className="muted">{t("forums.staff.create.intro")}</p>
      <Form method="post" noValidate>
        <Field name="title" label={t("forums.staff.create.forumTitle")} hint={t("forums.staff.create.forumTitleHint")} type="text" required defaultValue={values.title} error={errors.title} />
        <div className="field">
          <label htmlFor="unitId">{t("forums.staff.create.unit")}</label>
          <select id="unitId" name="unitId" defaultValue={values.unitId}>
            {units.map((unit) => (
              <option key={unit.id} value={unit.id}>
                {unit.label}
              </option>
            ))}
          </select>
        </div>
        <fieldset>
          <legend>{t("forums.staff.create.services")}</legend>
          <span className="hint">{t("forums.staff.create.servicesHint")}</span>
          <div className="checkbox-columns">
            {units
              .filter((unit) => unit.services.length > 0)
              .map((unit) => (
                <div key={unit.id}>
                  <p className="small muted">{unit.label}</p>
                  {unit.services.map((service) => (
                    <div className="field checkbox" key={service.id}>
                      <input type="checkbox" id={`service-${service.id}`} name="serviceId" value={service.id} />
                      <label htmlFor={`service-${service.id}`}>{service.name}</label>
                    </div>
                  ))}
                </div>
              ))}
          </div>
        </fieldset>
        <Field name="heldOn" label={t("forums.staff.create.heldOn")} type="date" required defaultValue={values.heldOn} error={errors.heldOn} />
        <Field name="startTime" label={t("forums.staff.create.startTime")} hint={t("forums.staff.create.startTimeHint")} type="text" inputMode="numeric" defaultValue={values.startTime} error={errors.startTime} />
        <Field name="place" label={t("forums.staff.create.place")} type="text" required defaultValue={values.place} error={errors.place} />
        <div className="field">
          <label htmlFor="agenda">{t("forums.staff.create.agenda")}</label>
          <span className="hint" id="agenda-hint">
            {t("forums.staff.create.agendaHint")}
          </span>
          <textarea id="agenda" name="agenda" required defaultValue={values.agenda} aria-invalid={errors.agenda ? true : undefined} aria-describedby={errors.agenda ? "agenda-hint agenda-error" : "agenda-hint"} />
          {errors.agenda ? (
            <p className="field-error" id="agenda-error">
              {t(errors.agenda)}
            </p>
          ) : null}
        </div>
        <Field name="chairName" label={t("forums.staff.create.chair")} hint={t("forums.staff.create.chairHint")} type="text" required defaultValue={values.chairName} error={errors.chairName} />
        <Field name="noteTakerName" label={t("forums.staff.create.noteTaker")} type="text" required defaultValue={values.noteTakerName} error={errors.noteTakerName} />
        <div className="form-actions">
          <button type="submit">{t("forums.staff.create.submit")}</button>
        </div>
      </Form>
    </div>
  );
}
