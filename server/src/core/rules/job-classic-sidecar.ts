import { classifySidecar, type SidecarClassification } from '../sidecars/known-sidecars';
import { containerAnchor, containerData, containerLabel } from '../sidecars/field-path';
import type { ContainerModel } from '../parse/pod';
import type { Rule } from './types';

const NATIVE_SIDECARS_MINOR = 29;

export const rule: Rule = {
  id: 'job-classic-sidecar',
  defaultSeverity: 'warning',
  summary: 'A long-running helper in the `containers` of a Job (or a run-to-completion Pod) keeps the pod running: the Job never completes.',
  check(pod, context) {
    if (!pod.runsToCompletion || pod.containers.length < 2) return;
    const helpers: { container: ContainerModel; sidecar: SidecarClassification }[] = [];
    let mainWorkloads = 0;
    for (const container of pod.containers) {
      const sidecar = classifySidecar(container);
      if (sidecar?.longRunning) helpers.push({ container, sidecar });
      else mainWorkloads++;
    }
    // With no container left that looks like the work itself we cannot tell helper from workload: stay silent.
    if (mainWorkloads === 0) return;
    const owner = pod.workload.kind === 'Pod' ? 'this Pod (restartPolicy Never/OnFailure)' : `this ${pod.workload.kind}`;
    for (const { container, sidecar } of helpers) {
      const fix =
        context.minor >= NATIVE_SIDECARS_MINOR
          ? ' Move it to `initContainers` with `restartPolicy: Always` (a native sidecar): Kubernetes stops it once the main containers finish.'
          : ` Native sidecars (initContainers with restartPolicy: Always) fix this from Kubernetes 1.29; on ${context.kubernetesVersion} the main container must stop the helper itself (e.g. a shared file or process namespace).`;
      context.report({
        ...containerAnchor(container),
        message:
          `Container ${containerLabel(container)} (${sidecar.reason}) runs until it is killed, so ${owner} never completes: ` +
          `its pod keeps running after the main container exits.${fix}`,
        data: { ...containerData(container), sidecarKind: sidecar.kind },
      });
    }
  },
};
