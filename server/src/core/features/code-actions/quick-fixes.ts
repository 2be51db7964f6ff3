import {
  composeHealthyWithoutHealthcheck,
  composePortsWithSharedNetwork,
  composeShipperWritableVolume,
  composeSidecarRestart,
  composeUndeclaredVolume,
  composeUnknownService,
  composeVersionObsolete,
} from './compose';
import { imageTag, duplicateContainerName, missingProbes, missingResources, portConflict, probePortNotExposed, secretInEnv } from './container-fixes';
import { invalidEnum, removedApiVersion, removeVersionedField, unknownField } from './fields';
import { convertToNative, restartPolicyOnAppContainer, unsupportedNativeSidecar } from './native-sidecar';
import { initRestartPolicyValue, probeOnInitContainer } from './restart-policy';
import { emptyDirSizeLimit, nativeSidecarStartupProbe, privilegedContainer, privilegeEscalation } from './security-and-probes';
import { invalidRestartPolicy, replaceValue, unknownKind } from './api-fixes';
import { addInjectorAnnotation } from './injection';
import type { Code } from '../../codes';
import { kustomizeDeprecatedField } from './kustomize';
import type { QuickFixProvider } from './types';
import { duplicateMountPath, shipperMountReadOnly, undefinedVolume, unusedVolume } from './volumes';
import { danglingReference } from './workspace';

/** The table's type: each code's fix takes that code's data, so a fix reads only fields its code carries. */
type QuickFixes = { [C in Code]?: QuickFixProvider<C> };

/**
 * Quick fixes by diagnostic code (rule id or non-rule code); never by message. Keyed by `Code`: a key that is no
 * code (a typo, a renamed rule) is a type error, and so is a fix that reads data its code does not carry.
 */
const fixes: QuickFixes = {
  'job-classic-sidecar': convertToNative,
  'injected-sidecar-blocks-job': addInjectorAnnotation,
  'init-container-network-before-proxy': addInjectorAnnotation,
  'vault-init-after-proxy-init': addInjectorAnnotation,
  'proxy-start-order': convertToNative,
  'restart-policy-on-app-container': restartPolicyOnAppContainer,
  'native-sidecar-unsupported-version': unsupportedNativeSidecar,
  'init-restart-policy-value': initRestartPolicyValue,
  'probe-on-init-container': probeOnInitContainer,
  'undefined-volume': undefinedVolume,
  'unused-volume': unusedVolume,
  'shipper-mount-read-only': shipperMountReadOnly,
  'duplicate-mount-path': duplicateMountPath,
  'unknown-field': unknownField,
  'invalid-enum': invalidEnum,
  'removed-api-version': removedApiVersion,
  // The version a deprecated CRD version's warning names (schema/crd-catalog.ts).
  'crd-version-deprecated': removedApiVersion,
  'api-version-not-served-yet': removedApiVersion,
  'field-not-in-version': removeVersionedField,
  'field-behind-feature-gate': removeVersionedField,
  'emptydir-size-limit': emptyDirSizeLimit,
  'privileged-container': privilegedContainer,
  'privilege-escalation': privilegeEscalation,
  'native-sidecar-startup-probe': nativeSidecarStartupProbe,
  'missing-resources': missingResources,
  'missing-probes': missingProbes,
  'image-tag': imageTag,
  'secret-in-env': secretInEnv,
  'duplicate-container-name': duplicateContainerName,
  'port-conflict': portConflict,
  'probe-port-not-exposed': probePortNotExposed,
  'invalid-name': replaceValue,
  'invalid-image-name': replaceValue,
  'invalid-port': replaceValue,
  'invalid-quantity': replaceValue,
  'host-network-port': replaceValue,
  'proxy-await-disabled': replaceValue,
  'invalid-restart-policy': invalidRestartPolicy,
  'unknown-kind': unknownKind,
  'compose-unknown-service': composeUnknownService,
  'compose-ports-with-shared-network': composePortsWithSharedNetwork,
  'compose-undeclared-volume': composeUndeclaredVolume,
  'compose-shipper-writable-volume': composeShipperWritableVolume,
  'compose-healthy-without-healthcheck': composeHealthyWithoutHealthcheck,
  'compose-sidecar-restart': composeSidecarRestart,
  'compose-version-obsolete': composeVersionObsolete,
  'kustomize-deprecated-field': kustomizeDeprecatedField,
  'dangling-reference': danglingReference,
};

/** The fix of a code (checked to be one: the code on a diagnostic from the client is any string). */
export function quickFixFor<C extends Code>(code: C): QuickFixProvider<C> | undefined {
  return Object.hasOwn(fixes, code) ? fixes[code] : undefined;
}

export type { FixContext, FixProposal, QuickFixProvider } from './types';
