import { classifySidecar, commandLine, type SidecarClassification } from '../model/known-sidecars';
import { imageRepository } from '../model/images';
import { containerAnchor, CONTAINER_DATA, containerData, containerLabel } from '../model/containers';
import { getString } from '../parse/nodes';
import type { ContainerModel, PodSpecModel } from '../model/pod';
import { defineRule } from './types';

const NATIVE_SIDECARS_MINOR = 29;

/**
 * How a Job's main container can stop a classic helper itself, the patterns used before native sidecars:
 * the helper's quit endpoint (cloud-sql-proxy `--quitquitquit`, Istio's pilot-agent `POST :15020/quitquitquit`)
 * called by the app, or a shared process namespace in which the app kills the helper. Such a Job completes.
 */
function stopMechanism(pod: PodSpecModel, helper: ContainerModel, workers: readonly ContainerModel[]): string | undefined {
  const workerCommands = workers.map(commandLine);
  if (workerCommands.some((command) => /quitquitquit/.test(command))) {
    // cloud-sql-proxy serves /quitquitquit only when started with --quitquitquit (v2).
    const repository = helper.image ? imageRepository(helper.image) : '';
    const needsFlag = /(^|\/)cloud-sql-proxy$/.test(repository);
    if (!needsFlag || /--quitquitquit\b/.test(commandLine(helper))) return 'the app calls its `/quitquitquit` endpoint';
  }
  if (getString(pod.spec, 'shareProcessNamespace') === 'true') {
    const kills = workerCommands.some((command) => /\b(pkill|killall|kill)\b/.test(command));
    return kills ? '`shareProcessNamespace: true` and the app kills it' : '`shareProcessNamespace: true`, so the app can kill it';
  }
  return undefined;
}

export const rule = defineRule({
  id: 'job-classic-sidecar',
  group: 'native-sidecars',
  defaultSeverity: 'warning',
  summary: 'A long-running helper in the `containers` of a Job (or a run-to-completion Pod) keeps the pod running: the Job never completes.',
  data: { ...CONTAINER_DATA, sidecarKind: 'string', stopMechanism: 'string?' },
  check(pod, context) {
    // Argo Workflows kills a template's `sidecars` once its main container exits (docs/custom-resources.md).
    if (!pod.runsToCompletion || pod.sidecarsStoppedByController || pod.containers.length < 2) return;
    const helpers: { container: ContainerModel; sidecar: SidecarClassification }[] = [];
    const workers: ContainerModel[] = [];
    for (const container of pod.containers) {
      const sidecar = classifySidecar(container);
      if (sidecar?.longRunning) helpers.push({ container, sidecar });
      else workers.push(container);
    }
    // With no container left that looks like the work itself we cannot tell helper from workload: stay silent.
    if (workers.length === 0) return;
    const owner = pod.completesByRestartPolicy ? `this ${pod.workload.kind} (restartPolicy Never/OnFailure)` : `this ${pod.workload.kind}`;
    const native = context.minor >= NATIVE_SIDECARS_MINOR;
    for (const { container, sidecar } of helpers) {
      const data = { ...containerData(container), sidecarKind: sidecar.kind };
      const mechanism = stopMechanism(pod, container, workers);
      if (mechanism) {
        context.report({
          ...containerAnchor(container),
          severity: 'info',
          message:
            `Container ${containerLabel(container)} (${sidecar.reason}) runs until it is stopped; ${owner} completes only because ${mechanism}.` +
            (native ? ' A native sidecar (`initContainers` with `restartPolicy: Always`) is stopped by Kubernetes itself, with no code in the app.' : ''),
          data: { ...data, stopMechanism: mechanism },
        });
        continue;
      }
      const fix = native
        ? ' Move it to `initContainers` with `restartPolicy: Always` (a native sidecar): Kubernetes stops it once the main containers finish.'
        : ` Native sidecars (initContainers with restartPolicy: Always) fix this from Kubernetes 1.29; on ${context.kubernetesVersion} the main container must stop the helper itself (e.g. a shared file or process namespace).`;
      context.report({
        ...containerAnchor(container),
        message:
          `Container ${containerLabel(container)} (${sidecar.reason}) runs until it is killed, so ${owner} never completes: ` +
          `its pod keeps running after the main container exits.${fix}`,
        data,
      });
    }
  },
});
