import { DEFAULT_MESHES, MESH_SETTING_VALUES, type MeshesSettings, type MeshId, type MeshSettings } from './model/injectors';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeverityOverride = Severity | 'off';

export interface Settings {
  /** Turns all Kubernetes diagnostics off. */
  validate: boolean;
  /** Target cluster version, "1.28" … "1.36". */
  kubernetesVersion: string;
  /** Per-rule severity or off, by rule id (schema codes too). */
  rules: Record<string, SeverityOverride>;
  /** Base URL of the rule pages (docs/rules/): diagnostics link `${docsBaseUrl}<id>.md`. */
  docsBaseUrl?: string;
  /** Which injectors to simulate (Istio, Linkerd, Vault) and the mode each injects in by default. */
  meshes: MeshesSettings;
  /** The editor's time budget per check of a file, in ms (`sidecar.validate.timeBudget`); the CLI has none. */
  timeBudget?: number;
}

/** Bounds of `sidecar.validate.timeBudget` (ms): below 100 nothing gets checked, above 10 minutes it is no budget. */
export const TIME_BUDGET_RANGE = { min: 100, max: 600_000, default: 5000 } as const;

export const DEFAULT_KUBERNETES_VERSION = '1.34';
export const SUPPORTED_KUBERNETES_VERSIONS = ['1.27', '1.28', '1.29', '1.30', '1.31', '1.32', '1.33', '1.34', '1.35', '1.36'];

export function defaultSettings(overrides: Partial<Settings> = {}): Settings {
  return { validate: true, kubernetesVersion: DEFAULT_KUBERNETES_VERSION, rules: {}, meshes: DEFAULT_MESHES, ...overrides };
}

/** The minor version of "1.34" / "v1.34.2" (34), or of the default when the text cannot be read. */
export function kubernetesMinor(version: string): number {
  const match = /^v?1\.(\d+)/.exec(version.trim());
  return match ? Number(match[1]) : Number(DEFAULT_KUBERNETES_VERSION.split('.')[1]);
}

const SEVERITIES: readonly string[] = ['error', 'warning', 'info', 'hint', 'off'];

export function isSeverityOverride(value: unknown): value is SeverityOverride {
  return typeof value === 'string' && SEVERITIES.includes(value);
}

/** Reads untrusted settings (from a client or a config file) into a Settings object, dropping what is wrong. */
/** http: and https: only: the link goes into every diagnostic, and a `command:` or `file:` URI there would run or open something. */
function isWebUrl(text: string): boolean {
  try {
    const { protocol } = new URL(text);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

export function normalizeSettings(input: unknown, base: Settings = defaultSettings()): Settings {
  const result: Settings = { ...base, rules: { ...base.rules }, meshes: { ...base.meshes } };
  if (!input || typeof input !== 'object') return result;
  const raw = input as Record<string, unknown>;
  const validate = raw.validate;
  if (validate && typeof validate === 'object' && typeof (validate as { enable?: unknown }).enable === 'boolean') {
    result.validate = (validate as { enable: boolean }).enable;
  } else if (typeof validate === 'boolean') {
    result.validate = validate;
  }
  const budget = validate && typeof validate === 'object' ? (validate as { timeBudget?: unknown }).timeBudget : undefined;
  if (typeof budget === 'number' && budget >= TIME_BUDGET_RANGE.min && budget <= TIME_BUDGET_RANGE.max) result.timeBudget = budget;
  if (typeof raw.kubernetesVersion === 'string' && /^v?1\.\d+/.test(raw.kubernetesVersion.trim())) {
    result.kubernetesVersion = raw.kubernetesVersion.trim().replace(/^v/, '').split('.').slice(0, 2).join('.');
  }
  if (raw.rules && typeof raw.rules === 'object') {
    for (const [id, level] of Object.entries(raw.rules as Record<string, unknown>)) {
      const value = typeof level === 'string' ? level.toLowerCase() : level;
      if (value === 'information') result.rules[id] = 'info';
      else if (isSeverityOverride(value)) result.rules[id] = value;
    }
  }
  if (typeof raw.docsBaseUrl === 'string' && isWebUrl(raw.docsBaseUrl)) result.docsBaseUrl = raw.docsBaseUrl;
  if (raw.meshes && typeof raw.meshes === 'object') result.meshes = readMeshes(raw.meshes, result.meshes);
  return result;
}

/** The per-mesh values of `input` that MESH_SETTING_VALUES allows, over `base`; anything else is left as it was. */
function readMeshes(input: object, base: MeshesSettings): MeshesSettings {
  const result: MeshesSettings = { ...base };
  for (const mesh of Object.keys(MESH_SETTING_VALUES) as MeshId[]) {
    const given: unknown = Object.hasOwn(input, mesh) ? (input as Record<string, unknown>)[mesh] : undefined;
    if (!given || typeof given !== 'object') continue;
    const next: Record<string, unknown> = { ...result[mesh] };
    for (const [name, values] of Object.entries(MESH_SETTING_VALUES[mesh])) {
      const value: unknown = Object.hasOwn(given, name) ? (given as Record<string, unknown>)[name] : undefined;
      if (values.some((allowed) => allowed === value)) next[name] = value;
    }
    result[mesh] = next as unknown as MeshSettings;
  }
  return result;
}
