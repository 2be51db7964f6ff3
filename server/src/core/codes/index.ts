import { composeRules } from '../compose/rules';
import { allRules, type Rule } from '../rules';
import type { Severity } from '../settings';
import { isNonRuleCode } from './code-data';
import { NON_RULE_CODES, type NonRuleCode, type NonRuleCodeEntry, type NonRuleKind } from './non-rule-codes';

/** What the CLI's rule list, SARIF metadata, settings and links know about one code. */
export interface CodeInfo {
  /** A `Code` for the built-in rules; a catalog of other rules (tests, `service.rules`) carries their ids. */
  id: string;
  /** 'rule': a sidecar rule; the others: built-in checks of the core (see NON_RULE_CODES). */
  kind: 'rule' | NonRuleKind;
  defaultSeverity: Severity;
  summary: string;
  /** Inclusive Kubernetes minor versions a rule applies to. */
  versions?: { min?: number; max?: number };
  /** Whether `rules:` in settings and config files may set its level. */
  configurable: boolean;
  /** Its page, relative to `docs/`: `rules/<id>.md` for a rule, `codes/<id>.md` for the others. */
  doc: string;
}

const nonRuleIds = Object.keys(NON_RULE_CODES) as NonRuleCode[];

function nonRuleInfo(id: NonRuleCode): CodeInfo {
  const entry: NonRuleCodeEntry = NON_RULE_CODES[id];
  return { id, kind: entry.kind, defaultSeverity: entry.defaultSeverity, summary: entry.summary, configurable: entry.configurable, doc: docPage(id) };
}

/** What the table reads of a rule: Kubernetes rules and Compose rules alike. */
type RuleEntry = Pick<Rule, 'id' | 'defaultSeverity' | 'summary' | 'versions'>;

/** Every rule a finding can name: the Kubernetes rules, then the Compose rules (core/compose/rules). */
const everyRule: readonly RuleEntry[] = [...allRules, ...composeRules];

function ruleInfo(rule: RuleEntry): CodeInfo {
  return {
    id: rule.id,
    kind: 'rule',
    defaultSeverity: rule.defaultSeverity,
    summary: rule.summary,
    versions: rule.versions,
    configurable: true,
    doc: docPage(rule.id),
  };
}

/** Every code: the rules first (in registry order), then the non-rule codes; a rule wins a shared id. */
export function catalog(rules: readonly RuleEntry[] = everyRule): CodeInfo[] {
  const entries = rules.map(ruleInfo);
  const ruleIds = new Set<string>(entries.map((e) => e.id));
  for (const id of nonRuleIds) if (!ruleIds.has(id)) entries.push(nonRuleInfo(id));
  return entries;
}

/** What is known about a code, or undefined for a string that is none. */
export function codeInfo(id: string, rules: readonly RuleEntry[] = everyRule): CodeInfo | undefined {
  const rule = rules.find((r) => r.id === id);
  if (rule) return ruleInfo(rule);
  return isNonRuleCode(id) ? nonRuleInfo(id) : undefined;
}

/** The level of a non-rule code when neither settings nor the finding itself say otherwise. */
export function defaultSeverity(code: NonRuleCode): Severity {
  return NON_RULE_CODES[code].defaultSeverity;
}

/** Ids that `rules:` in a config file may name: every rule and the configurable non-rule codes. */
export function configurableCodeIds(rules: readonly RuleEntry[] = everyRule): string[] {
  return catalog(rules)
    .filter((c) => c.configurable)
    .map((c) => c.id);
}

/** A code's page, relative to `docs/`: `rules/<id>.md` for a rule, `codes/<id>.md` for the others. */
export function docPage(code: string): string {
  return isNonRuleCode(code) ? `codes/${code}.md` : `rules/${code}.md`;
}

/**
 * The page of a code as a link. `docsBaseUrl` is the folder of the rule pages (`…/docs/rules/`, as the
 * settings define it); the other codes' pages sit beside it in `…/docs/codes/`.
 */
export function docsHref(code: string, docsBaseUrl: string | undefined): string | undefined {
  if (!docsBaseUrl) return undefined;
  if (!isNonRuleCode(code)) return `${docsBaseUrl}${code}.md`;
  try {
    return new URL(`../${docPage(code)}`, docsBaseUrl).href;
  } catch {
    return undefined; // Not an absolute URL: there is no folder to resolve the sibling against.
  }
}

export { NON_RULE_CODES, type NonRuleCode, type NonRuleKind } from './non-rule-codes';
export { isCode, readCodeData, type Code, type CodeData, type FixData } from './code-data';
