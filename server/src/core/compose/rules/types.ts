import type { ParsedDocument } from '../../parse/document';
import { nodeSpan, type Span } from '../../parse/nodes';
import type { RuleReport } from '../../rules/types';
import type { Settings, Severity } from '../../settings';
import type { DataOf, DataShape, EmptyShape } from '../../data-shape';
import type { ComposeFacts } from '../facts';
import type { ComposeModel, ComposeService, ServiceReference } from '../model';

export interface ComposeRuleContext<D extends object = Record<string, unknown>> {
  document: ParsedDocument;
  settings: Settings;
  report(report: RuleReport<D>): void;
}

/**
 * A Compose rule: like a Kubernetes rule (id == file name == diagnostic code). It judges each service on its own
 * (`checkService`: from the service's nodes and the plain facts of the others, never their nodes, so compose/check.ts
 * keeps its findings for a service until that service or the facts change) and the file's top level (`checkFile`).
 */
export interface ComposeRule<Id extends string = string, S extends DataShape = DataShape> {
  id: Id;
  defaultSeverity: Severity;
  /** One line, shown in the CLI's rule list and the docs. */
  summary: string;
  /** The shape of its findings' `data`, as for a Kubernetes rule (rules/types.ts). */
  data?: S;
  checkService?(service: ComposeService, facts: ComposeFacts, context: ComposeRuleContext<DataOf<S>>): void;
  checkFile?(model: ComposeModel, context: ComposeRuleContext<DataOf<S>>): void;
}

/** A Compose rule whose id and data shape keep their literal types, so `Code` and `CodeData` (core/codes) name them. */
export function defineComposeRule<const Id extends string, const S extends DataShape = EmptyShape>(rule: ComposeRule<Id, S>): ComposeRule<Id, S> {
  return rule;
}

/** Where `needle` appears in a scalar's source (after `from` characters): quotes and prefixes left out. */
export function spanInNode(node: unknown, needle: string, text: string, from = 0): Span | undefined {
  const span = nodeSpan(node);
  if (!span) return undefined;
  const at = text.slice(span.start, span.end).indexOf(needle, from);
  return at < 0 ? span : { start: span.start + at, end: span.start + at + needle.length };
}

/** The name inside a reference's node: `ap` in `network_mode: "service:ap"`. */
export function referenceSpan(reference: ServiceReference, text: string): Span | undefined {
  return spanInNode(reference.node, reference.name, text, reference.prefix);
}
