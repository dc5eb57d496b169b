import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { z } from "zod";
import { ROLES } from "../../db/schema";
import { requireRole, requireUnitRole } from "~/auth/guard.server";
import { db } from "~/platform/db.server";
import { unitsUnder } from "~/data/organisation.server";
import { grantRole, revokeRole, roleGrantRow, userIdByUsernameOrNip, usersWithinPage } from "~/data/users.server";
import { pageParam } from "~/domain/paging";
import { Pager } from "~/ui/Pager";
import { parseForm, idField } from "~/http/forms";
import { confirmationFor } from "~/http/confirm";
import { revocationRefusal } from "~/domain/access/grants";
import { ConfirmStep } from "~/ui/ConfirmStep";
import { readForm } from "~/http/form-body.server";

export const meta: MetaFunction = () => [{ title: "Pengguna dan peran · Suara" }];

const PAGE_SIZE = 50;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["admin"]);
  const adminPaths = user.grants.filter((grant) => grant.role === "admin").map((grant) => grant.unitPath);
  const url = new URL(request.url);
  const q = (url.searchParams.get("q") ?? "").trim().slice(0, 100);
  const [list, units] = await Promise.all([usersWithinPage(db(), adminPaths, q, pageParam(url.searchParams.get("halaman")), PAGE_SIZE), unitsUnder(db(), adminPaths)]);
  return { list, q, units: units.map((unit) => ({ id: unit.id, label: `${unit.agencyName} · ${unit.name}` })) };
}

/** Back to the list as it was (its search and page). */
function backTo(request: Request): string {
  const url = new URL(request.url);
  return `${url.pathname}${url.search}`;
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
    return redirect(backTo(request));
  }
  const refusal = revocationRefusal({ userId: actor.id, grants: actor.grants }, { userId: targetId, role, unitId });
  if (refusal) return data({ errors: { _form: `admin.refusals.${refusal}` } as Record<string, string>, confirm: null }, { status: 409 });
  const confirm = confirmationFor(form);
  if (confirm) {
    const pending = await roleGrantRow(db(), targetId, role, unitId);
    if (!pending) return data({ errors: { _form: "admin.refusals.noSuchGrant" } as Record<string, string>, confirm: null }, { status: 409 });
    return { errors: {} as Record<string, string>, confirm, pending };
  }
  if (!(await revokeRole(db(), change)).ok) return data({ errors: { _form: "accounts.errors.lastAdministrator" } as Record<string, string>, confirm: null }, { status: 409 });
  return redirect(backTo(request));
}

export default function Users() {
  const { list, q, units } = useLoaderData<typeof loader>();
  const rows = list.rows;
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const location = useLocation();
  const errors: Record<string, string | undefined> = actionData?.errors ?? {};
  const confirm = actionData?.confirm;
  const pending = confirm && actionData && "pending" in actionData ? actionData.pending : undefined;
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
          cancelTo={`${location.pathname}${location.search}`}
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
      <h2 id="grants-title">{t("admin.tableCaption")}</h2>
      <Form method="get" className="search-row" role="search">
        <label htmlFor="q" className="visually-hidden">
          {t("admin.search")}
        </label>
        <input id="q" name="q" type="search" defaultValue={q} placeholder={t("admin.search")} maxLength={100} />
        <button type="submit" className="secondary">
          {t("admin.find")}
        </button>
      </Form>
      <p className="muted small" role="status">
        {t("admin.grantCount", { count: list.total })}
      </p>
      {list.total === 0 && q ? <p className="notice">{t("admin.noneFound", { search: q })}</p> : null}
      <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="grants-title">
        <table>
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
      <Pager page={list.page} pageCount={list.pageCount} total={list.total} search={location.search} />
    </>
  );
}
