import { asMap, asSeq, getMap, getPair, keyText, nodeSpan, scalarText, type MapNode, type PairNode, type Span } from '../../parse/nodes';
import type { ContainerModel } from '../../model/pod';
import { classifySidecar } from '../../model/known-sidecars';
import { FlowchartBuilder, safe, type Label } from './flowchart-builder';
import { SequenceBuilder } from './sequence-builder';
import type { DiagramNode, NodeClass } from './types';

interface ServiceEntry {
  id: string;
  name: string;
  node: MapNode;
  pair: PairNode;
  classic: boolean;
  span?: Span;
}

interface ComposeMount {
  /** Named volume, or a host path for a bind mount. */
  source: string;
  bind: boolean;
  target: string;
  readOnly: boolean;
}

export interface ComposeDiagrams {
  name: string;
  mermaid: string;
  sequence: string;
  nodes: DiagramNode[];
}

/** Services, named volumes, bind mounts and depends_on of a Compose file, drawn like a pod. */
export function composeDiagrams(root: MapNode, fileName: string | undefined, offset: number): ComposeDiagrams {
  const flow = new FlowchartBuilder();
  const fileSpan = (node: unknown): Span | undefined => {
    const span = nodeSpan(node);
    return span ? { start: span.start + offset, end: span.end + offset } : undefined;
  };
  const projectName = scalarText(getPair(root, 'name')?.value) ?? baseName(fileName) ?? 'compose';
  const services: ServiceEntry[] = [];
  for (const pair of getMap(root, 'services')?.items ?? []) {
    const node = asMap(pair.value);
    const name = keyText(pair);
    if (!node || name === undefined) continue;
    const networkMode = scalarText(getPair(node, 'network_mode')?.value) ?? '';
    const keySpan = fileSpan(pair.key);
    const valueSpan = fileSpan(pair.value);
    services.push({
      id: flow.nextId('c'),
      name,
      node,
      pair,
      classic: networkMode.startsWith('service:') || !!classifySidecar(asContainer(node, services.length)),
      span: keySpan && valueSpan ? { start: keySpan.start, end: valueSpan.end } : keySpan,
    });
  }
  // Helpers only: nothing to be a helper to, so draw them all as services.
  if (services.every((s) => s.classic)) for (const s of services) s.classic = false;

  flow.openGroup(flow.nextId('p'), [safe('Compose '), projectName]);
  for (const service of services) {
    const lines: Label[] = [service.name, safe(service.classic ? 'sidecar service' : 'service')];
    const image = scalarText(getPair(service.node, 'image')?.value);
    const build = getPair(service.node, 'build');
    if (image) lines.push(image);
    else if (build) lines.push([safe('build '), scalarText(build.value) ?? scalarText(getPair(asMap(build.value), 'context')?.value) ?? '.']);
    const ports = listTexts(getPair(service.node, 'ports')?.value, (map) => {
      const target = scalarText(getPair(map, 'target')?.value);
      const published = scalarText(getPair(map, 'published')?.value);
      return target ? (published ? `${published}:${target}` : target) : undefined;
    });
    if (ports.length) lines.push([safe('ports '), ports.join(' ')]);
    const classes: NodeClass[] = [service.classic ? 'classic' : 'app'];
    flow.node(service.id, 'box', lines, classes, service.span);
  }

  const declared = getMap(root, 'volumes');
  const volumeIds = new Map<string, string>();
  for (const pair of declared?.items ?? []) {
    const name = keyText(pair);
    if (name === undefined || volumeIds.has(name)) continue;
    const id = flow.nextId('v');
    volumeIds.set(name, id);
    const driver = scalarText(getPair(asMap(pair.value), 'driver')?.value);
    flow.node(id, 'cylinder', [name, driver ? [safe('volume, driver '), driver] : safe('named volume')], ['volume'], fileSpan(pair.key));
  }
  const serviceMounts = services.map((service) => ({ service, mounts: mountsOf(service.node) }));
  for (const { mounts } of serviceMounts) {
    for (const mount of mounts) {
      const key = mount.bind ? `bind:${mount.source}` : mount.source;
      if (volumeIds.has(key)) continue;
      const id = flow.nextId('v');
      volumeIds.set(key, id);
      flow.node(id, 'cylinder', mount.bind ? [mount.source, safe('host path')] : [mount.source, safe('named volume, not declared')], ['volume']);
    }
  }
  flow.closeGroup();

  for (const { service, mounts } of serviceMounts) {
    for (const mount of mounts) {
      const volumeId = volumeIds.get(mount.bind ? `bind:${mount.source}` : mount.source);
      if (!volumeId) continue;
      if (mount.readOnly) flow.edge(volumeId, service.id, 'reads', [safe('reads '), mount.target]);
      else flow.edge(service.id, volumeId, 'writes', [safe('writes '), mount.target]);
    }
  }
  const byName = new Map(services.map((s) => [s.name, s]));
  for (const service of services) {
    for (const dependency of dependsOn(service.node)) {
      const target = byName.get(dependency.name);
      if (target) flow.edge(service.id, target.id, 'depends', safe(dependency.condition === 'service_healthy' ? 'starts after, healthy' : 'starts after'));
    }
    const networkMode = scalarText(getPair(service.node, 'network_mode')?.value) ?? '';
    const shared = networkMode.startsWith('service:') ? byName.get(networkMode.slice('service:'.length)) : undefined;
    if (shared) flow.edge(service.id, shared.id, 'depends', safe('shares network'));
  }

  return { name: projectName, mermaid: flow.toString(), sequence: composeSequence(services, projectName), nodes: flow.nodes };
}

