import { classifySidecar } from '../../model/known-sidecars';
import { containersOf, type ContainerModel } from '../../model/pod';
import { containerPorts, type ContainerPort } from '../../model/ports';
import type { SelectedPod, ServicePortFacts, WorkspaceIndex, IndexedResource } from './workspace-index';

/** A container port that a Service port sends traffic to. */
export interface PortTarget {
  selected: SelectedPod;
  port: ContainerPort;
  /** A helper container (native sidecar, or a known proxy / shipper image) rather than the app. */
  sidecar: boolean;
}

/** What a Service port sends to: `targetPort`, else `port` (core/v1 ServicePort.targetPort default). */
export function targetOf(port: ServicePortFacts): number | string | undefined {
  return port.targetPort ?? port.port;
}

/** The pods a Service selects (none without a selector). */
export function podsOfService(index: WorkspaceIndex, service: IndexedResource): SelectedPod[] {
  const selector = service.facts.selectors.find((s) => s.kind.id === 'service-selector');
  return selector ? index.selectedBy(service, selector) : [];
}

/**
 * The declared container ports of the selected pods that a Service port reaches: by name, or by number. Ephemeral
 * containers have no ports; init containers that are not native sidecars are gone once the pod is ready.
 */
export function portTargets(selected: readonly SelectedPod[], port: ServicePortFacts): PortTarget[] {
  const target = targetOf(port);
  if (target === undefined) return [];
  const found: PortTarget[] = [];
  for (const pod of selected) {
    for (const container of containersOf(pod.pod.pod, { ephemeral: false })) {
      if (container.role === 'init') continue;
      for (const declared of containerPorts(container)) {
        if (typeof target === 'number' ? declared.containerPort === target : declared.name === target) {
          found.push({ selected: pod, port: declared, sidecar: isSidecar(container) });
        }
      }
    }
  }
  return found;
}

/** Every port the selected pods' long-running containers declare. */
export function declaredPorts(selected: readonly SelectedPod[]): ContainerPort[] {
  return selected.flatMap((pod) => containersOf(pod.pod.pod, { ephemeral: false }).filter((c) => c.role !== 'init').flatMap(containerPorts));
}

export function isSidecar(container: ContainerModel): boolean {
  return container.role === 'native-sidecar' || classifySidecar(container) !== undefined;
}
