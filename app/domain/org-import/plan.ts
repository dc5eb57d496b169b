// An organisation import checked as a whole against what the portal holds for the agency, and what it would
// change: added, updated (by code, or NIP for officers), unchanged, and retired (only with retireMissing, only for
// the sheets given). References resolve against the state after the import: the files' rows plus what stays.
// Pure; the data layer applies the plan in one transaction. This file is long because the five sheets' rules
// belong together: each refers to the others.

import { patternProblem, patternsOverlap } from "../roster";
import { readSheets, type CounterRow, type ImportFiles, type ImportProblem, type OfficerRow, type PatternRow, type ProblemReason, type ServiceRow, type UnitRow } from "./sheets";
import { codeKey, type ImportUnitKind } from "./values";

export interface ExistingUnit { id: number; code: string | null; name: string; kind: string; parentId: number | null; address: string | null; retired: boolean }
export interface ExistingService {
  id: number; code: string | null; unitId: number; name: string; requirements: string; procedure: string; completionDays: number;
  feeRupiah: number; product: string; complaintChannel: string; usersPerYear: number | null; retired: boolean;
}
export interface ExistingCounter { id: number; code: string | null; unitId: number; name: string; serviceIds: number[]; retired: boolean }
export interface ExistingOfficer {
  id: number; nip: string; name: string; position: string; rank: string; unitId: number; supervisorId: number | null; email: string | null; retired: boolean;
}
export interface ExistingPattern { id: number; counterId: number; officerId: number; weekdays: number[]; starts: string; ends: string; validFrom: string; validTo: string }

export interface ExistingOrganisation {
  units: ExistingUnit[];
  services: ExistingService[];
  counters: ExistingCounter[];
  officers: ExistingOfficer[];
  patterns: ExistingPattern[];
  /** NIPs held by officers of other agencies (a NIP is one person, nationally). */
  foreignNips: ReadonlySet<string>;
}

export interface ImportOptions {
  retireMissing: boolean;
  today: Date;
  zone: string;
}

export interface Updated<Row> { id: number; row: Row; fields: string[] }
export interface Retired { id: number; label: string }
export interface EntityPlan<Row> { added: Row[]; updated: Updated<Row>[]; unchanged: number; retired: Retired[] }

export interface ImportPlan {
  units: EntityPlan<UnitRow>;
  services: EntityPlan<ServiceRow>;
  counters: EntityPlan<CounterRow>;
  officers: EntityPlan<OfficerRow>;
  patterns: EntityPlan<PatternRow>;
}

export type ImportCheck = { ok: true; plan: ImportPlan; changes: number } | { ok: false; problems: ImportProblem[] };

const emptyPlan = <Row>(): EntityPlan<Row> => ({ added: [], updated: [], unchanged: 0, retired: [] });

/** A unit, service, counter or officer after the import: from a file row, or kept from the portal. */
interface Entry<Row, Existing> { key: string; row?: Row; existing?: Existing }

