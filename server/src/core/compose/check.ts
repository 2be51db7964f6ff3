import type { Range } from 'yaml';
import type { ParsedDocument } from '../parse/document';
import type { RuleReport } from '../rules/types';
import type { Settings } from '../settings';
import type { ComposeFacts } from './facts';
import type { ComposeModel, ComposeService } from './model';
import type { ComposeRule } from './rules';

/** A finding kept for a service: where it is, as an offset into the range of a node it names (which an edit moves). */
interface Kept<F> {
  finding: F;
  range: Range;
  start: number;
  end: number;
}

/**
 * Findings of each rule for each service while its facts hold, by service (a ComposeService is used again after
 * an edit of another service: compose/model.ts). Undefined for a rule whose findings there could not be kept.
 */
const kept = new WeakMap<ComposeService, Map<string, { facts: ComposeFacts; findings: Kept<unknown>[] } | undefined>>();

/**
 * Runs the Compose rules over a model, in the order of the rules and then of the services (the order of their
 * findings). A rule's findings for a service are computed once and kept while the service and the facts of the file
 * are the same objects; on an edit of one service only that service is judged again, unless the edit changed its
 * facts (a name, a mount, a port…), and then every service is. `toFinding` turns a report into a finding with
 * `start`/`end`; `span` says where a report underlines, or undefined when it names nothing.
 */
export function runComposeRules<F extends { start: number; end: number }>(
  model: ComposeModel,
  rules: readonly ComposeRule[],
  context: { document: ParsedDocument; settings: Settings; over: () => boolean },
  toFinding: (rule: ComposeRule, report: RuleReport) => F,
  add: (finding: F) => void,
): void {
  const { document, settings } = context;
  const byService = model.services.map((service) => {
    let byRule = kept.get(service);
    if (!byRule) kept.set(service, (byRule = new Map()));
    return byRule;
  });
  for (const rule of rules) {
    if (settings.rules[rule.id] === 'off' || context.over()) continue;
    rule.checkFile?.(model, { document, settings, report: (report) => add(toFinding(rule, report)) });
    const checkService = rule.checkService;
    if (!checkService) continue;
    model.services.forEach((service, index) => {
      const byRule = byService[index];
      const known = byRule.get(rule.id);
      if (known && known.facts === model.facts) {
        for (const { finding, range, start, end } of known.findings) add({ ...(finding as F), start: range[0] + start, end: range[0] + end });
        return;
      }
      let findings: Kept<unknown>[] | undefined = [];
      checkService(service, model.facts, {
        document,
        settings,
        report: (report) => {
          const finding = toFinding(rule, report);
          add(finding);
          const range = rangeOf(report.node) ?? rangeOf(report.pair?.key);
          if (findings && range && range[0] <= finding.start) findings.push({ finding, range, start: finding.start - range[0], end: finding.end - range[0] });
          else findings = undefined;
        },
      });
      byRule.set(rule.id, findings && { facts: model.facts, findings });
    });
  }
}

function rangeOf(node: unknown): Range | undefined {
  const range = (node as { range?: Range | null } | null | undefined)?.range;
  return range ?? undefined;
}
