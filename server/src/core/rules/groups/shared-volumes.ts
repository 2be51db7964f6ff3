import type { Rule } from '../types';
import { rule as undefinedVolume } from '../undefined-volume';

export const rules: Rule[] = [undefinedVolume];