export function planImport(files: ImportFiles, existing: ExistingOrganisation, options: ImportOptions): ImportCheck {
  const { rows, problems } = readSheets(files, options.today, options.zone);
  const report = (file: string, line: number, reason: ProblemReason, params?: ImportProblem["params"]) =>
    problems.push({ file, line, reason, ...(params ? { params } : {}) });
  const fileOf = (sheet: keyof ImportFiles) => files[sheet]?.file ?? `${sheet}.csv`;
  const plan: ImportPlan = { units: emptyPlan(), services: emptyPlan(), counters: emptyPlan(), officers: emptyPlan(), patterns: emptyPlan() };

  // ---- units
  const unitById = new Map(existing.units.map((unit) => [unit.id, unit]));
  // A unit the files adopt (matched by code, or an uncoded one by name) is known by the files' code from then on.
  const adopted = new Map<number, string>();
  const unitKeyOf = (unit: ExistingUnit) => adopted.get(unit.id) ?? (unit.code ? codeKey(unit.code) : `#${unit.id}`);
  const units = new Map<string, Entry<UnitRow, ExistingUnit>>();
  const matchedUnitIds = new Set<number>();
  if (rows.unit) {
    const seen = new Map<string, number>();
    for (const row of rows.unit) {
      const first = seen.get(row.code);
      if (first !== undefined) {
        report(fileOf("unit"), row.line, "duplicateCode", { code: row.code, line: first });
        continue;
      }
      seen.set(row.code, row.line);
      const match =
        existing.units.find((unit) => unit.code !== null && codeKey(unit.code) === row.code) ??
        existing.units.find((unit) => unit.code === null && !matchedUnitIds.has(unit.id) && unit.name.toLowerCase() === row.name.toLowerCase()) ??
        (row.parentCode === null ? existing.units.find((unit) => unit.code === null && unit.parentId === null && !matchedUnitIds.has(unit.id)) : undefined);
      if (match) {
        matchedUnitIds.add(match.id);
        adopted.set(match.id, row.code);
      }
      units.set(row.code, { key: row.code, row, existing: match });
    }
  }
  for (const unit of existing.units) {
    if (matchedUnitIds.has(unit.id) || unit.retired) continue;
    if (rows.unit && options.retireMissing && unit.code !== null) plan.units.retired.push({ id: unit.id, label: `${unit.code} ${unit.name}` });
    else units.set(unitKeyOf(unit), { key: unitKeyOf(unit), existing: unit });
  }
  const parentKeyOf = (entry: Entry<UnitRow, ExistingUnit>): string | null => {
    if (entry.row) return entry.row.parentCode;
    const parent = entry.existing!.parentId === null ? undefined : unitById.get(entry.existing!.parentId);
    return parent ? unitKeyOf(parent) : null;
  };
  if (rows.unit) {
    const tops = [...units.values()].filter((entry) => parentKeyOf(entry) === null);
    const existingTop = tops.find((entry) => entry.existing && entry.existing.parentId === null);
    for (const entry of units.values()) {
      const row = entry.row;
      if (!row) continue;
      if (row.parentCode === null) {
        const other = existingTop && existingTop !== entry ? existingTop : tops.find((top) => top !== entry && top.row && top.row.line < row.line);
        if (other) report(fileOf("unit"), row.line, "secondTopUnit", { code: other.row?.code ?? other.existing?.code ?? other.existing?.name ?? "" });
        continue;
      }
      if (!units.has(row.parentCode)) {
        report(fileOf("unit"), row.line, "unknownParent", { code: row.parentCode });
        continue;
      }
      // Walk up; meeting this unit again is a cycle.
      let key: string | null = row.parentCode;
      for (let steps = 0; key !== null && steps <= units.size; steps++) {
        if (key === row.code) {
          report(fileOf("unit"), row.line, "parentCycle", { code: row.parentCode });
          break;
        }
        const next = units.get(key);
        key = next ? parentKeyOf(next) : null;
      }
    }
    for (const entry of units.values()) {
      if (!entry.row) continue;
      if (!entry.existing) {
        plan.units.added.push(entry.row);
        continue;
      }
      const before = entry.existing;
      const parent = before.parentId === null ? null : unitById.get(before.parentId);
      const fields = changed({
        code: before.code === null || codeKey(before.code) !== entry.row.code,
        name: before.name !== entry.row.name,
        kind: before.kind !== entry.row.kind,
        parent: (parent ? unitKeyOf(parent) : null) !== entry.row.parentCode,
        address: (before.address ?? null) !== entry.row.address,
        reactivated: before.retired,
      });
      if (fields.length > 0) plan.units.updated.push({ id: before.id, row: entry.row, fields });
      else plan.units.unchanged++;
    }
  }
  const unitKeyOfId = (unitId: number) => {
    const unit = unitById.get(unitId);
    return unit ? unitKeyOf(unit) : `#${unitId}`;
  };

  // ---- services (codes are unique across the agency, so a counter's list can name them alone)
  const serviceById = new Map(existing.services.map((service) => [service.id, service]));
  const adoptedServices = new Map<number, string>();
  const serviceKeyOf = (service: ExistingService) => adoptedServices.get(service.id) ?? (service.code ? codeKey(service.code) : `#${service.id}`);
  const services = new Map<string, Entry<ServiceRow, ExistingService>>();
  const matchedServiceIds = new Set<number>();
  if (rows.layanan) {
    const seen = new Map<string, number>();
    const names = new Map<string, number>();
    for (const row of rows.layanan) {
      const first = seen.get(row.code);
      if (first !== undefined) {
        report(fileOf("layanan"), row.line, "duplicateCode", { code: row.code, line: first });
        continue;
      }
      seen.set(row.code, row.line);
      const nameKey = `${row.unitCode}|${row.name.toLowerCase()}`;
      const sameName = names.get(nameKey);
      if (sameName !== undefined) report(fileOf("layanan"), row.line, "duplicateName", { name: row.name, line: sameName });
      names.set(nameKey, row.line);
      if (!units.has(row.unitCode)) report(fileOf("layanan"), row.line, "unknownUnit", { code: row.unitCode });
      const match =
        existing.services.find((service) => service.code !== null && codeKey(service.code) === row.code) ??
        existing.services.find(
          (service) => service.code === null && !matchedServiceIds.has(service.id) && unitKeyOfId(service.unitId) === row.unitCode && service.name.toLowerCase() === row.name.toLowerCase(),
        );
      if (match) {
        matchedServiceIds.add(match.id);
        adoptedServices.set(match.id, row.code);
      }
      services.set(row.code, { key: row.code, row, existing: match });
    }
  }
  for (const service of existing.services) {
    if (matchedServiceIds.has(service.id) || service.retired) continue;
    if (rows.layanan && options.retireMissing && service.code !== null) plan.services.retired.push({ id: service.id, label: `${service.code} ${service.name}` });
    else services.set(serviceKeyOf(service), { key: serviceKeyOf(service), existing: service });
  }
  const serviceUnitKey = (entry: Entry<ServiceRow, ExistingService>) => entry.row?.unitCode ?? unitKeyOfId(entry.existing!.unitId);
  // A name stays unique within its unit: a service kept from the portal may already carry it.
  for (const entry of services.values()) {
    const row = entry.row;
    if (!row) continue;
    const taken = [...services.values()].find((other) => other !== entry && !other.row && serviceUnitKey(other) === row.unitCode && other.existing!.name.toLowerCase() === row.name.toLowerCase());
    if (taken) report(fileOf("layanan"), row.line, "nameTaken", { name: row.name, code: taken.existing!.code ?? "" });
  }
  for (const entry of services.values()) {
    if (!entry.row) continue;
    if (!entry.existing) {
      plan.services.added.push(entry.row);
      continue;
    }
    const before = entry.existing;
    const row = entry.row;
    const fields = changed({
      code: before.code === null,
      unit: unitKeyOfId(before.unitId) !== row.unitCode,
      name: before.name !== row.name,
      requirements: before.requirements !== row.requirements,
      procedure: before.procedure !== row.procedure,
      completionDays: before.completionDays !== row.completionDays,
      fee: before.feeRupiah !== row.feeRupiah,
      product: before.product !== row.product,
      complaintChannel: before.complaintChannel !== row.complaintChannel,
      usersPerYear: before.usersPerYear !== row.usersPerYear,
      reactivated: before.retired,
    });
    if (fields.length > 0) plan.services.updated.push({ id: before.id, row, fields });
    else plan.services.unchanged++;
  }

  // ---- counters
  const counterById = new Map(existing.counters.map((counter) => [counter.id, counter]));
  const counterKeyOf = (counter: ExistingCounter) => (counter.code ? codeKey(counter.code) : `#${counter.id}`);
  const counters = new Map<string, Entry<CounterRow, ExistingCounter>>();
  const matchedCounterIds = new Set<number>();
  if (rows.loket) {
    const seen = new Map<string, number>();
    for (const row of rows.loket) {
      const first = seen.get(row.code);
      if (first !== undefined) {
        report(fileOf("loket"), row.line, "duplicateCode", { code: row.code, line: first });
        continue;
      }
      seen.set(row.code, row.line);
      if (!units.has(row.unitCode)) report(fileOf("loket"), row.line, "unknownUnit", { code: row.unitCode });
      for (const serviceCode of row.serviceCodes) {
        const service = services.get(serviceCode);
        if (!service) report(fileOf("loket"), row.line, "unknownService", { code: serviceCode });
        else if (serviceUnitKey(service) !== row.unitCode) report(fileOf("loket"), row.line, "serviceOfOtherUnit", { code: serviceCode, unit: row.unitCode });
      }
      const match =
        existing.counters.find((counter) => counter.code !== null && codeKey(counter.code) === row.code) ??
        existing.counters.find(
          (counter) => counter.code === null && !matchedCounterIds.has(counter.id) && unitKeyOfId(counter.unitId) === row.unitCode && counter.name.toLowerCase() === row.name.toLowerCase(),
        );
      if (match) matchedCounterIds.add(match.id);
      counters.set(row.code, { key: row.code, row, existing: match });
    }
  }
  for (const counter of existing.counters) {
    if (matchedCounterIds.has(counter.id) || counter.retired) continue;
    if (rows.loket && options.retireMissing && counter.code !== null) plan.counters.retired.push({ id: counter.id, label: `${counter.code} ${counter.name}` });
    else counters.set(counterKeyOf(counter), { key: counterKeyOf(counter), existing: counter });
  }
  for (const entry of counters.values()) {
    const row = entry.row;
    if (!row) continue;
    const taken = [...counters.values()].find((other) => other !== entry && !other.row && unitKeyOfId(other.existing!.unitId) === row.unitCode && other.existing!.name.toLowerCase() === row.name.toLowerCase());
    if (taken) report(fileOf("loket"), row.line, "nameTaken", { name: row.name, code: taken.existing!.code ?? "" });
  }
  for (const entry of counters.values()) {
    if (!entry.row) continue;
    if (!entry.existing) {
      plan.counters.added.push(entry.row);
      continue;
    }
    const before = entry.existing;
    const beforeServices = before.serviceIds.map((id) => { const service = serviceById.get(id); return service ? serviceKeyOf(service) : `#${id}`; }).sort();
    const fields = changed({
      code: before.code === null,
      unit: unitKeyOfId(before.unitId) !== entry.row.unitCode,
      name: before.name !== entry.row.name,
      services: beforeServices.join(";") !== [...entry.row.serviceCodes].sort().join(";"),
      reactivated: before.retired,
    });
    if (fields.length > 0) plan.counters.updated.push({ id: before.id, row: entry.row, fields });
    else plan.counters.unchanged++;
  }

  // ---- officers, by NIP
  const officerById = new Map(existing.officers.map((officer) => [officer.id, officer]));
  const officers = new Map<string, Entry<OfficerRow, ExistingOfficer>>();
  const matchedOfficerIds = new Set<number>();
  if (rows.pegawai) {
    const seen = new Map<string, number>();
    for (const row of rows.pegawai) {
      const first = seen.get(row.nip);
      if (first !== undefined) {
        report(fileOf("pegawai"), row.line, "duplicateNip", { nip: row.nip, line: first });
        continue;
      }
      seen.set(row.nip, row.line);
      if (existing.foreignNips.has(row.nip)) report(fileOf("pegawai"), row.line, "nipOfOtherAgency", { nip: row.nip });
      if (!units.has(row.unitCode)) report(fileOf("pegawai"), row.line, "unknownUnit", { code: row.unitCode });
      const match = existing.officers.find((officer) => officer.nip === row.nip);
      if (match) matchedOfficerIds.add(match.id);
      officers.set(row.nip, { key: row.nip, row, existing: match });
    }
  }
  for (const officer of existing.officers) {
    if (matchedOfficerIds.has(officer.id) || officer.retired) continue;
    if (rows.pegawai && options.retireMissing) plan.officers.retired.push({ id: officer.id, label: `${officer.nip} ${officer.name}` });
    else officers.set(officer.nip, { key: officer.nip, existing: officer });
  }
  const supervisorOf = (entry: Entry<OfficerRow, ExistingOfficer>): string | null => {
    if (entry.row) return entry.row.supervisorNip;
    const supervisor = entry.existing!.supervisorId === null ? undefined : officerById.get(entry.existing!.supervisorId);
    return supervisor ? supervisor.nip : null;
  };
  for (const entry of officers.values()) {
    const row = entry.row;
    if (!row || row.supervisorNip === null) continue;
    if (row.supervisorNip === row.nip) report(fileOf("pegawai"), row.line, "selfSupervisor");
    else if (!officers.has(row.supervisorNip)) report(fileOf("pegawai"), row.line, "unknownSupervisor", { nip: row.supervisorNip });
    else {
      let nip: string | null = row.supervisorNip;
      for (let steps = 0; nip !== null && steps <= officers.size; steps++) {
        if (nip === row.nip) {
          report(fileOf("pegawai"), row.line, "supervisorCycle", { nip: row.supervisorNip });
          break;
        }
        const next = officers.get(nip);
        nip = next ? supervisorOf(next) : null;
      }
    }
  }
  for (const entry of officers.values()) {
    if (!entry.row) continue;
    if (!entry.existing) {
      plan.officers.added.push(entry.row);
      continue;
    }
    const before = entry.existing;
    const row = entry.row;
    const supervisor = before.supervisorId === null ? undefined : officerById.get(before.supervisorId);
    const fields = changed({
      name: before.name !== row.name,
      position: before.position !== row.position,
      rank: before.rank !== row.rank,
      unit: unitKeyOfId(before.unitId) !== row.unitCode,
      supervisor: (supervisor?.nip ?? null) !== row.supervisorNip,
      email: (before.email ?? null) !== row.email,
      reactivated: before.retired,
    });
    if (fields.length > 0) plan.officers.updated.push({ id: before.id, row, fields });
    else plan.officers.unchanged++;
  }

  // ---- duty patterns: a row is the same shift when counter, officer, days, times and start date agree
  if (rows.jadwal) {
    const patternKey = (counter: string, nip: string, weekdays: readonly number[], starts: string, ends: string, validFrom: string) =>
      [counter, nip, [...weekdays].sort().join(","), starts.slice(0, 5), ends.slice(0, 5), validFrom].join("|");
    const existingByKey = new Map<string, ExistingPattern>();
    for (const pattern of existing.patterns) {
      const counter = counterById.get(pattern.counterId);
      const officer = officerById.get(pattern.officerId);
      if (!counter || !officer) continue;
      existingByKey.set(patternKey(counterKeyOf(counter), officer.nip, pattern.weekdays, pattern.starts, pattern.ends, pattern.validFrom), pattern);
    }
    const seen = new Map<string, number>();
    const checked: PatternRow[] = [];
    const matched = new Set<number>();
    for (const row of rows.jadwal) {
      const file = fileOf("jadwal");
      let bad = false;
      const fail = (reason: ProblemReason, params?: ImportProblem["params"]) => {
        bad = true;
        report(file, row.line, reason, params);
      };
      if (!counters.has(row.counterCode)) fail("unknownCounter", { code: row.counterCode });
      if (!officers.has(row.nip)) fail("unknownOfficer", { nip: row.nip });
      const problem = patternProblem({ officer: row.nip, ...row });
      if (problem) fail(problem === "tooLong" ? "tooLongPeriod" : problem);
      const key = patternKey(row.counterCode, row.nip, row.weekdays, row.starts, row.ends, row.validFrom);
      const first = seen.get(key);
      if (first !== undefined) fail("duplicateShift", { line: first });
      seen.set(key, row.line);
      if (bad) continue;
      const clash = checked.find((other) => other.nip === row.nip && patternsOverlap({ officer: other.nip, ...other }, { officer: row.nip, ...row }));
      if (clash) {
        fail("overlap", { at: `${file}:${clash.line}` });
        continue;
      }
      checked.push(row);
      const match = existingByKey.get(key);
      if (match) {
        matched.add(match.id);
        if (match.validTo === row.validTo) plan.patterns.unchanged++;
        else plan.patterns.updated.push({ id: match.id, row, fields: ["validTo"] });
      } else plan.patterns.added.push(row);
    }
    for (const pattern of existing.patterns) {
      if (matched.has(pattern.id)) continue;
      const counter = counterById.get(pattern.counterId);
      const officer = officerById.get(pattern.officerId);
      const label = `${counter?.code ?? counter?.name ?? pattern.counterId} ${officer?.nip ?? pattern.officerId} ${pattern.starts.slice(0, 5)}–${pattern.ends.slice(0, 5)}`;
      if (options.retireMissing) {
        plan.patterns.retired.push({ id: pattern.id, label });
        continue;
      }
      // A shift kept in the portal still counts against the new ones.
      if (!officer) continue;
      const kept = { officer: officer.nip, weekdays: pattern.weekdays, starts: pattern.starts.slice(0, 5), ends: pattern.ends.slice(0, 5), validFrom: pattern.validFrom, validTo: pattern.validTo };
      for (const row of checked) {
        if (row.nip === officer.nip && patternsOverlap(kept, { officer: row.nip, ...row })) {
          report(fileOf("jadwal"), row.line, "overlapExisting", { counter: counter?.code ?? counter?.name ?? "", from: kept.starts, to: kept.ends });
        }
      }
    }
  }

  if (problems.length > 0) return { ok: false, problems: sortProblems(problems) };
  const changes = Object.values(plan).reduce((sum: number, entity: EntityPlan<unknown>) => sum + entity.added.length + entity.updated.length + entity.retired.length, 0);
  return { ok: true, plan, changes };
}

