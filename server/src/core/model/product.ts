import { asMap, getMap, getString, keyText, resolvePath, type MapNode } from '../parse/nodes';
import { imageRepository } from './images';
import { classifySidecar, commandLine } from './known-sidecars';
import type { ContainerModel, PodSpecModel } from './pod';

/** Words that name a workload whose product is the proxy itself: an ingress or egress gateway, an edge Envoy. */
const PROXY_PRODUCT = /(^|[-_.])(gateway|gw|ingress|egress|envoy|proxy|router|edge)([-_.]|$)|ingressgateway|egressgateway/i;
const PRODUCT_LABELS = ['app', 'app.kubernetes.io/name', 'app.kubernetes.io/component', 'istio', 'component', 'gateway.envoyproxy.io/owning-gateway-name'];

/**
 * Whether a helper-looking container (a proxy, a log shipper) is what this workload ships, not a helper beside an app: Contour's `envoy` DaemonSet (Envoy
 * with Contour's shutdown manager), an Istio ingress gateway (`pilot-agent proxy router`), Envoy Gateway's proxy
 * fleet. Its name or its pod's labels say so, or the proxy runs in gateway (router) mode.
 */
export function isWorkloadProduct(pod: PodSpecModel, container: ContainerModel): boolean {
  const imageName = container.image ? imageRepository(container.image).split('/').pop() ?? '' : '';
  const workloadName = pod.workload.name?.toLowerCase() ?? '';
  if (imageName && workloadName.includes(imageName)) return true;
  if (PROXY_PRODUCT.test(workloadName)) return true;
  if (/(^|\s)(proxy\s+)?router(\s|$)/.test(commandLine(container))) return true;
  const labels = podLabels(pod);
  return PRODUCT_LABELS.some((key) => {
    const value = getString(labels, key);
    return value !== undefined && (PROXY_PRODUCT.test(value) || (!!imageName && value.toLowerCase().includes(imageName)));
  }) || labels?.items.some((pair) => /gateway/i.test(keyText(pair) ?? '')) === true;
}

/** The labels of the pod (a Pod's own, or its template's). */
function podLabels(pod: PodSpecModel): MapNode | undefined {
  const templatePath = pod.path.slice(0, -1);
  const holder = templatePath.length === 0 ? pod.workload.node : asMap(resolvePath(pod.workload.node, templatePath)?.node);
  return getMap(getMap(holder, 'metadata'), 'labels');
}

/**
 * A classic sidecar: a recognised helper in `containers` beside an app container, and not the workload's product.
 * The pod's only container, or the main one of a gateway or a log-shipping DaemonSet, is never called a sidecar.
 */
export function isClassicSidecar(pod: PodSpecModel, container: ContainerModel): boolean {
  if (container.role !== 'app' || pod.containers.length < 2 || !classifySidecar(container)) return false;
  if (!pod.containers.some((other) => other !== container && !classifySidecar(other))) return false;
  return !isWorkloadProduct(pod, container);
}
