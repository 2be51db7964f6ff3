import { defaultSeverity, docsHref, type NonRuleCode } from '../../codes';
import type { Finding } from '../../findings';
import { spanOfProblem } from '../validation';
import type { ParsedDocument } from '../../parse/document';
import type { YamlPath } from '../../parse/nodes';
import type { Settings } from '../../settings';
import { closest } from '../../text/closest';
import { isRemote, type KustomizeHost } from '../../workspace/kustomize/host';
import { kustomizationPaths, loadedPaths } from '../../workspace/kustomize/kustomization-paths';
import { dirName, isInsideFolder, joinPath } from '../../workspace/kustomize/paths';
import { KUSTOMIZE_STOPS } from '../../workspace/kustomize/render';

type FieldType = 'string' | 'list' | 'map';

/**
 * The fields of a Kustomization or Component and their YAML types: kubernetes-sigs/kustomize
 * api/types/kustomization.go (Kustomize v5.5.0; each name checked with `kubectl kustomize`, which rejects any other
 * with `invalid Kustomization: json: unknown field`).
 */
export const KUSTOMIZATION_FIELDS: Readonly<Record<string, FieldType>> = {
  apiVersion: 'string', kind: 'string', metadata: 'map', openapi: 'map',
  namePrefix: 'string', nameSuffix: 'string', namespace: 'string',
  commonLabels: 'map', labels: 'list', commonAnnotations: 'map',
  patchesStrategicMerge: 'list', patchesJson6902: 'list', patches: 'list',
  images: 'list', imageTags: 'list', replacements: 'list', replicas: 'list', vars: 'list', sortOptions: 'map',
  resources: 'list', components: 'list', crds: 'list', bases: 'list',
  configMapGenerator: 'list', secretGenerator: 'list', helmGlobals: 'map', helmCharts: 'list', helmChartInflationGenerator: 'list',
  generatorOptions: 'map', configurations: 'list', generators: 'list', transformers: 'list', validators: 'list', buildMetadata: 'list',
};

/**
 * Deprecated fields and their current form: kustomize v5.5 prints "# Warning: 'patchesStrategicMerge' is
 * deprecated. Please use 'patches' instead. Run 'kustomize edit fix' ..." (api/types/kustomization.go FixKustomization).
 */
export const DEPRECATED_FIELDS: Readonly<Record<string, string>> = {
  patchesStrategicMerge: 'patches',
  patchesJson6902: 'patches',
  commonLabels: 'labels',
  bases: 'resources',
  imageTags: 'images',
};

const LOAD_RESTRICTION: NonRuleCode = 'kustomize-load-restriction';

function typeOf(value: unknown): FieldType | 'other' {
  if (Array.isArray(value)) return 'list';
  if (value && typeof value === 'object') return 'map';
  return typeof value === 'string' ? 'string' : 'other';
}

const ARTICLE: Record<FieldType, string> = { string: 'a string', list: 'a list', map: 'a map' };

/**
 * Checks of a kustomization file itself, as kustomize reads it: unknown fields and wrong types (kustomize stops),
 * paths that do not exist (kustomize stops), deprecated fields (kustomize warns; a quick fix writes the current form).
 */
export function kustomizationFindings(document: ParsedDocument, file: string, host: KustomizeHost, settings: Settings): Finding[] {
  const { value } = document.value();
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [];
  const root = value as Record<string, unknown>;
  const findings: Finding[] = [];
  const add = (code: NonRuleCode, path: YamlPath, target: 'key' | 'value', message: string, data?: Record<string, unknown>) => {
    const level = settings.rules[code];
    if (level === 'off') return;
    const span = spanOfProblem(document, { path, target });
    findings.push({ code, severity: level ?? defaultSeverity(code), message, ...span, href: docsHref(code, settings.docsBaseUrl), ...(data ? { data } : {}) });
  };
  const kind = root.kind === 'Component' ? 'Component' : 'Kustomization';
  for (const [key, item] of Object.entries(root)) {
    // kustomize reads the file with Go's encoding/json, which matches field names regardless of case.
    const field = Object.keys(KUSTOMIZATION_FIELDS).find((name) => name.toLowerCase() === key.toLowerCase()) ?? key;
    const expected = Object.hasOwn(KUSTOMIZATION_FIELDS, field) ? KUSTOMIZATION_FIELDS[field] : undefined;
    if (!expected) {
      const suggestion = closest(key, Object.keys(KUSTOMIZATION_FIELDS));
      add('unknown-field', [key], 'key', `Unknown field "${key}" in ${kind}${suggestion ? ` (did you mean "${suggestion}"?)` : ''}: kustomize stops with "invalid Kustomization: json: unknown field".`, { path: [key], field: key, ...(suggestion ? { suggestion } : {}) });
      continue;
    }
    if (item !== null && typeOf(item) !== expected) add('invalid-type', [key], 'value', `${key} must be ${ARTICLE[expected]} in a ${kind}: kustomize cannot read the file otherwise.`, { path: [key] });
    if (Object.hasOwn(DEPRECATED_FIELDS, field) && field === key) add('kustomize-deprecated-field', [key], 'key', `'${key}' is deprecated. Please use '${DEPRECATED_FIELDS[key]}' instead (kustomize's warning; a quick fix rewrites it).`, { field: key });
  }
  const dir = dirName(file);
  for (const { path, node, accepts } of [...kustomizationPaths(root), ...loadedPaths(root)]) {
    if (isRemote(path) || path === '') continue;
    const target = joinPath(dir, path);
    if (host.isDirectory(target)) {
      // kustomize's loader opens a base or component folder only by a relative path (fileloader.go New).
      if (accepts !== undefined && accepts !== 'file' && path.startsWith('/')) add(LOAD_RESTRICTION, node, 'value', `new root '${path}' cannot be absolute${KUSTOMIZE_STOPS}kustomize opens a base or component folder only by a path relative to this kustomization, and stops the build.`);
      continue;
    }
    if (host.readFile(target) === undefined) {
      add('kustomize-missing-path', node, 'value', `No file or folder "${path}" next to this kustomization: kustomize stops the build.`);
      continue;
    }
    // The default load restrictor, LoadRestrictionsRootOnly (api/internal/loader/loadrestrictions.go RestrictionRootOnly).
    if (!isInsideFolder(target, dir)) add(LOAD_RESTRICTION, node, 'value', `security; file '${target}' is not in or below '${dir}'${KUSTOMIZE_STOPS}kustomize's default load restrictor (LoadRestrictionsRootOnly) reads only files in or below the kustomization's folder, and stops the build. Move the file here, or list the folder of a kustomization that has it (a base or a component).`);
  }
  return findings.sort((a, b) => a.start - b.start);
}
