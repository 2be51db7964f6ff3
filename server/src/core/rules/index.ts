import { rules as apiServer } from './groups/api-server';
import { rules as hygiene } from './groups/hygiene';
import { rules as identity } from './groups/identity';
import { rules as nativeSidecars } from './groups/native-sidecars';
import { rules as network } from './groups/network';
import { rules as sharedVolumes } from './groups/shared-volumes';
import type { Rule } from './types';

/** Every rule, grouped as in the docs. Each rule lives in its own file named after its id. */
export const allRules: readonly Rule[] = [...nativeSidecars, ...sharedVolumes, ...network, ...identity, ...hygiene, ...apiServer];

export function findRule(id: string): Rule | undefined {
  return allRules.find((r) => r.id === id);
}

export type { Rule, RuleContext, RuleReport } from './types';