/** Start order: dependencies first (depends_on), file order otherwise; stop in reverse. Cycles fall back to file order. */
function composeSequence(services: ServiceEntry[], projectName: string): string {
  const seq = new SequenceBuilder('compose', 'docker compose');
  for (const service of services) seq.participant(service.id, service.name);
  seq.note('over', ['compose'], [safe('up '), projectName]);
  const byName = new Map(services.map((s) => [s.name, s]));
  const order: ServiceEntry[] = [];
  const state = new Map<ServiceEntry, 'visiting' | 'done'>();
  const visit = (service: ServiceEntry) => {
    if (state.get(service)) return;
    state.set(service, 'visiting');
    for (const dependency of dependsOn(service.node)) {
      const target = byName.get(dependency.name);
      if (target && state.get(target) !== 'visiting') visit(target);
    }
    state.set(service, 'done');
    order.push(service);
  };
  services.forEach(visit);
  for (const service of order) {
    seq.message('compose', service.id, 'call', safe(service.classic ? 'start sidecar service' : 'start service'));
    const waiters = services.filter((s) => dependsOn(s.node).some((d) => d.name === service.name && d.condition === 'service_healthy'));
    if (waiters.length) seq.note('right of', [service.id], safe('healthcheck must pass before its dependents start'));
  }
  if (order.length > 1) seq.note('over', [order[0].id, order[order.length - 1].id], safe('running'));
  seq.note('over', ['compose'], safe('down'));
  for (const service of [...order].reverse()) seq.message('compose', service.id, 'call', safe('stop'));
  return seq.toString();
}

function dependsOn(service: MapNode): { name: string; condition?: string }[] {
  const value = getPair(service, 'depends_on')?.value;
  const seq = asSeq(value);
  if (seq) return seq.items.map(scalarText).filter((n): n is string => !!n).map((name) => ({ name }));
  const map = asMap(value);
  if (!map) return [];
  return map.items
    .map((pair) => ({ name: keyText(pair) ?? '', condition: scalarText(getPair(asMap(pair.value), 'condition')?.value) }))
    .filter((d) => d.name !== '');
}

function mountsOf(service: MapNode): ComposeMount[] {
  const seq = asSeq(getPair(service, 'volumes')?.value);
  if (!seq) return [];
  const result: ComposeMount[] = [];
  for (const item of seq.items) {
    const short = scalarText(item);
    if (short !== undefined) {
      // source:target[:mode]; a lone path is an anonymous volume, private to the service: nothing to draw.
      const parts = short.split(':');
      if (parts.length < 2 || !parts[0]) continue;
      const source = parts[0];
      result.push({ source, bind: isHostPath(source), target: parts[1], readOnly: (parts[2] ?? '').split(',').includes('ro') });
      continue;
    }
    const map = asMap(item);
    const source = scalarText(getPair(map, 'source')?.value);
    const target = scalarText(getPair(map, 'target')?.value) ?? '';
    const type = scalarText(getPair(map, 'type')?.value) ?? 'volume';
    if (!source || (type !== 'volume' && type !== 'bind')) continue;
    result.push({ source, bind: type === 'bind', target, readOnly: scalarText(getPair(map, 'read_only')?.value) === 'true' });
  }
  return result;
}

function isHostPath(source: string): boolean {
  return /^[./~]/.test(source) || source.includes('/') || /^\$\{?\w/.test(source);
}

function listTexts(value: unknown, fromMap: (map: MapNode) => string | undefined): string[] {
  const seq = asSeq(value);
  if (!seq) return [];
  return seq.items
    .map((item) => {
      const map = asMap(item);
      return map ? fromMap(map) : scalarText(item);
    })
    .filter((t): t is string => !!t);
}

function baseName(fileName: string | undefined): string | undefined {
  if (!fileName) return undefined;
  const decoded = safeDecode(fileName.replace(/[?#].*$/, ''));
  const base = decoded.split(/[/\\]/).pop();
  return base || undefined;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The service seen as a container, so the shared sidecar classifier can read its image and command. */
function asContainer(node: MapNode, index: number): ContainerModel {
  return {
    node,
    list: 'containers',
    index,
    path: [],
    role: 'app',
    image: scalarText(getPair(node, 'image')?.value),
  };
}
