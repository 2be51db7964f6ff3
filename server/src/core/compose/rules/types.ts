import type { ParsedDocument } from '../../parse/document';
import { nodeSpan, type Span } from '../../parse/nodes';
import type { RuleReport } from '../../rules/types';
import type { Settings, Severity } from '../../settings';
import type { ComposeModel, ServiceReference } from '../model';

export interface ComposeRuleContext {
  document: ParsedDocument;
  settings: Settings;
  report(report: RuleReport): void;
}

/** A Compose rule: like a Kubernetes rule (id == file name == diagnostic code), checked once per Compose file. */
export interface ComposeRule<Id extends string = string> {
  id: Id;
  defaultSeverity: Severity;
  /** One line, shown in the CLI's rule list and the docs. */
  summary: string;
  check(model: ComposeModel, context: ComposeRuleContext): void;
}

/** A Compose rule whose id keeps its literal type, so `Code` (core/codes) names it. */
export function defineComposeRule<const Id extends string>(rule: ComposeRule<Id>): ComposeRule<Id> {
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
