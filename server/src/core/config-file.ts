import { isMap, isScalar, parseDocument } from 'yaml';
import { keySpan, nodeSpan, scalarText, valueSpan, type PairNode, type Span } from './parse/nodes';
import { configurableCodeIds, docsHref } from './codes';
import type { Finding } from './findings';
import { closest } from './text/closest';
import { DEFAULT_MESHES, MESH_SETTING_VALUES, type MeshesSettings, type MeshId, type MeshSettings } from './model/injectors';
import { SUPPORTED_KUBERNETES_VERSIONS, type Settings, type SeverityOverride } from './settings';
import { own } from './text/own';

/** Names the config file may have, in the order they are looked for in one folder. */
export const CONFIG_FILE_NAMES = ['.sidecarlint.yaml', '.sidecarlint.yml'] as const;

/** What a config file sets: only the keys it names, so a merge can tell "set" from "left out". */
export type ConfigSettings = Partial<Pick<Settings, 'kubernetesVersion' | 'rules'>> & { meshes?: Partial<Record<MeshId, Partial<MeshSettings>>> };

/** The top-level keys of the file. */
const TOP_LEVEL_KEYS = ['kubernetesVersion', 'rules', 'meshes', 'root'];

export interface ConfigProblem extends Span {
  severity: 'error' | 'warning';
  message: string;
}

export interface ConfigFile {
  settings: ConfigSettings;
  problems: ConfigProblem[];
}

const SEVERITY_WORDS: Record<string, SeverityOverride> = {
  error: 'error',
  warning: 'warning',
  warn: 'warning',
  info: 'info',
  information: 'info',
  hint: 'hint',
  off: 'off',
};

/**
 * Reads `.sidecarlint.yaml`:
 *
 * ```yaml
 * kubernetesVersion: "1.33"
 * rules:
 *   image-tag: off
 *   missing-probes: warning
 * meshes:                  # the editor's sidecar.meshes.* settings, same names and values
 *   istio: { enabled: true, defaultMode: native }
 * ```
 *
 * Whatever is wrong is skipped and reported with its span, so one typo does not drop the rest of the file.
 */
export function parseConfigFile(text: string, knownIds: readonly string[] = defaultKnownIds()): ConfigFile {
  const problems: ConfigProblem[] = [];
  const settings: ConfigSettings = {};
  const document = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  for (const error of document.errors) {
    // The parser may point one past the end of the text (an unclosed `[`): keep spans inside it.
    const start = Math.min(error.pos[0], Math.max(0, text.length - 1));
    const end = Math.min(Math.max(error.pos[1], start + 1), text.length);
    problems.push({ start, end, severity: 'error', message: `YAML syntax error: ${error.message.split('\n')[0]}` });
  }
  const root = document.contents;
  // An empty or comments-only file configures nothing.
  if (root === null || root === undefined) return { settings, problems };
  if (!isMap(root)) {
    problems.push({ ...(nodeSpan(root) ?? { start: 0, end: 0 }), severity: 'error', message: 'The config file must be a map with `kubernetesVersion`, `rules` and `meshes`.' });
    return { settings, problems };
  }
  for (const pair of root.items as PairNode[]) {
    const key = scalarText(pair.key);
    const at = keySpan(pair) ?? { start: 0, end: 0 };
    if (key === 'kubernetesVersion') {
      const version = readVersion(pair, problems);
      if (version) settings.kubernetesVersion = version;
    } else if (key === 'rules') {
      settings.rules = readRules(pair, knownIds, problems);
    } else if (key === 'meshes') {
      const meshes = readMeshes(pair, problems);
      if (meshes) settings.meshes = meshes;
    } else if (key === 'root') {
      // `root: true` marks the config as the project's own. The nearest config is the only one read, so the lookup
      // stops at it anyway; the key is accepted so a config can say so, as ESLint's can.
      if (typeof (pair.value as { value?: unknown } | null)?.value !== 'boolean') {
        problems.push({ ...(valueSpan(pair) ?? at), severity: 'error', message: '`root` must be true or false.' });
      }
    } else {
      const suggestion = key ? closest(key, TOP_LEVEL_KEYS) : undefined;
      problems.push({ ...at, severity: 'warning', message: `Unknown setting "${key ?? ''}"${suggestion ? `: did you mean "${suggestion}"?` : '; the config file knows `kubernetesVersion`, `rules` and `meshes`.'}` });
    }
  }
  return { settings, problems };
}

