import type { Rule } from './types';
import { rule as undefinedVolume } from './undefined-volume';

/** Every rule, in the order their findings are reported. File name == rule id. */
export const allRules: readonly Rule[] = [undefinedVolume];

export function findRule(id: string): Rule | undefined {
  return allRules.find((r) => r.id === id);
}

export type { Rule, RuleContext, RuleReport } from './types';
