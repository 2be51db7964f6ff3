import { composeRules, type ComposeRuleDataShapes, type ComposeRuleId } from '../compose/rules';
import { readData, type DataOf, type DataShape, type NoData } from '../data-shape';
import { allRules, type RuleDataShapes, type RuleId } from '../rules';
import { NON_RULE_CODES, type NonRuleCode, type NonRuleCodeEntry } from './non-rule-codes';

/** Every diagnostic code a user can see: a rule id (Kubernetes or Compose) or one of the non-rule codes. */
export type Code = RuleId | ComposeRuleId | NonRuleCode;

/** What validation adds to the data of a rule's finding in a pod: the path of the workload's pod spec. */
const RULE_FINDING_DATA = { workloadPath: 'path?' } as const satisfies DataShape;

type NonRuleDataShapes = { [C in NonRuleCode]: (typeof NON_RULE_CODES)[C] extends { data: infer S extends DataShape } ? S : undefined };

/**
 * The `data` each code's findings carry, by code: derived from each rule's `data` shape (Kubernetes and Compose)
 * and the `data` column of the non-rule code table, never written twice. A quick fix reads `FixData<C>`.
 */
export type CodeData = {
  [C in Code]: C extends RuleId
    ? RuleDataShapes[C] extends infer S extends DataShape
      ? DataOf<S & typeof RULE_FINDING_DATA>
      : never
    : C extends ComposeRuleId
      ? ComposeRuleDataShapes[C] extends infer S extends DataShape
        ? DataOf<S>
        : never
      : C extends NonRuleCode
        ? NonRuleDataShapes[C] extends infer S extends DataShape
          ? DataOf<S>
          : NoData
        : never;
};

declare const codeOf: unique symbol;

/**
 * A code's data as a quick fix reads it: every field optional (the client may drop or alter any), and tagged with
 * its code in the type only, so that a fix written for one code's data is a type error in another code's row.
 */
export type FixData<C extends Code> = Partial<CodeData[C]> & { readonly [codeOf]?: C };

/** The runtime shape of a code's data: the same table `CodeData` is derived from. */
function dataShapeOf(code: Code): DataShape {
  const rule = allRules.find((r) => r.id === code);
  if (rule) return { ...rule.data, ...RULE_FINDING_DATA };
  const composeRule = composeRules.find((r) => r.id === code);
  if (composeRule) return composeRule.data ?? {};
  const entry: NonRuleCodeEntry | undefined = isNonRuleCode(code) ? NON_RULE_CODES[code] : undefined;
  return entry?.data ?? {};
}

/**
 * The one check of a diagnostic's `data` as it comes back from the client (untrusted JSON): the fields of the
 * code's shape that have their kind, nothing else. What a quick fix for `code` reads.
 */
export function readCodeData<C extends Code>(code: C, raw: unknown): FixData<C> {
  // The shape and the type are read from the same table; TypeScript cannot follow that per code.
  return readData(dataShapeOf(code), raw) as FixData<C>;
}

/** Whether a string (a code on a diagnostic from the client) is a code of the built-in catalog. */
export function isCode(id: string): id is Code {
  return isNonRuleCode(id) || allRules.some((r) => r.id === id) || composeRules.some((r) => r.id === id);
}

export function isNonRuleCode(id: string): id is NonRuleCode {
  return Object.hasOwn(NON_RULE_CODES, id);
}
