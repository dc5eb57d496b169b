import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { z } from "zod";
import { ROLES } from "../../db/schema";
import { requireRole, requireUnitRole } from "~/auth/guard.server";
import { db } from "~/platform/db.server";
import { unitsUnder } from "~/data/organisation.server";
import { grantRole, revokeRole, userIdByUsernameOrNip, usersWithin } from "~/data/users.server";
import { parseForm, idField } from "~/http/forms";
import { confirmationFor, confirmField } from "~/http/confirm";
import { revocationRefusal } from "~/domain/access/grants";
import { ConfirmStep } from "~/ui/ConfirmStep";
import { readForm } from "~/http/form-body.server";

export const meta: MetaFunction = () => [{ title: "Pengguna dan peran · Suara" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["admin"]);
  const adminPaths = user.grants.filter((grant) => grant.role === "admin").map((grant) => grant.unitPath);
  const [rows, units] = await Promise.all([usersWithin(db(), adminPaths), unitsUnder(db(), adminPaths)]);
  return { rows, units: units.map((unit) => ({ id: unit.id, label: `${unit.agencyName} · ${unit.name}` })) };
}

const changeSchema = z.object({
  intent: z.enum(["grant", "revoke"]),
  identifier: z.string().trim().min(1, "form.required").max(60),
  role: z.enum(ROLES, { errorMap: () => ({ message: "form.required" }) }),
  unitId: idField("form.required"),
});

export async function action({ request }: ActionFunctionArgs) {
  await requireRole(request, ["admin"]);
  const form = await readForm(request);
  const parsed = parseForm(changeSchema, form);
  if (!parsed.ok) return data({ errors: parsed.errors, confirm: null }, { status: 400 });
  const { intent, identifier, role, unitId } = parsed.data;
  const actor = await requireUnitRole(request, ["admin"], unitId);
  const targetId = await userIdByUsernameOrNip(db(), identifier);
  if (targetId === undefined) return data({ errors: { identifier: "admin.unknownUser" } as Record<string, string>, confirm: null }, { status: 400 });
  const change = { actorUserId: actor.id, userId: targetId, role, unitId };
  if (intent === "grant") {
    await grantRole(db(), change);
    return redirect("/staf/admin/pengguna");
  }
  const refusal = revocationRefusal({ userId: actor.id, grants: actor.grants }, { userId: targetId, role, unitId });
  if (refusal) return data({ errors: { _form: `admin.refusals.${refusal}` } as Record<string, string>, confirm: null }, { status: 409 });
  const confirm = confirmationFor(form);
  if (confirm) return { errors: {} as Record<string, string>, confirm };
  if (!(await revokeRole(db(), change)).ok) return data({ errors: { _form: "accounts.errors.lastAdministrator" } as Record<string, string>, confirm: null }, { status: 409 });
  return redirect("/staf/admin/pengguna");
}

export default function Users() {
  const { rows, units } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const errors: Record<string, string | undefined> = actionData?.errors ?? {};
  const confirm = actionData?.confirm;
  const pending = confirm
    ? rows.find((row) => (row.username ?? row.nip) === confirmField(confirm, "identifier") && row.role === confirmField(confirm, "role") && String(row.unitId) === confirmField(confirm, "unitId"))
    : undefined;
  return (
    <>
      <h1>{t("admin.usersTitle")}</h1>
      <p className="muted">{t("admin.usersIntro")}</p>
      {errors._form ? (
        <p className="notice error" role="alert">
          {t(errors._form)}
        </p>
      ) : null}
      {confirm && pending ? (
        <ConfirmStep
          request={confirm}
          title={t("admin.confirmRevoke.title", { role: t(`roles.${pending.role}`), name: pending.displayName })}
          confirmLabel={t("admin.confirmRevoke.yes")}
          cancelTo="/staf/admin/pengguna"
        >
          <p>{t("admin.confirmRevoke.what", { name: pending.displayName, role: t(`roles.${pending.role}`), unit: pending.unitName })}</p>
        </ConfirmStep>
      ) : null}
      <Form method="post" className="card" noValidate>
        <h2>{t("admin.grantTitle")}</h2>
        <input type="hidden" name="intent" value="grant" />
        <label htmlFor="identifier">{t("admin.identifier")}</label>
        <input id="identifier" name="identifier" type="text" required aria-invalid={errors.identifier ? true : undefined} aria-describedby={errors.identifier ? "identifier-error" : undefined} />
        {errors.identifier ? (
          <p className="field-error" id="identifier-error">
            {t(errors.identifier)}
          </p>
        ) : null}
        <label htmlFor="role">{t("admin.role")}</label>
        <select id="role" name="role" required defaultValue="" aria-invalid={errors.role ? true : undefined} aria-describedby={errors.role ? "role-error" : undefined}>
          <option value="" disabled>
            {t("admin.choose")}
          </option>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`roles.${role}`)}
            </option>
          ))}
        </select>
        {errors.role ? (
          <p className="field-error" id="role-error">
            {t(errors.role)}
          </p>
        ) : null}
        <label htmlFor="unitId">{t("admin.unit")}</label>
        <select id="unitId" name="unitId" required defaultValue="" aria-invalid={errors.unitId ? true : undefined} aria-describedby={errors.unitId ? "unitId-error" : undefined}>
          <option value="" disabled>
            {t("admin.choose")}
          </option>
          {units.map((unit) => (
            <option key={unit.id} value={unit.id}>
              {unit.label}
            </option>
          ))}
        </select>
        {errors.unitId ? (
          <p className="field-error" id="unitId-error">
            {t(errors.unitId)}
          </p>
        ) : null}
        <div className="form-actions">
          <button type="submit">{t("admin.grant")}</button>
        </div>
      </Form>
      <div className="table-wrap" tabIndex={0}>
        <table>
          <caption className="muted small">{t("admin.tableCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("admin.name")}</th>
              <th scope="col">{t("admin.identifier")}</th>
              <th scope="col">{t("admin.role")}</th>
              <th scope="col">{t("admin.unit")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("admin.revoke")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={`${row.userId}-${row.role}-${row.unitId}`}>
                <td>{row.displayName}</td>
                <td>{row.username ?? row.nip}</td>
                <td>{t(`roles.${row.role}`)}</td>
                <td>{row.unitName}</td>
                <td>
                  <Form method="post">
                    <input type="hidden" name="intent" value="revoke" />
                    <input type="hidden" name="identifier" value={row.username ?? row.nip ?? ""} />
                    <input type="hidden" name="role" value={row.role} />
                    <input type="hidden" name="unitId" value={row.unitId} />
                    <button type="submit" className="secondary small-button" aria-label={t("admin.revokeOf", { role: t(`roles.${row.role}`), name: row.displayName, unit: row.unitName })}>
                      {t("admin.revoke")}
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
