import { IMPORT_UNIT_KINDS } from "~/domain/org-import/values";
import { useTranslation } from "~/i18n/react";
import { Field } from "./Field";
import { SelectField } from "./SelectField";
import { TextAreaField } from "./TextAreaField";

// Pieces the organisation's administration pages share: the saved notice, the unit picker's options as an indented
// tree, the values and errors of a refused post, and the fields of each record.

export function Notice({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <p className="notice ok" role="status">
      {text}
    </p>
  );
}

/** Units in tree order as select options, indented by depth ("/1/" is depth 0); retired units left out. */
export function unitOptions(units: readonly { id: number; name: string; path: string; retiredAt: unknown }[], skipSubtreeOf?: string) {
  return units
    .filter((unit) => unit.retiredAt === null && !(skipSubtreeOf && unit.path.startsWith(skipSubtreeOf)))
    .map((unit) => ({ value: String(unit.id), label: `${"\u2003".repeat(Math.max(0, unit.path.split("/").length - 3))}${unit.name}` }));
}

/** The values a failed post carried, so the form shows what was typed. */
export function valuesOf(actionData: unknown): Record<string, string> {
  return actionData && typeof actionData === "object" && "values" in actionData ? ((actionData as { values: Record<string, string> }).values ?? {}) : {};
}

export function errorsOf(actionData: unknown): Record<string, string | undefined> {
  return actionData && typeof actionData === "object" && "errors" in actionData ? ((actionData as { errors: Record<string, string> }).errors ?? {}) : {};
}

/** A unit's fields: code, kind, name, address, parent (the top unit keeps its kind and has no parent). */
export function UnitFields({
  units,
  values,
  errors,
  defaultParent,
  current,
}: {
  units: readonly { id: number; name: string; path: string; retiredAt: unknown }[];
  values: Record<string, string>;
  errors: Record<string, string | undefined>;
  defaultParent: string;
  current?: { code: string | null; name: string; kind: string; address: string | null; searchNames: string; path: string; top: boolean };
}) {
  const { t } = useTranslation();
  const kinds = IMPORT_UNIT_KINDS.map((kind) => ({ value: kind, label: t(`organisation.kinds.${kind}`) }));
  return (
    <>
      <div className="field-row">
        <Field name="code" label={t("orgAdmin.fields.code")} hint={t("orgAdmin.fields.codeHint")} required maxLength={40} defaultValue={values.code ?? current?.code ?? ""} error={errors.code} />
        {current?.top ? (
          <input type="hidden" name="kind" value={current.kind} />
        ) : (
          <SelectField name="kind" label={t("orgAdmin.fields.kind")} required options={kinds} placeholder={t("orgAdmin.choose")} defaultValue={values.kind ?? current?.kind ?? ""} error={errors.kind} />
        )}
      </div>
      <Field name="name" label={t("orgAdmin.fields.unitName")} required maxLength={200} defaultValue={values.name ?? current?.name ?? ""} error={errors.name} />
      <Field name="address" label={t("orgAdmin.fields.address")} maxLength={300} defaultValue={values.address ?? current?.address ?? ""} error={errors.address} />
      <Field name="searchNames" label={t("orgAdmin.fields.searchNames")} hint={t("orgAdmin.fields.searchNamesHint")} maxLength={1200} defaultValue={values.searchNames ?? current?.searchNames ?? ""} error={errors.searchNames} />
      {current?.top ? (
        <input type="hidden" name="parentId" value={defaultParent} />
      ) : (
        <SelectField
          name="parentId"
          label={t("orgAdmin.fields.parent")}
          hint={t("orgAdmin.fields.parentHint")}
          required
          options={unitOptions(units, current?.path)}
          placeholder={t("orgAdmin.choose")}
          defaultValue={values.parentId ?? defaultParent}
          error={errors.parentId}
        />
      )}
    </>
  );
}

interface ServiceValues {
  code: string | null;
  name: string;
  requirements: string;
  procedure: string;
  completionDays: number;
  feeRupiah: number;
  product: string;
  complaintChannel: string;
  usersPerYear: number | null;
}

