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
 * Findings of each rule for each service, by service (a ComposeService is used again after an edit of another
 * service: compose/model.ts): for the facts and the rule list they were computed with, by the rule's place in that
 * list; null where a rule's findings for the service could not be kept.
 */
const kept = new WeakMap<ComposeService, { facts: ComposeFacts; rules: readonly ComposeRule[]; byRule: (Kept<unknown>[] | null | undefined)[] }>();

/**
 * Runs the Compose rules over a model, in the order of the rules and then of the services (the order of their
 * findings). A rule's findings for a service are computed once and kept while the service and the facts of the file
 * are the same objects; on an edit of one service only that service is judged again, unless the edit changed its
 * facts (a name, a mount, a port…), and then every service is. `toFinding` turns a report into a finding with
 * `start`/`end`.
 */
export function runComposeRules<F extends { start: number; end: number }>(
  model: ComposeModel,
  rules: readonly ComposeRule[],
  context: { document: ParsedDocument; settings: Settings; over: () => boolean },
  toFinding: (rule: ComposeRule, report: RuleReport) => F,
  add: (finding: F) => void,
): void {
  const { document, settings } = context;
  const { services, facts } = model;
  const caches = services.map((service) => {
    let cache = kept.get(service);
    if (!cache || cache.facts !== facts || cache.rules !== rules) kept.set(service, (cache = { facts, rules, byRule: [] }));
    return cache.byRule;
  });
  for (let r = 0; r < rules.length; r++) {
    const rule = rules[r];
    if (settings.rules[rule.id] === 'off' || context.over()) continue;
    rule.checkFile?.(model, { document, settings, report: (report) => add(toFinding(rule, report)) });
    const checkService = rule.checkService;
    if (!checkService) continue;
    for (let i = 0; i < services.length; i++) {
      const known = caches[i][r];
      if (known) {
        for (let k = 0; k < known.length; k++) {
          const { finding, range, start, end } = known[k];
          add({ ...(finding as F), start: range[0] + start, end: range[0] + end });
        }
      } else caches[i][r] = judge(rule, checkService, services[i], facts, { document, settings }, toFinding, add);
    }
  }
}

/**
 * One rule's findings for one service, reported through `add`, and kept as offsets into the nodes they name (null
 * when one of them names no node at or before it). A function of its own: a closure over the loop's variables
 * would cost a context per service and rule on every edit, the kept ones too.
 */
function judge<F extends { start: number; end: number }>(
  rule: ComposeRule,
  checkService: NonNullable<ComposeRule['checkService']>,
  service: ComposeService,
  facts: ComposeFacts,
  context: { document: ParsedDocument; settings: Settings },
  toFinding: (rule: ComposeRule, report: RuleReport) => F,
  add: (finding: F) => void,
): Kept<unknown>[] | null {
  let findings: Kept<unknown>[] | null = [];
  checkService(service, facts, {
    document: context.document,
    settings: context.settings,
    report: (report) => {
      const finding = toFinding(rule, report);
      add(finding);
      const range = rangeOf(report.node) ?? rangeOf(report.pair?.key);
      if (findings && range && range[0] <= finding.start) findings.push({ finding, range, start: finding.start - range[0], end: finding.end - range[0] });
      else findings = null;
    },
  });
  return findings;
}

function rangeOf(node: unknown): Range | undefined {
  const range = (node as { range?: Range | null } | null | undefined)?.range;
  return range ?? undefined;
}
