import type { ParsedDocument } from '../parse/document';
import type { PairNode, Span } from '../parse/nodes';
import type { PodSpecModel } from '../model/pod';
import type { NamespaceModel } from '../model/injection';
import type { Settings, Severity } from '../settings';
import type { DataOf, DataShape, EmptyShape } from '../data-shape';
import type { IndexedResource, WorkspaceIndex } from '../workspace/index/workspace-index';

/** What a rule underlines: a key, a value, a whole pair, or an explicit span. */
export interface RuleReport<D extends object = Record<string, unknown>> {
  /** A pair: underline its key (target 'key', the default), its value, or both ('pair'). */
  pair?: PairNode;
  target?: 'key' | 'value' | 'pair';
  /** Any YAML node (a scalar, a map item): underline the node itself. */
  node?: unknown;
  span?: Span;
  message: string;
  /** What the quick fix needs (kept on the diagnostic as `data`), of the shape the rule's `data` gives. */
  data?: D;
  /** Only for rules whose level depends on the case (e.g. on the Kubernetes version). */
  severity?: Severity;
  unnecessary?: boolean;
}

export interface RuleContext<D extends object = Record<string, unknown>> {
  /** "1.34" */
  kubernetesVersion: string;
  /** 34 */
  minor: number;
  document: ParsedDocument;
  settings: Settings;
  /** Namespaces declared in the same inputs (their labels can enable mesh injection). */
  namespaces: readonly NamespaceModel[];
  report(report: RuleReport<D>): void;
}

/** The sections of the rule docs, in their order: each rule names its own (`group`), there is no second list. */
export const RULE_GROUPS = ['native-sidecars', 'shared-volumes', 'network', 'identity', 'hygiene', 'api-server', 'workspace'] as const;
export type RuleGroup = (typeof RULE_GROUPS)[number];

export interface Rule<Id extends string = string, S extends DataShape = DataShape> {
  /** Stable kebab-case id; also the file name and the diagnostic code. */
  id: Id;
  /** The docs section it belongs to: native sidecars, shared volumes, network, identity, hygiene or API-server checks. */
  group: RuleGroup;
  defaultSeverity: Severity;
  /** One line, shown on hover and in the CLI's rule list. */
  summary: string;
  /** Inclusive Kubernetes minor versions the rule applies to (e.g. { min: 29 }). */
  versions?: { min?: number; max?: number };
  /**
   * The shape of the `data` its findings carry (see data-shape.ts): the type `report` accepts, and the check the
   * data passes when it comes back from the client before a quick fix reads it.
   */
  data?: S;
  /** Called once per pod spec of a document (a Pod, or a workload's pod template). */
  check?(pod: PodSpecModel, context: RuleContext<DataOf<S>>): void;
  /** Called once per Kubernetes object, pod or not: for what the API server checks on any object (names, labels). */
  checkDocument?(document: ParsedDocument, context: RuleContext<DataOf<S>>): void;
  /** Called once per resource of a file, with the workspace: for references between resources (workspace/index). */
  checkWorkspace?(context: WorkspaceRuleContext<DataOf<S>>): void;
}

/**
 * What a cross-file rule sees: one resource of the file being checked and the workspace it belongs to (the
 * workspace index, or the file alone). Spans are the resource's facts' spans, relative to its document.
 */
export interface WorkspaceRuleContext<D extends object = Record<string, unknown>> {
  index: WorkspaceIndex;
  resource: IndexedResource;
  settings: Settings;
  report(report: { span: Span; message: string; severity?: Severity; data?: D }): void;
}

/**
 * A rule whose id and data shape keep their literal types, so `RuleId` (rules/index.ts) and `Code` (core/codes)
 * are unions of the real ids, not `string` (a typo in a key of the quick-fix table is a type error), and
 * `context.report` takes exactly the data its `data` shape describes.
 */
export function defineRule<const Id extends string, const S extends DataShape = EmptyShape>(rule: Rule<Id, S>): Rule<Id, S> {
  return rule;
}
