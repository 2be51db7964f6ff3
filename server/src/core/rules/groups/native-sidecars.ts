import { rule as initRestartPolicyValue } from '../init-restart-policy-value';
import { rule as jobClassicSidecar } from '../job-classic-sidecar';
import { rule as longRunningInitContainer } from '../long-running-init-container';
import { rule as nativeSidecarStartupProbe } from '../native-sidecar-startup-probe';
import { rule as nativeSidecarUnsupportedVersion } from '../native-sidecar-unsupported-version';
import { rule as probeOnInitContainer } from '../probe-on-init-container';
import { rule as proxyStartOrder } from '../proxy-start-order';
import { rule as restartPolicyOnAppContainer } from '../restart-policy-on-app-container';
import type { Rule } from '../types';

export const rules = [
  restartPolicyOnAppContainer,
  initRestartPolicyValue,
  nativeSidecarUnsupportedVersion,
  probeOnInitContainer,
  longRunningInitContainer,
  jobClassicSidecar,
  proxyStartOrder,
  nativeSidecarStartupProbe,
] as const satisfies readonly Rule[];
