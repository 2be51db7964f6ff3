import { asMap, asSeq, getPair, nodeSpan, scalarText, valueNode, type Span } from '../parse/nodes';
import type { ContainerModel } from './pod';

/** One entry of a container's `ports`, as the API reads it. */
export interface ContainerPort {
  container: ContainerModel;
  index: number;
  name?: string;
  /** The `name` value as written. */
  nameSpan?: Span;
  containerPort?: number;
  containerPortSpan?: Span;
  /** TCP when not written (core/v1 ContainerPort.protocol default). */
  protocol: string;
}

/** The ports a container declares, in order; a missing or non-numeric containerPort is left undefined. */
export function containerPorts(container: ContainerModel): ContainerPort[] {
  const result: ContainerPort[] = [];
  asSeq(getPair(container.node, 'ports')?.value)?.items.forEach((item, index) => {
    const map = asMap(item);
    if (!map) return;
    const nameNode = valueNode(getPair(map, 'name')?.value);
    const portNode = valueNode(getPair(map, 'containerPort')?.value);
    const portText = scalarText(portNode);
    result.push({
      container,
      index,
      name: scalarText(nameNode) || undefined,
      nameSpan: nodeSpan(nameNode),
      containerPort: portText !== undefined && /^\d+$/.test(portText) ? Number(portText) : undefined,
      containerPortSpan: nodeSpan(portNode),
      protocol: (scalarText(getPair(map, 'protocol')?.value) ?? 'TCP').toUpperCase(),
    });
  });
  return result;
}
