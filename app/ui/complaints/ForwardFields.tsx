import { useState, useSyncExternalStore } from "react";
import { useTranslation } from "~/i18n/react";

const noSubscription = () => () => {};

interface ForwardTargets {
  units: { id: number; name: string }[];
  officers: { id: number; name: string; position: string; nip: string; unitId: number }[];
  suggestedUnitId: number | null;
}

/**
 * The unit a complaint is forwarded to and, if any, the officer given the right to reply. The chosen unit's
 * officers come first; every officer shows unit, position and NIP, so equal names are told apart. A search box
 * narrows the list by name, NIP or unit (with the browser's script; without it, the grouped list and the
 * browser's own type-to-find remain).
 */
export function ForwardFields({ targets, defaultOfficerId, error }: { targets: ForwardTargets; defaultOfficerId: number | null; error?: string }) {
  const { t } = useTranslation();
  const [unitId, setUnitId] = useState<number | null>(targets.suggestedUnitId ?? targets.units[0]?.id ?? null);
  const [search, setSearch] = useState("");
  // The search box works only with the browser's script: shown once the page is live.
  const scripted = useSyncExternalStore(noSubscription, () => true, () => false);
  const words = search.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const unitName = new Map(targets.units.map((unit) => [unit.id, unit.name]));
  const matches = (officer: ForwardTargets["officers"][number]) => {
    const text = `${officer.name} ${officer.nip} ${officer.position} ${unitName.get(officer.unitId) ?? ""}`.toLowerCase();
    return words.every((word) => text.includes(word));
  };
  const ordered = [...targets.units].sort((a, b) => Number(b.id === unitId) - Number(a.id === unitId));
  return (
    <>
      <div className="field">
        <label htmlFor="forward-unitId">{t("complaints.staff.forwardUnit")}</label>
        <select
          id="forward-unitId"
          name="unitId"
          defaultValue={unitId === null ? undefined : String(unitId)}
          onChange={(event) => setUnitId(Number(event.target.value))}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "forward-unitId-error" : undefined}
        >
          {targets.units.map((unit) => (
            <option key={unit.id} value={unit.id}>
              {unit.name}
            </option>
          ))}
        </select>
        {error ? (
          <p className="field-error" id="forward-unitId-error">
            {t(error)}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor="forward-officerId">{t("complaints.staff.forwardOfficer")}</label>
        <span className="hint" id="forward-officer-hint">
          {t("complaints.staff.forwardOfficerHint")}
        </span>
        <input
          type="search"
          aria-label={t("complaints.staff.forwardOfficerSearch")}
          placeholder={t("complaints.staff.forwardOfficerSearch")}
          value={search}
          hidden={!scripted}
          onChange={(event) => setSearch(event.target.value)}
          style={{ marginBottom: 6 }}
        />
        <select id="forward-officerId" name="officerId" defaultValue={defaultOfficerId === null ? "" : String(defaultOfficerId)} aria-describedby="forward-officer-hint">
          <option value="">{t("complaints.staff.noOfficer")}</option>
          {ordered.map((unit) => {
            const officers = targets.officers.filter((officer) => officer.unitId === unit.id && (matches(officer) || String(officer.id) === String(defaultOfficerId)));
            return officers.length === 0 ? null : (
              <optgroup key={unit.id} label={unit.name}>
                {officers.map((officer) => (
                  <option key={officer.id} value={officer.id}>
                    {officer.name} · {officer.position} · {unit.name} · NIP {officer.nip}
                  </option>
                ))}
              </optgroup>
            );
          })}
        </select>
      </div>
    </>
  );
}
