import type { Rule } from '../types';
import { rule as missingResources } from '../missing-resources';
import { rule as requestAboveLimit } from '../request-above-limit';
import { rule as missingProbes } from '../missing-probes';
import { rule as imageTag } from '../image-tag';
import { rule as privilegedContainer } from '../privileged-container';
import { rule as privilegeEscalation } from '../privilege-escalation';
import { rule as runAsRoot } from '../run-as-root';
import { rule as secretInEnv } from '../secret-in-env';

export const rules = [missingResources, requestAboveLimit, missingProbes, imageTag, privilegedContainer, privilegeEscalation, runAsRoot, secretInEnv] as const satisfies readonly Rule[];