function changed(fields: Record<string, boolean>): string[] {
  return Object.entries(fields)
    .filter(([, differs]) => differs)
    .map(([field]) => field);
}

const SHEET_ORDER = ["unit", "layanan", "loket", "pegawai", "jadwal"];

function sortProblems(problems: ImportProblem[]): ImportProblem[] {
  const rank = (file: string) => {
    const index = SHEET_ORDER.findIndex((sheet) => file.includes(sheet));
    return index === -1 ? SHEET_ORDER.length : index;
  };
  return [...problems].sort((a, b) => rank(a.file) - rank(b.file) || a.file.localeCompare(b.file) || a.line - b.line);
}

/** Units in an order where every parent comes before its children (for inserting). */
export function parentsFirst(rows: readonly UnitRow[]): UnitRow[] {
  const byCode = new Map(rows.map((row) => [row.code, row]));
  const done = new Set<string>();
  const out: UnitRow[] = [];
  const visit = (row: UnitRow, depth: number) => {
    if (done.has(row.code) || depth > rows.length) return;
    const parent = row.parentCode ? byCode.get(row.parentCode) : undefined;
    if (parent) visit(parent, depth + 1);
    done.add(row.code);
    out.push(row);
  };
  for (const row of rows) visit(row, 0);
  return out;
}

export type { ImportUnitKind };