function readVersion(pair: PairNode, problems: ConfigProblem[]): string | undefined {
  const at = valueSpan(pair) ?? { start: 0, end: 0 };
  // `1.30` unquoted is the number 1.3 to YAML: read the source text instead of the value.
  const raw = typeof (pair.value as { source?: unknown })?.source === 'string' ? (pair.value as { source: string }).source : scalarText(pair.value);
  const match = raw === undefined ? null : /^v?(1\.\d+)(\.\d+)?$/.exec(raw.trim());
  const version = match?.[1];
  if (!version || !SUPPORTED_KUBERNETES_VERSIONS.includes(version)) {
    problems.push({ ...at, severity: 'error', message: `Unsupported kubernetesVersion "${raw ?? ''}": use one of ${SUPPORTED_KUBERNETES_VERSIONS.join(', ')} (as a quoted string, e.g. "1.33").` });
    return undefined;
  }
  return version;
}

function readRules(pair: PairNode, knownIds: readonly string[], problems: ConfigProblem[]): Record<string, SeverityOverride> {
  const rules: Record<string, SeverityOverride> = {};
  const map = pair.value;
  if (!isMap(map)) {
    if (pair.value !== null && scalarText(pair.value) !== undefined)
      problems.push({ ...(valueSpan(pair) ?? { start: 0, end: 0 }), severity: 'error', message: '`rules` must be a map of rule id to severity, e.g. `image-tag: off`.' });
    return rules;
  }
  for (const item of map.items as PairNode[]) {
    const id = scalarText(item.key);
    const idSpan = keySpan(item) ?? { start: 0, end: 0 };
    if (!id) continue;
    if (!knownIds.includes(id)) {
      const suggestion = closest(id, knownIds);
      // Still applied below: a newer CLI or extension may know the rule this one does not.
      problems.push({ ...idSpan, severity: 'warning', message: `Unknown rule "${id}"${suggestion ? `: did you mean "${suggestion}"?` : '.'}` });
    }
    // `off` is a string in YAML 1.2 but `false` to some YAML 1.1 tools; accept both spellings.
    const raw = scalarText(item.value);
    const level = raw === undefined ? undefined : raw === 'false' ? 'off' : own(SEVERITY_WORDS, raw.toLowerCase());
    if (!level) {
      problems.push({ ...(valueSpan(item) ?? idSpan), severity: 'error', message: `Bad severity "${raw ?? ''}" for rule "${id}": use error, warning, info, hint or off.` });
      continue;
    }
    rules[id] = level;
  }
  return rules;
}

/**
 * `meshes:` as the editor's `sidecar.meshes.*` settings, nested: `meshes: {istio: {enabled: false}}`. The names and
 * values are MESH_SETTING_VALUES'; an unknown mesh or setting is a warning with a "did you mean", a bad value an
 * error naming the allowed ones, and either is skipped.
 */
function readMeshes(pair: PairNode, problems: ConfigProblem[]): ConfigSettings['meshes'] {
  const map = pair.value;
  if (!isMap(map)) {
    if (!isEmpty(pair.value)) problems.push({ ...(valueSpan(pair) ?? keySpan(pair) ?? { start: 0, end: 0 }), severity: 'error', message: '`meshes` must be a map of mesh to settings, e.g. `istio: {defaultMode: native}`.' });
    return undefined;
  }
  const meshIds = Object.keys(MESH_SETTING_VALUES) as MeshId[];
  const result: NonNullable<ConfigSettings['meshes']> = {};
  for (const item of map.items as PairNode[]) {
    const mesh = scalarText(item.key);
    const at = keySpan(item) ?? { start: 0, end: 0 };
    if (!mesh) continue;
    if (!meshIds.includes(mesh as MeshId)) {
      const suggestion = closest(mesh, meshIds);
      problems.push({ ...at, severity: 'warning', message: `Unknown mesh "${mesh}"${suggestion ? `: did you mean "${suggestion}"?` : `; the meshes are ${meshIds.join(', ')}.`}` });
      continue;
    }
    const settings = readMeshSettings(mesh as MeshId, item, problems);
    if (settings) result[mesh as MeshId] = settings;
  }
  return result;
}

