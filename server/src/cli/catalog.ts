import type { Rule } from '../core/rules/types';
import type { Severity } from '../core/settings';

/** Everything a finding's `code` can be, with what the CLI's rule list and SARIF metadata say about it. */
export interface CatalogEntry {
  id: string;
  /** 'rule': a sidecar rule with a docs page; 'schema' and 'yaml': built-in checks of the core. */
  kind: 'rule' | 'schema' | 'yaml' | 'file';
  defaultSeverity: Severity;
  summary: string;
  /** Inclusive Kubernetes minor versions a rule applies to. */
  versions?: { min?: number; max?: number };
}

/**
 * Codes the core reports that are not rules. Kept here, beside the rules, so `--list-rules` and SARIF's
 * `tool.driver.rules` name every code a result can carry.
 */
export const BUILT_IN_CODES: readonly CatalogEntry[] = [
  { id: 'yaml-syntax', kind: 'yaml', defaultSeverity: 'error', summary: 'The text is not valid YAML.' },
  { id: 'duplicate-key', kind: 'yaml', defaultSeverity: 'error', summary: 'A map holds the same key twice; the later value would silently win.' },
  { id: 'alias-limit', kind: 'yaml', defaultSeverity: 'error', summary: 'A document expands too many aliases ("billion laughs") and is not validated.' },
  { id: 'templated-yaml', kind: 'yaml', defaultSeverity: 'info', summary: 'A template (Helm `{{ }}`) is not YAML until rendered; it is checked only where it parses.' },
  { id: 'nesting-limit', kind: 'yaml', defaultSeverity: 'error', summary: 'A document nests deeper than the parser can safely follow and is not validated.' },
  { id: 'unknown-field', kind: 'schema', defaultSeverity: 'error', summary: 'A field that the Kubernetes schema of the kind does not define (often a typo or a wrong indentation).' },
  { id: 'invalid-type', kind: 'schema', defaultSeverity: 'error', summary: 'A value of the wrong type (a string where a number or a list is expected...).' },
  { id: 'invalid-enum', kind: 'schema', defaultSeverity: 'error', summary: 'A value outside the allowed set of the field.' },
  { id: 'missing-required-field', kind: 'schema', defaultSeverity: 'error', summary: 'A field that Kubernetes requires is missing.' },
  { id: 'removed-api-version', kind: 'schema', defaultSeverity: 'error', summary: 'An apiVersion that the target Kubernetes version no longer serves.' },
  { id: 'api-version-not-served-yet', kind: 'schema', defaultSeverity: 'error', summary: 'An apiVersion that the target Kubernetes version does not serve yet.' },
  { id: 'field-not-in-version', kind: 'schema', defaultSeverity: 'error', summary: 'A field that the target Kubernetes version does not have (strict decoding rejects it).' },
  { id: 'field-behind-feature-gate', kind: 'schema', defaultSeverity: 'warning', summary: 'A field whose feature gate is off by default at the target version (the API server drops it).' },
  { id: 'unknown-kind', kind: 'schema', defaultSeverity: 'error', summary: 'A kind that its built-in apiVersion does not serve ("no matches for kind"): a typo, wrong case or the wrong apiVersion.' },
  { id: 'invalid-value', kind: 'schema', defaultSeverity: 'error', summary: 'A value of the right type that Kubernetes rejects (format, range, pattern).' },
  { id: 'file-too-large', kind: 'file', defaultSeverity: 'info', summary: 'The file is larger than the linter reads; it is not validated.' },
  { id: 'binary-file', kind: 'file', defaultSeverity: 'info', summary: 'The file holds binary data (NUL bytes), not YAML text; it is not validated.' },
  { id: 'unreadable-file', kind: 'file', defaultSeverity: 'error', summary: 'The file could not be read.' },
];

export function catalog(rules: readonly Rule[]): CatalogEntry[] {
  const entries: CatalogEntry[] = rules.map((rule) => ({
    id: rule.id,
    kind: 'rule',
    defaultSeverity: rule.defaultSeverity,
    summary: rule.summary,
    versions: rule.versions,
  }));
  const ruleIds = new Set(entries.map((e) => e.id));
  for (const entry of BUILT_IN_CODES) if (!ruleIds.has(entry.id)) entries.push(entry);
  return entries;
}

/** "1.29+", "≤ 1.28", "1.27–1.28" or "" for a rule that applies to every version. */
export function versionRange(versions: CatalogEntry['versions']): string {
  if (!versions || (versions.min === undefined && versions.max === undefined)) return '';
  if (versions.min !== undefined && versions.max !== undefined) return `1.${versions.min}–1.${versions.max}`;
  if (versions.min !== undefined) return `1.${versions.min}+`;
  return `≤ 1.${versions.max}`;
}
