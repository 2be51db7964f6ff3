import { rules as apiServer } from './groups/api-server';
import { rules as hygiene } from './groups/hygiene';
import { rules as identity } from './groups/identity';
import { rules as nativeSidecars } from './groups/native-sidecars';
import { rules as network } from './groups/network';
import { rules as sharedVolumes } from './groups/shared-volumes';
import type { Rule } from './types';
import type { DataShape } from '../data-shape';

/**
 * Every rule, grouped as in the docs. Each rule lives in its own file named after its id (made with `defineRule`,
 * so its id stays a literal type) and is listed in one group file of ./groups/.
 */
const registry = [...nativeSidecars, ...sharedVolumes, ...network, ...identity, ...hygiene, ...apiServer] as const;

/** The id of every rule: a union of literals derived from the registry, never a hand list. */
export type RuleId = (typeof registry)[number]['id'];

type Registered = (typeof registry)[number];

/** The `data` shape of each rule's findings, by rule id (core/codes turns it into `CodeData`). */
export type RuleDataShapes = { [R in Registered as R['id']]: R extends Rule<string, infer S extends DataShape> ? S : never };

export const allRules: readonly Rule<RuleId>[] = registry;

export function findRule(id: string): Rule | undefined {
  return allRules.find((r) => r.id === id);
}

export type { Rule, RuleContext, RuleReport } from './types';
