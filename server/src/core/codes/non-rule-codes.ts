import type { DataShape } from '../data-shape';
import type { Severity } from '../settings';

/** What produces a code that is not a rule: the YAML reader, the schema check, the file gate, the config file or the kustomize merge. */
export type NonRuleKind = 'yaml' | 'schema' | 'file' | 'config' | 'kustomize';

export interface NonRuleCodeEntry {
  kind: NonRuleKind;
  defaultSeverity: Severity;
  /** One line, for `--list-rules`, SARIF and the docs. */
  summary: string;
  /** Whether `rules:` (editor settings, `.sidecarlint.yaml`, `--rule`) may change its level or turn it off. */
  configurable: boolean;
  /**
   * The shape of its findings' `data` (what its producer writes, with the `path` of the value and the target
   * `kubernetesVersion` that validation adds), checked before a quick fix reads it. None: the code carries no data.
   */
  data?: DataShape;
}

/** What validation adds to every schema finding: the path of the value in the document. */
const SCHEMA_DATA = { path: 'path' } as const;
/** What the API-by-version findings carry besides: the target, and the first target that accepts the manifest. */
const VERSION_DATA = { path: 'path', kubernetesVersion: 'string', targetVersion: 'string?' } as const;
/** A field of the version tables: its API path, the schema definition and the field's own name. */
const VERSIONED_FIELD_DATA = { ...VERSION_DATA, field: 'string', definition: 'string', fieldName: 'string' } as const;

/**
 * Every diagnostic code that is not a rule, in the order `--list-rules` and SARIF list them. Each has a page
 * `docs/codes/<id>.md` (see `docPage` in ./index.ts). Rules carry the same facts on their own definition.
 */
