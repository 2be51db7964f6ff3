import { rule as duplicateContainerName } from './duplicate-container-name';
import { rule as duplicateEnvName } from './duplicate-env-name';
import { rule as duplicateMountPath } from './duplicate-mount-path';
import { rule as duplicatePortName } from './duplicate-port-name';
import { rule as emptydirSizeLimit } from './emptydir-size-limit';
import { rule as ephemeralContainersOnCreate } from './ephemeral-containers-on-create';
import { rule as hostNetworkPort } from './host-network-port';
import { rule as imageTag } from './image-tag';
import { rule as initContainerBeforeSidecar } from './init-container-before-sidecar';
import { rule as injectedPortConflict } from './injected-port-conflict';
import { rule as injectedSidecarBlocksJob } from './injected-sidecar-blocks-job';
import { rule as injectorSwitchOnWorkload } from './injector-switch-on-workload';
import { rule as initContainerNetworkBeforeProxy } from './init-container-network-before-proxy';
import { rule as vaultInitAfterProxyInit } from './vault-init-after-proxy-init';
import { rule as proxyAwaitDisabled } from './proxy-await-disabled';
import { rule as initRestartPolicyValue } from './init-restart-policy-value';
import { rule as invalidImageName } from './invalid-image-name';
import { rule as invalidLabel } from './invalid-label';
import { rule as invalidName } from './invalid-name';
import { rule as invalidPort } from './invalid-port';
import { rule as invalidQuantity } from './invalid-quantity';
import { rule as invalidRestartPolicy } from './invalid-restart-policy';
import { rule as jobClassicSidecar } from './job-classic-sidecar';
import { rule as longRunningInitContainer } from './long-running-init-container';
import { rule as missingImage } from './missing-image';
import { rule as missingProbes } from './missing-probes';
import { rule as missingResources } from './missing-resources';
import { rule as nativeSidecarStartupProbe } from './native-sidecar-startup-probe';
import { rule as nativeSidecarUnsupportedVersion } from './native-sidecar-unsupported-version';
import { rule as portConflict } from './port-conflict';
import { rule as privilegeEscalation } from './privilege-escalation';
import { rule as privilegedContainer } from './privileged-container';
import { rule as probeOnInitContainer } from './probe-on-init-container';
import { rule as probePortNotExposed } from './probe-port-not-exposed';
import { rule as proxyStartOrder } from './proxy-start-order';
import { rule as requestAboveLimit } from './request-above-limit';
import { rule as restartPolicyOnAppContainer } from './restart-policy-on-app-container';
import { rule as runAsRoot } from './run-as-root';
import { rule as secretInEnv } from './secret-in-env';
import { rule as selectorMismatch } from './selector-mismatch';
import { rule as shipperMountReadOnly } from './shipper-mount-read-only';
import { rule as subpathNoUpdates } from './subpath-no-updates';
import { rule as undefinedVolume } from './undefined-volume';
import { rule as unusedVolume } from './unused-volume';
import { rule as danglingReference } from './dangling-reference';
import { rule as selectorSelectsNothing } from './selector-selects-nothing';
import { rule as serviceTargetsSidecar } from './service-targets-sidecar';
import { rule as targetPortNotDeclared } from './target-port-not-declared';
import type { Rule, RuleGroup } from './types';
import type { DataShape } from '../data-shape';

/**
 * Every rule, in one list, in the order of the docs' sections (`group` on each rule says which section; the
 * registry test checks the list keeps them together in RULE_GROUPS order). Each rule lives in its own file named
 * after its id, made with `defineRule` so its id and data shape stay literal types.
 */
const registry = [
  // native-sidecars
  restartPolicyOnAppContainer,
  initRestartPolicyValue,
  nativeSidecarUnsupportedVersion,
  probeOnInitContainer,
  longRunningInitContainer,
  jobClassicSidecar,
  proxyStartOrder,
  nativeSidecarStartupProbe,
  injectedSidecarBlocksJob,
  injectorSwitchOnWorkload,
  injectedPortConflict,
  initContainerNetworkBeforeProxy,
  vaultInitAfterProxyInit,
  proxyAwaitDisabled,
  // shared-volumes
  undefinedVolume,
  unusedVolume,
  duplicateMountPath,
  shipperMountReadOnly,
  emptydirSizeLimit,
  subpathNoUpdates,
  // network
  portConflict,
  probePortNotExposed,
  // identity
  duplicateContainerName,
  // hygiene
  missingResources,
  requestAboveLimit,
  missingProbes,
  imageTag,
  privilegedContainer,
  privilegeEscalation,
  runAsRoot,
  secretInEnv,
  // api-server
  invalidName,
  invalidLabel,
  missingImage,
  invalidImageName,
  invalidPort,
  invalidQuantity,
  duplicatePortName,
  duplicateEnvName,
  invalidRestartPolicy,
  selectorMismatch,
  ephemeralContainersOnCreate,
  hostNetworkPort,
  initContainerBeforeSidecar,
  // workspace (cross-file: checkWorkspace)
  danglingReference,
  selectorSelectsNothing,
  targetPortNotDeclared,
  serviceTargetsSidecar,
] as const satisfies readonly Rule[];

/** The id of every rule: a union of literals derived from the registry, never a hand list. */
export type RuleId = (typeof registry)[number]['id'];

type Registered = (typeof registry)[number];

/** The `data` shape of each rule's findings, by rule id (core/codes turns it into `CodeData`). */
export type RuleDataShapes = { [R in Registered as R['id']]: R extends Rule<string, infer S extends DataShape> ? S : never };

export const allRules: readonly Rule<RuleId>[] = registry;

/** The rules of some docs sections, in registry order. */
export function rulesIn(...groups: readonly RuleGroup[]): readonly Rule<RuleId>[] {
  return allRules.filter((rule) => groups.includes(rule.group));
}

export function findRule(id: string): Rule | undefined {
  return allRules.find((r) => r.id === id);
}

export { RULE_GROUPS } from './types';
export type { Rule, RuleContext, RuleGroup, RuleReport } from './types';