function readMeshSettings(mesh: MeshId, pair: PairNode, problems: ConfigProblem[]): Partial<MeshSettings> | undefined {
  const map = pair.value;
  const allowed = MESH_SETTING_VALUES[mesh];
  const names = Object.keys(allowed);
  if (!isMap(map)) {
    if (!isEmpty(pair.value)) problems.push({ ...(valueSpan(pair) ?? keySpan(pair) ?? { start: 0, end: 0 }), severity: 'error', message: `\`meshes.${mesh}\` must be a map with ${names.map((n) => `\`${n}\``).join(' and ')}.` });
    return undefined;
  }
  const result: Record<string, unknown> = {};
  for (const item of map.items as PairNode[]) {
    const name = scalarText(item.key);
    const at = keySpan(item) ?? { start: 0, end: 0 };
    if (!name) continue;
    const values = Object.hasOwn(allowed, name) ? allowed[name as keyof MeshSettings] : undefined;
    if (!values) {
      const other = meshesWith(name);
      const suggestion = closest(name, names);
      const message = other.length
        ? `\`${name}\` is not a setting of ${mesh}: only ${other.join(' and ')} ${other.length > 1 ? 'have' : 'has'} it${mesh === 'vault' && name === 'defaultMode' ? ' (the Vault injector adds a regular container; it has no native mode)' : ''}.`
        : `Unknown setting "${name}" of meshes.${mesh}${suggestion ? `: did you mean "${suggestion}"?` : `; it has ${names.join(', ')}.`}`;
      problems.push({ ...at, severity: 'warning', message });
      continue;
    }
    const value = (item.value as { value?: unknown } | null)?.value;
    const found = values.find((v) => v === value);
    if (found === undefined) {
      const written = item.value === null ? '' : (scalarText(item.value) ?? '');
      problems.push({ ...(valueSpan(item) ?? at), severity: 'error', message: `Bad value "${written}" for meshes.${mesh}.${name}: use ${values.map(String).join(' or ')}${typeof values[0] === 'boolean' ? ' (unquoted)' : ''}.` });
      continue;
    }
    result[name] = found;
  }
  return result as Partial<MeshSettings>;
}

/** `key:` with nothing after it: configures nothing, as an empty map would. */
function isEmpty(node: unknown): boolean {
  return node === null || node === undefined || (isScalar(node) && node.value === null);
}

/** The meshes that have a setting of this name. */
function meshesWith(name: string): MeshId[] {
  return (Object.keys(MESH_SETTING_VALUES) as MeshId[]).filter((mesh) => Object.hasOwn(MESH_SETTING_VALUES[mesh], name));
}

function defaultKnownIds(): string[] {
  return configurableCodeIds();
}

/**
 * Editor settings merged with a config file. The file is the project's shared truth (the CLI reads it too), so
 * it overrides what the editor only holds by default; a rule level the user set explicitly in the editor wins.
 * VS Code sends `kubernetesVersion` with its default filled in, so a value equal to the default counts as unset.
 */
export function mergeConfig(editor: Settings, config: ConfigSettings, editorDefaultVersion: string): Settings {
  const kubernetesVersion =
    config.kubernetesVersion && editor.kubernetesVersion === editorDefaultVersion ? config.kubernetesVersion : editor.kubernetesVersion;
  return { ...editor, kubernetesVersion, rules: { ...config.rules, ...editor.rules }, meshes: mergeMeshes(editor.meshes, config.meshes) };
}

/** Per mesh and setting, as `kubernetesVersion`: the file's value applies while the editor's is the default. */
function mergeMeshes(editor: MeshesSettings, config: ConfigSettings['meshes']): MeshesSettings {
  if (!config) return editor;
  const result: MeshesSettings = { ...editor };
  for (const mesh of Object.keys(config) as MeshId[]) {
    const merged: Record<string, unknown> = { ...editor[mesh] };
    for (const [name, value] of Object.entries(config[mesh] ?? {})) {
      if (merged[name] === DEFAULT_MESHES[mesh][name as keyof MeshSettings]) merged[name] = value;
    }
    result[mesh] = merged as unknown as MeshSettings;
  }
  return result;
}

/** Whether a path or URI names a config file (its diagnostics come from `configFileFindings`, not the validator). */
export function isConfigFile(pathOrUri: string): boolean {
  return CONFIG_FILE_NAMES.some((name) => pathOrUri.endsWith(`/${name}`) || pathOrUri.endsWith(`\\${name}`) || pathOrUri === name);
}

/** The problems of a config file as findings, for the editor to show in the file itself. */
export function configFileFindings(text: string, docsBaseUrl?: string): Finding[] {
  const href = docsHref('config-file', docsBaseUrl);
  return parseConfigFile(text).problems.map((problem) => ({
    code: 'config-file',
    severity: problem.severity,
    message: problem.message,
    start: problem.start,
    end: problem.end,
    ...(href ? { href } : {}),
  }));
}
