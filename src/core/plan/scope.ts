/**
 * Which scope a Build applies: the workbook's own (remembered, or read from its sheets when it
 * predates the memory) unless the caller changes part of it explicitly, and then it says so.
 */
import { BuildOptions, defaultOptions, PROFILES, ProfileKey } from "../blueprint/options";
import { FieldError, OptionFields, parseBuildOptions } from "../blueprint/parseOptions";
import { getFramework, type Framework } from "../catalogs";
import { frameworkKeys, FrameworkKey, isCustomFrameworkKey } from "../frameworkKeys";
import { MatrixSize, ScoringMethod } from "../scales";
import type { OptionalRegisterKey } from "../registers/keys";
import { SCHEMA_VERSION, WorkbookMemory, WorkbookScope } from "./workbookMemory";

/** What a caller asks for; absent fields keep the workbook's own choice. */
export interface ScopeRequest {
  profile?: ProfileKey;
  frameworks?: FrameworkKey[];
  soc2Categories?: string[];
  matrixSize?: MatrixSize;
  method?: ScoringMethod;
  organisation?: string;
  sample?: boolean;
  /** Operations registers asked for (the profile's when absent); a register the workbook holds stays anyway. */
  registers?: OptionalRegisterKey[];
  /** The client the caller means (batch): a workbook that belongs to another is refused. */
  client?: string;
  /** Custom catalogs to add or update (`ismp framework add`): merged over the stored ones and put in scope. */
  catalogs?: Framework[];
}

export interface ResolvedScope {
  options: BuildOptions;
  /** Lines for the report: what changed and why. */
  changes: string[];
}

const frameworkNames = (keys: readonly FrameworkKey[]) => keys.map((k) => getFramework(k).shortName).join(", ");
const inCatalogOrder = (keys: Iterable<FrameworkKey>) => {
  const set = new Set(keys);
  return frameworkKeys().filter((k) => set.has(k));
};

/**
 * `current`: the workbook's scope (undefined for a new workbook). Frameworks only grow: a re-run
 * never removes a framework's columns and rows, so the scope keeps the ones already there.
 */
export function resolveScope(current: WorkbookScope | undefined, request: ScopeRequest): ResolvedScope {
  if (!current) {
    const base = defaultOptions(request.profile ?? "general");
    return {
      options: {
        ...base,
        frameworks: request.frameworks ?? base.frameworks,
        matrixSize: request.matrixSize ?? base.matrixSize,
        method: request.method ?? base.method,
        organisation: request.organisation ?? "",
        sample: request.sample ?? false,
        ...(request.soc2Categories ? { soc2Categories: request.soc2Categories } : {}),
        ...(request.registers ? { registers: request.registers } : {}),
      },
      changes: [],
    };
  }
  const changes: string[] = [];
  const profile = request.profile ?? current.profile;
  if (profile !== current.profile) changes.push(`Profile changed from ${PROFILES[current.profile].label} to ${PROFILES[profile].label}, as asked.`);
  const asked = request.frameworks ?? (request.profile && request.profile !== current.profile ? [...PROFILES[profile].frameworks] : []);
  const added = asked.filter((k) => !current.frameworks.includes(k));
  const frameworks = inCatalogOrder([...current.frameworks, ...asked]);
  if (added.length > 0) changes.push(`Frameworks added, as asked: ${frameworkNames(added)} (in scope now: ${frameworkNames(frameworks)}).`);
  const kept = profile !== current.profile ? current.frameworks.filter((k) => !asked.includes(k)) : [];
  if (kept.length > 0) changes.push(`Kept ${frameworkNames(kept)}: a re-run never removes a framework's columns or rows.`);
  const matrixSize = request.matrixSize ?? current.matrixSize;
  const method = request.method ?? current.method;
  if (method !== current.method) changes.push(`Scoring method set to ${method}, as asked (it applies where the Scales sheet is created; edit Scales > Scoring Method to change an existing one).`);
  const organisation = request.organisation ?? current.organisation;
  if (organisation !== current.organisation) changes.push(`Organisation changed from "${current.organisation}" to "${organisation}", as asked.`);
  const soc2Categories = request.soc2Categories ?? current.soc2Categories;
  if (request.soc2Categories && request.soc2Categories.join() !== (current.soc2Categories ?? []).join()) {
    changes.push(`SOC 2 categories in scope set to ${request.soc2Categories.join(", ")}, as asked.`);
  }
  return {
    options: {
      profile,
      frameworks,
      matrixSize,
      method,
      organisation,
      sample: request.sample ?? false,
      ...(soc2Categories ? { soc2Categories } : {}),
      ...(request.registers ? { registers: request.registers } : {}),
    },
    changes,
  };
}

/** The memory a build leaves behind (the plan adds the tables). */
export function nextMemory(options: BuildOptions, client: string): Omit<WorkbookMemory, "tables"> {
  // The user's own catalogs are remembered with the workbook: the only place they are kept.
  const customFrameworks = inCatalogOrder(options.frameworks).filter(isCustomFrameworkKey).map(getFramework);
  return {
    schemaVersion: SCHEMA_VERSION,
    profile: options.profile,
    frameworks: inCatalogOrder(options.frameworks),
    ...(options.soc2Categories ? { soc2Categories: [...options.soc2Categories] } : {}),
    matrixSize: options.matrixSize,
    method: options.method,
    organisation: options.organisation,
    client,
    ...(customFrameworks.length > 0 ? { customFrameworks } : {}),
  };
}

/** The report line for a workbook whose memory is older than this build's schema. */
export function schemaUpgradeNote(from: number, scope: WorkbookScope): string {
  return (
    `Upgraded the workbook from schema ${from} to ${SCHEMA_VERSION}: it now remembers its settings on the very hidden sheet "ISMP Settings" ` +
    `(profile ${PROFILES[scope.profile].label}; frameworks ${frameworkNames(scope.frameworks) || "none"}; matrix ${scope.matrixSize}x${scope.matrixSize}; ` +
    `scoring ${scope.method}${scope.organisation ? `; organisation "${scope.organisation}"` : ""}), and the names of its tables and columns so renames are followed.`
  );
}

/**
 * The scope a command line (flags, a CSV row) asks for: only the fields it names, so a plain
 * `ismp upgrade` keeps the workbook's own scope.
 */
export function scopeRequestFromFields(fields: OptionFields): { ok: true; request: ScopeRequest } | { ok: false; errors: FieldError[] } {
  const parsed = parseBuildOptions(fields);
  if (!parsed.ok) return parsed;
  const o = parsed.options;
  const given = (v: string | boolean | undefined) => v !== undefined && String(v).trim() !== "";
  const request: ScopeRequest = { sample: o.sample };
  if (given(fields.profile)) request.profile = o.profile;
  if (given(fields.frameworks)) request.frameworks = o.frameworks;
  if (given(fields.matrix)) request.matrixSize = o.matrixSize;
  if (given(fields.method)) request.method = o.method;
  if (fields.org !== undefined) request.organisation = o.organisation;
  if (given(fields.soc2)) request.soc2Categories = o.soc2Categories;
  if (given(fields.registers)) request.registers = o.registers;
  return { ok: true, request };
}
