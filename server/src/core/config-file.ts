import { isMap, parseDocument } from 'yaml';
import { keySpan, nodeSpan, scalarText, valueSpan, type PairNode, type Span } from './parse/nodes';
import { configurableCodeIds, docsHref } from './codes';
import type { Finding } from './findings';
import { closest } from './text/closest';
import { SUPPORTED_KUBERNETES_VERSIONS, type Settings, type SeverityOverride } from './settings';
import { own } from './text/own';

/** Names the config file may have, in the order they are looked for in one folder. */
export const CONFIG_FILE_NAMES = ['.sidecarlint.yaml', '.sidecarlint.yml'] as const;

export type ConfigSettings = Partial<Pick<Settings, 'kubernetesVersion' | 'rules'>>;

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
    problems.push({ ...(nodeSpan(root) ?? { start: 0, end: 0 }), severity: 'error', message: 'The config file must be a map with `kubernetesVersion` and `rules`.' });
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
    } else if (key === 'root') {
      // `root: true` marks the config as the project's own. The nearest config is the only one read, so the lookup
      // stops at it anyway; the key is accepted so a config can say so, as ESLint's can.
      if (typeof (pair.value as { value?: unknown } | null)?.value !== 'boolean') {
        problems.push({ ...(valueSpan(pair) ?? at), severity: 'error', message: '`root` must be true or false.' });
      }
    } else {
      const suggestion = key ? closest(key, ['kubernetesVersion', 'rules']) : undefined;
      problems.push({ ...at, severity: 'warning', message: `Unknown setting "${key ?? ''}"${suggestion ? `: did you mean "${suggestion}"?` : '; the config file knows `kubernetesVersion` and `rules`.'}` });
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
  return { ...editor, kubernetesVersion, rules: { ...config.rules, ...editor.rules } };
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
