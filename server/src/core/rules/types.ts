import type { ParsedDocument } from '../parse/document';
import type { PairNode, Span } from '../parse/nodes';
import type { PodSpecModel } from '../model/pod';
import type { Settings, Severity } from '../settings';

/** What a rule underlines: a key, a value, a whole pair, or an explicit span. */
export interface RuleReport {
  /** A pair: underline its key (target 'key', the default), its value, or both ('pair'). */
  pair?: PairNode;
  target?: 'key' | 'value' | 'pair';
  /** Any YAML node (a scalar, a map item): underline the node itself. */
  node?: unknown;
  span?: Span;
  message: string;
  /** What the quick fix needs (kept on the diagnostic as `data`). */
  data?: Record<string, unknown>;
  /** Only for rules whose level depends on the case (e.g. on the Kubernetes version). */
  severity?: Severity;
  unnecessary?: boolean;
}

export interface RuleContext {
  /** "1.34" */
  kubernetesVersion: string;
  /** 34 */
  minor: number;
  document: ParsedDocument;
  settings: Settings;
  report(report: RuleReport): void;
}

export interface Rule<Id extends string = string> {
  /** Stable kebab-case id; also the file name and the diagnostic code. */
  id: Id;
  defaultSeverity: Severity;
  /** One line, shown on hover and in the CLI's rule list. */
  summary: string;
  /** Inclusive Kubernetes minor versions the rule applies to (e.g. { min: 29 }). */
  versions?: { min?: number; max?: number };
  /** Called once per pod spec of a document (a Pod, or a workload's pod template). */
  check?(pod: PodSpecModel, context: RuleContext): void;
  /** Called once per Kubernetes object, pod or not: for what the API server checks on any object (names, labels). */
  checkDocument?(document: ParsedDocument, context: RuleContext): void;
}

/**
 * A rule whose id keeps its literal type, so `RuleId` (rules/index.ts) and `Code` (core/codes) are unions of the
 * real ids, not `string`: a typo in a key of the quick-fix table is a type error.
 */
export function defineRule<const Id extends string>(rule: Rule<Id>): Rule<Id> {
  return rule;
}