export const NON_RULE_CODES = {
  'yaml-syntax': { kind: 'yaml', defaultSeverity: 'error', configurable: true, summary: 'The text is not valid YAML.' },
  'duplicate-key': { kind: 'yaml', defaultSeverity: 'error', configurable: true, summary: 'A map holds the same key twice; the later value would silently win.' },
  'alias-limit': { kind: 'yaml', defaultSeverity: 'error', configurable: true, summary: 'A document expands too many aliases ("billion laughs") and is not validated.' },
  'templated-yaml': { kind: 'yaml', defaultSeverity: 'info', configurable: true, summary: 'A template (Helm `{{ }}`) is not YAML until rendered; it is checked only where it parses.' },
  'nesting-limit': { kind: 'yaml', defaultSeverity: 'error', configurable: true, summary: 'A document nests deeper than the parser can safely follow and is not validated.' },
  'unknown-field': { kind: 'schema', defaultSeverity: 'error', configurable: true, summary: 'A field that the Kubernetes schema of the kind does not define (often a typo or a wrong indentation).', data: { ...SCHEMA_DATA, field: 'string', suggestion: 'string?' } },
  'invalid-type': { kind: 'schema', defaultSeverity: 'error', configurable: true, summary: 'A value of the wrong type (a string where a number or a list is expected...).', data: SCHEMA_DATA },
  'invalid-enum': { kind: 'schema', defaultSeverity: 'error', configurable: true, summary: 'A value outside the allowed set of the field.', data: { ...SCHEMA_DATA, allowed: 'strings', suggestion: 'string?' } },
  'missing-required-field': { kind: 'schema', defaultSeverity: 'error', configurable: true, summary: 'A field that Kubernetes requires is missing.', data: { ...SCHEMA_DATA, field: 'string' } },
  'removed-api-version': { kind: 'schema', defaultSeverity: 'error', configurable: true, summary: 'An apiVersion that the target Kubernetes version no longer serves.', data: { ...SCHEMA_DATA, replacement: 'string?', kubernetesVersion: 'string?' } },
  'api-version-not-served-yet': { kind: 'schema', defaultSeverity: 'error', configurable: true, summary: 'An apiVersion that the target Kubernetes version does not serve yet.', data: { ...VERSION_DATA, replacement: 'string?', firstServed: 'string' } },
  'field-not-in-version': { kind: 'schema', defaultSeverity: 'error', configurable: true, summary: 'A field that the target Kubernetes version does not have (strict decoding rejects it).', data: { ...VERSIONED_FIELD_DATA, addedIn: 'string' } },
  'field-behind-feature-gate': { kind: 'schema', defaultSeverity: 'warning', configurable: true, summary: 'A field whose feature gate is off by default at the target version (the API server drops it).', data: { ...VERSIONED_FIELD_DATA, gate: 'string' } },
  'unknown-kind': { kind: 'schema', defaultSeverity: 'error', configurable: true, summary: 'A kind that its built-in apiVersion, or the CustomResourceDefinition of your files, does not serve ("no matches for kind"): a typo, wrong case or the wrong apiVersion.', data: { ...SCHEMA_DATA, suggestion: 'string?', replacement: 'string?' } },
  'crd-version-deprecated': { kind: 'schema', defaultSeverity: 'warning', configurable: true, summary: 'A custom resource in a version its CustomResourceDefinition marks deprecated: the API server accepts it with this warning.', data: { ...SCHEMA_DATA, replacement: 'string?' } },
  'invalid-value': { kind: 'schema', defaultSeverity: 'error', configurable: true, summary: 'A value of the right type that Kubernetes rejects (format, range, pattern).', data: SCHEMA_DATA },
  'file-too-large': { kind: 'file', defaultSeverity: 'info', configurable: true, summary: 'The file is larger than the linter reads; it is not validated.' },
  'binary-file': { kind: 'file', defaultSeverity: 'info', configurable: true, summary: 'The file holds binary data (NUL bytes), not YAML text; it is not validated.' },
  'kustomize-not-resolved': { kind: 'kustomize', defaultSeverity: 'info', configurable: true, summary: 'A patch is checked merged into its base; a remote base or generator of that kustomization is not resolved here.' },
  'kustomize-patch-operation': { kind: 'kustomize', defaultSeverity: 'error', configurable: true, summary: 'A JSON 6902 patch operation that kustomize cannot apply: a bad op, path, from or value, or a path that matches nothing in the target.' },
  'kustomize-patch-no-match': { kind: 'kustomize', defaultSeverity: 'error', configurable: true, summary: 'A strategic-merge patch without a target names a resource the kustomization does not have; kustomize stops the build.' },
  'kustomize-missing-path': { kind: 'kustomize', defaultSeverity: 'error', configurable: true, summary: 'A path in a kustomization (resources, components, patches) names no file or folder; kustomize stops the build.' },
  'kustomize-deprecated-field': { kind: 'kustomize', defaultSeverity: 'warning', configurable: true, summary: 'A kustomization field that kustomize v5 deprecates (patchesStrategicMerge, patchesJson6902, commonLabels, bases, imageTags).', data: { field: 'string' } },
  'kustomize-target-no-match': { kind: 'kustomize', defaultSeverity: 'warning', configurable: true, summary: "A patch's target selects no resource of the kustomization: the patch does nothing." },
  'kustomize-load-restriction': { kind: 'kustomize', defaultSeverity: 'error', configurable: true, summary: "A path kustomize's loader refuses: a file outside the kustomization's folder (the default load restrictor), or a base or component folder by an absolute path; it stops the build." },
  'kustomize-invalid-selector': { kind: 'kustomize', defaultSeverity: 'error', configurable: true, summary: "A patch target's labelSelector or annotationSelector that kustomize cannot parse (labels.Parse): it stops the build." },
  'too-many-problems': { kind: 'file', defaultSeverity: 'info', configurable: true, summary: 'A file has more findings than are reported for one file (1,000); one notice counts the rest.' },
  'checked-partly': { kind: 'file', defaultSeverity: 'info', configurable: true, summary: 'The editor stopped checking a file when its time budget ran out; the rest of the file is not checked.' },
  // Reported by the CLI as an error of the run (exit code 2), never as a finding a level could change.
  'unreadable-file': { kind: 'file', defaultSeverity: 'error', configurable: false, summary: 'The file could not be read.' },
  // Problems of `.sidecarlint.yaml` itself: a broken config file cannot be silenced by itself.
  'config-file': { kind: 'config', defaultSeverity: 'error', configurable: false, summary: 'The `.sidecarlint.yaml` config file has a setting that is wrong or unknown.' },
} as const satisfies Record<string, NonRuleCodeEntry>;

export type NonRuleCode = keyof typeof NON_RULE_CODES;
