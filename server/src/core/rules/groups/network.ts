import { rule as portConflict } from '../port-conflict';
import { rule as probePortNotExposed } from '../probe-port-not-exposed';
import type { Rule } from '../types';

export const rules = [portConflict, probePortNotExposed] as const satisfies readonly Rule[];
