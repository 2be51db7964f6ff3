import { rule as duplicateContainerName } from '../duplicate-container-name';
import type { Rule } from '../types';

export const rules = [duplicateContainerName] as const satisfies readonly Rule[];