/** A service's published standard (PermenPANRB 15/2014) and its expected users per year. */
export function ServiceFields({ values, errors, current }: { values: Record<string, string>; errors: Record<string, string | undefined>; current?: ServiceValues }) {
  const { t } = useTranslation();
  const value = (name: keyof ServiceValues, fallback: string) => values[name] ?? fallback;
  return (
    <>
      <div className="field-row">
        <Field name="code" label={t("orgAdmin.fields.code")} hint={t("orgAdmin.fields.codeHint")} required maxLength={40} defaultValue={value("code", current?.code ?? "")} error={errors.code} />
        <Field name="name" label={t("orgAdmin.fields.serviceName")} required maxLength={200} defaultValue={value("name", current?.name ?? "")} error={errors.name} />
      </div>
      <TextAreaField name="requirements" label={t("orgAdmin.fields.requirements")} hint={t("orgAdmin.fields.requirementsHint")} required maxLength={4000} defaultValue={value("requirements", current?.requirements ?? "")} error={errors.requirements} />
      <TextAreaField name="procedure" label={t("orgAdmin.fields.procedure")} required maxLength={4000} defaultValue={value("procedure", current?.procedure ?? "")} error={errors.procedure} />
      <div className="field-row">
        <Field name="completionDays" label={t("orgAdmin.fields.completionDays")} hint={t("orgAdmin.fields.completionDaysHint")} required inputMode="numeric" defaultValue={value("completionDays", current ? String(current.completionDays) : "")} error={errors.completionDays} />
        <Field name="feeRupiah" label={t("orgAdmin.fields.fee")} hint={t("orgAdmin.fields.feeHint")} inputMode="numeric" defaultValue={value("feeRupiah", current ? String(current.feeRupiah) : "0")} error={errors.feeRupiah} />
        <Field name="usersPerYear" label={t("orgAdmin.fields.usersPerYear")} hint={t("orgAdmin.fields.usersPerYearHint")} inputMode="numeric" defaultValue={value("usersPerYear", current?.usersPerYear ? String(current.usersPerYear) : "")} error={errors.usersPerYear} />
      </div>
      <Field name="product" label={t("orgAdmin.fields.product")} required maxLength={300} defaultValue={value("product", current?.product ?? "")} error={errors.product} />
      <TextAreaField name="complaintChannel" label={t("orgAdmin.fields.complaintChannel")} hint={t("orgAdmin.fields.complaintChannelHint")} required maxLength={1000} defaultValue={value("complaintChannel", current?.complaintChannel ?? "")} error={errors.complaintChannel} />
    </>
  );
}

/** A counter's name, code and the services it offers (only its own unit's services are listed). */
export function CounterFields({
  values,
  errors,
  services,
  current,
  submitted,
}: {
  values: Record<string, string>;
  errors: Record<string, string | undefined>;
  services: readonly { id: number; name: string }[];
  current?: { code: string | null; name: string; serviceIds: readonly number[] };
  /** Service ids of a refused post, so the boxes stay as they were ticked. */
  submitted?: readonly string[];
}) {
  const { t } = useTranslation();
  const checked = new Set(submitted ?? (current?.serviceIds ?? []).map(String));
  return (
    <>
      <div className="field-row">
        <Field name="code" label={t("orgAdmin.fields.code")} hint={t("orgAdmin.fields.codeHint")} required maxLength={40} defaultValue={values.code ?? current?.code ?? ""} error={errors.code} />
        <Field name="name" label={t("orgAdmin.fields.counterName")} required maxLength={200} defaultValue={values.name ?? current?.name ?? ""} error={errors.name} />
      </div>
      <fieldset className="field" aria-describedby={errors.serviceIds ? "serviceIds-error" : undefined}>
        <legend>{t("orgAdmin.fields.counterServices")}</legend>
        {services.length === 0 ? <p className="muted">{t("orgAdmin.counters.noServices")}</p> : null}
        <div className="checkbox-columns">
          {services.map((service) => (
            <label key={service.id} className="choice">
              <input type="checkbox" name="serviceIds" value={service.id} defaultChecked={checked.has(String(service.id))} />
              {service.name}
            </label>
          ))}
        </div>
        {errors.serviceIds ? (
          <p className="field-error" id="serviceIds-error">
            {t(errors.serviceIds)}
          </p>
        ) : null}
      </fieldset>
    </>
  );
}

/** An officer's facts, unit and direct supervisor; the NIP only when the officer is new. */
export function OfficerFields({
  values,
  errors,
  units,
  supervisors,
  current,
}: {
  values: Record<string, string>;
  errors: Record<string, string | undefined>;
  units: readonly { value: string; label: string }[];
  supervisors: readonly { value: string; label: string }[];
  current?: { name: string; position: string; rank: string; unitId: number; supervisorId: number | null; email: string | null };
}) {
  const { t } = useTranslation();
  return (
    <>
      {current ? null : <Field name="nip" label={t("orgAdmin.fields.nip")} hint={t("orgAdmin.fields.nipHint")} required inputMode="numeric" maxLength={30} defaultValue={values.nip ?? ""} error={errors.nip} />}
      <Field name="name" label={t("orgAdmin.fields.officerName")} required maxLength={200} defaultValue={values.name ?? current?.name ?? ""} error={errors.name} />
      <div className="field-row">
        <Field name="position" label={t("orgAdmin.fields.position")} required maxLength={200} defaultValue={values.position ?? current?.position ?? ""} error={errors.position} />
        <Field name="rank" label={t("orgAdmin.fields.rank")} hint={t("orgAdmin.fields.rankHint")} required maxLength={100} defaultValue={values.rank ?? current?.rank ?? ""} error={errors.rank} />
      </div>
      <SelectField name="unitId" label={t("orgAdmin.fields.officerUnit")} required options={units} placeholder={t("orgAdmin.choose")} defaultValue={values.unitId ?? (current ? String(current.unitId) : "")} error={errors.unitId} />
      <SelectField
        name="supervisorId"
        label={t("orgAdmin.fields.supervisor")}
        hint={t("orgAdmin.fields.supervisorHint")}
        options={supervisors}
        placeholder={t("orgAdmin.fields.noSupervisor")}
        defaultValue={values.supervisorId ?? (current?.supervisorId ? String(current.supervisorId) : "")}
        error={errors.supervisorId}
      />
      <Field name="email" label={t("orgAdmin.fields.email")} type="email" maxLength={200} defaultValue={values.email ?? current?.email ?? ""} error={errors.email} />
    </>
  );
}
