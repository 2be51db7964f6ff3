import { rule as duplicateHostPort } from './compose-duplicate-host-port';
import { rule as healthyWithoutHealthcheck } from './compose-healthy-without-healthcheck';
import { rule as portsWithSharedNetwork } from './compose-ports-with-shared-network';
import { rule as shipperWritableVolume } from './compose-shipper-writable-volume';
import { rule as sidecarRestart } from './compose-sidecar-restart';
import { rule as undeclaredVolume } from './compose-undeclared-volume';
import { rule as unknownService } from './compose-unknown-service';
import { rule as versionObsolete } from './compose-version-obsolete';
import type { ComposeRule } from './types';
import type { DataShape } from '../../data-shape';

/** Every Compose rule, in the order their findings read best (references, then networking, volumes, hygiene). */
const registry = [
  unknownService,
  portsWithSharedNetwork,
  duplicateHostPort,
  undeclaredVolume,
  shipperWritableVolume,
  healthyWithoutHealthcheck,
  sidecarRestart,
  versionObsolete,
] as const;

/** The id of every Compose rule, derived from the registry. */
export type ComposeRuleId = (typeof registry)[number]['id'];

/** The `data` shape of each Compose rule's findings, by rule id (core/codes turns it into `CodeData`). */
export type ComposeRuleDataShapes = { [R in (typeof registry)[number] as R['id']]: R extends ComposeRule<string, infer S extends DataShape> ? S : never };

export const composeRules: readonly ComposeRule<ComposeRuleId>[] = registry;

export type { ComposeRule, ComposeRuleContext } from './types';
