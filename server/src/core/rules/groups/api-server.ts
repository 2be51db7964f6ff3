import { rule as duplicateEnvName } from '../duplicate-env-name';
import { rule as duplicatePortName } from '../duplicate-port-name';
import { rule as ephemeralContainersOnCreate } from '../ephemeral-containers-on-create';
import { rule as hostNetworkPort } from '../host-network-port';
import { rule as initContainerBeforeSidecar } from '../init-container-before-sidecar';
import { rule as invalidImageName } from '../invalid-image-name';
import { rule as invalidLabel } from '../invalid-label';
import { rule as invalidName } from '../invalid-name';
import { rule as invalidPort } from '../invalid-port';
import { rule as invalidQuantity } from '../invalid-quantity';
import { rule as invalidRestartPolicy } from '../invalid-restart-policy';
import { rule as missingImage } from '../missing-image';
import { rule as selectorMismatch } from '../selector-mismatch';
import type { Rule } from '../types';

/** What the API server (or the kubelet) rejects that the OpenAPI schema cannot say: kubernetes/ holds the data. */
export const rules = [
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
] as const satisfies readonly Rule[];
