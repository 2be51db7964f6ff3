import { isAlias, type Document } from 'yaml';
import { asMap, asSeq, deref, keyText, scalarText, type MapNode, type PairNode, type SeqNode } from '../parse/nodes';
import type { ContainerModel } from '../model/pod';
import { classifySidecar, type SidecarClassification } from '../model/known-sidecars';
import { parsePort, type PublishedPort } from './ports';
import { composeFacts, serviceFacts, type ComposeFacts, type ServiceFacts } from './facts';

/** A reference from one service to another by name (depends_on, network_mode, volumes_from). */
export interface ServiceReference {
  name: string;
  /** The node holding the name: the scalar, or the depends_on map key. */
  node: unknown;
  /** Where the name starts inside the node's source text (`service:` prefix of network_mode). */
  prefix: number;
}

export interface Dependency extends ServiceReference {
  condition?: string;
  conditionPair?: PairNode;
  /** `required: false`: Compose starts without it when it is not defined. */
  optional: boolean;
}

/** A `volumes:` entry of a service, short (`logs:/var/log:ro`) or long syntax. */
export interface ServiceMount {
  type: 'volume' | 'bind' | 'tmpfs' | 'other';
  /** Named volume or host path; undefined for an anonymous volume. */
  source?: string;
  target?: string;
  readOnly: boolean;
  /** The list item: a scalar (short syntax) or a map (long syntax). */
  node: unknown;
  /** The `source:` pair of the long syntax. */
  sourcePair?: PairNode;
  short: boolean;
}

export interface ComposeService {
  name: string;
  /** Its place among the services (entries of `services:` that are services). */
  index: number;
  /** `name:` pair in `services:`; the key is the name node. */
  pair: PairNode;
  node: MapNode | undefined;
  image?: string;
  /** `network_mode: service:<name>` (or `container:<name>`): whose network namespace it joins. */
  networkMode?: { value: string; pair: PairNode; service?: ServiceReference; joinsContainer: boolean };
  dependsOn: Dependency[];
  volumesFrom: ServiceReference[];
  mounts: ServiceMount[];
  ports: PublishedPort[];
  portsPair?: PairNode;
  exposePair?: PairNode;
  restartPair?: PairNode;
  /** `deploy.restart_policy`, which Compose honours too. */
  deployRestartPair?: PairNode;
  healthcheckPair?: PairNode;
  profiles: string[];
  /** Log shipper, proxy, exporter…, by the shared classifier. */
  sidecar?: SidecarClassification;
  /**
   * Services Compose starts first although depends_on does not name them: the targets of `network_mode`,
   * `ipc`, `pid`, `cgroup`, `uts` (`service:<name>`), `volumes_from` and `links` (compose-go
   * loader/normalize.go, implicit dependencies; TestNormalizeImplicitDependencies).
   */
  implicitDependencies: { name: string; via: string }[];
  /** What the rules may know of it when they judge another service (compose/facts.ts). */
  facts: ServiceFacts;
}

export interface ComposeModel {
  root: MapNode;
  services: ComposeService[];
  byName: ReadonlyMap<string, ComposeService>;
  /** Top-level `volumes:` and its names. */
  volumesPair?: PairNode;
  declaredVolumes: ReadonlySet<string>;
  versionPair?: PairNode;
  /**
   * Services, volumes or networks may come from elsewhere: an override file (compose.<x>.yaml) is merged onto a
   * base, `include:` pulls in other files. Cross-references are then not checked.
   */
  partial: boolean;
  /** The facts of every service, for the rules (the same object while an edit changes none of them). */
  facts: ComposeFacts;
}

/**
 * A pair of a map, following YAML merge keys (`<<: *defaults`), which Compose files use for shared settings.
 * Own keys win over merged ones, and earlier merged maps over later ones, as in YAML 1.1.
 */
export function field(map: MapNode | undefined, key: string, document: Document.Parsed, depth = 0): PairNode | undefined {
  if (!map) return undefined;
  let merges: PairNode[] | undefined;
  for (const item of map.items) {
    const name = keyText(item);
    if (name === key) return item;
    if (name === '<<') (merges ??= []).push(item);
  }
  if (!merges || depth > 8) return undefined;
  for (const merge of merges) {
    const sources = asSeq(merge.value)?.items ?? [merge.value];
    for (const source of sources) {
      const found = field(asMap(resolveAlias(source, document)), key, document, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * What an alias stands for, as the parse linked it (parse/nodes.ts deref: the anchor before it; `Alias.resolve`
 * would walk the whole tree on every call). `document` stays for the callers' sake: the link is per tree.
 */
function resolveAlias(node: unknown, _document: Document.Parsed): unknown {
  return isAlias(node) ? deref(node) : node;
}

function fieldValue(map: MapNode | undefined, key: string, document: Document.Parsed): unknown {
  return resolveAlias(field(map, key, document)?.value, document);
}

function items(value: unknown, document: Document.Parsed): unknown[] {
  const seq = asSeq(resolveAlias(value, document)) as SeqNode | undefined;
  return seq ? seq.items.map((item) => resolveAlias(item, document)) : [];
}

/**
 * The last model built of each tree. A service depends only on its pair's own nodes (and on anchors elsewhere
 * through aliases, which an incremental parse never changes: parse/incremental.ts parses the whole file again
 * when an edit touches an anchor), so a service is used again while the tree holds the same pair at the same
 * place: after an edit of another service, parse/incremental.ts keeps this pair's nodes, moved but unchanged.
 * `entries` are the items of the maps it read (the top level, `services:`, `volumes:`) when it was built: an
 * incremental parse edits a map under a top-level key in place.
 */
const lastModel = new WeakMap<Document.Parsed, { root: MapNode; entries: PairNode[][]; fileName: string | undefined; model: ComposeModel }>();

/** The Compose model of one document: services with their references, mounts and ports, each with its node. */
export function buildComposeModel(root: MapNode, document: Document.Parsed, fileName: string | undefined): ComposeModel {
  const servicesMap = asMap(fieldValue(root, 'services', document));
  const items = servicesMap?.items ?? [];
  const volumesPair = field(root, 'volumes', document);
  const volumes = asMap(resolveAlias(volumesPair?.value, document))?.items ?? [];
  const entries = [root.items, items, volumes];
  const last = lastModel.get(document);
  const previous = last?.root === root ? last.model : undefined;
  if (previous && last && last.fileName === fileName && last.entries.every((before, i) => sameItems(before, entries[i]))) return previous;
  const services: ComposeService[] = [];
  for (const pair of items) {
    const kept = previous?.services[services.length];
    if (kept?.pair === pair) {
      services.push(kept);
      continue;
    }
    const name = keyText(pair);
    if (name === undefined || name === '<<' || name.startsWith('x-')) continue;
    services.push(buildService(name, pair, asMap(resolveAlias(pair.value, document)), document, services.length));
  }
  const volumeNames: string[] = [];
  for (const pair of volumes) {
    const name = keyText(pair);
    if (name !== undefined) volumeNames.push(name);
  }
  const known = previous?.declaredVolumes;
  const declaredVolumes = known && known.size === volumeNames.length && sameOrder(known, volumeNames) ? known : new Set(volumeNames);
  const partial = !!field(root, 'include', document) || isOverrideFileName(fileName);
  let byName: Map<string, ComposeService> | undefined;
  const model: ComposeModel = {
    root,
    services,
    get byName() {
      byName ??= new Map(services.map((s) => [s.name, s]));
      return byName;
    },
    volumesPair,
    declaredVolumes,
    versionPair: field(root, 'version', document),
    partial,
    facts: composeFacts(services.map((s) => s.facts), declaredVolumes, partial, previous?.facts),
  };
  lastModel.set(document, { root, entries: entries.map((list) => [...list]), fileName, model });
  return model;
}

function sameItems(a: readonly PairNode[], b: readonly PairNode[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function sameOrder(set: ReadonlySet<string>, names: readonly string[]): boolean {
  let i = 0;
  for (const name of set) if (name !== names[i++]) return false;
  return true;
}

/** compose.override.yaml, docker-compose.prod.yml, docker-compose-dev.yml: merged onto a base file. */
function isOverrideFileName(fileName: string | undefined): boolean {
  if (!fileName) return false;
  const base = fileName.replace(/[?#].*$/, '').split(/[/\\]/).pop() ?? '';
  return /^(docker-)?compose[.-].+\.ya?ml$/i.test(base);
}

function buildService(name: string, pair: PairNode, node: MapNode | undefined, document: Document.Parsed, index: number): ComposeService {
  const get = (key: string) => field(node, key, document);
  const text = (key: string) => scalarText(resolveAlias(get(key)?.value, document));
  const service: Omit<ComposeService, 'facts'> = {
    name,
    index,
    pair,
    node,
    image: text('image'),
    dependsOn: dependencies(get('depends_on')?.value, document),
    volumesFrom: [],
    mounts: [],
    ports: [],
    portsPair: get('ports'),
    exposePair: get('expose'),
    restartPair: get('restart'),
    deployRestartPair: field(asMap(resolveAlias(get('deploy')?.value, document)), 'restart_policy', document),
    healthcheckPair: get('healthcheck'),
    profiles: items(get('profiles')?.value, document).map(scalarText).filter((p): p is string => !!p),
    implicitDependencies: [],
  };
  const networkPair = get('network_mode');
  const networkMode = scalarText(resolveAlias(networkPair?.value, document));
  if (networkPair && networkMode !== undefined) {
    const match = /^(service|container):(.+)$/.exec(networkMode);
    service.networkMode = {
      value: networkMode,
      pair: networkPair,
      joinsContainer: !!match,
      service: match?.[1] === 'service' ? { name: match[2], node: networkPair.value, prefix: 'service:'.length } : undefined,
    };
  }
  for (const item of items(get('volumes_from')?.value, document)) {
    const value = scalarText(item);
    // service_name[:ro|rw]; container:<name>[:ro|rw] names a container outside the project
    if (!value || value.startsWith('container:')) continue;
    service.volumesFrom.push({ name: value.replace(/:(ro|rw)$/, ''), node: item, prefix: 0 });
  }
  for (const item of items(get('volumes')?.value, document)) {
    const mount = parseMount(item, document);
    if (mount) service.mounts.push(mount);
  }
  for (const item of items(service.portsPair?.value, document)) service.ports.push(...parsePort(item, document));
  service.implicitDependencies = implicitDependencies(service, text, items(get('links')?.value, document));
  service.sidecar = node ? classifySidecar(asContainer(node, service.image, index)) : undefined;
  const restart = service.restartPair ? (scalarText(service.restartPair.value) ?? null) : undefined;
  const facts = serviceFacts({
    name,
    sidecar: !!service.sidecar,
    joinsContainer: !!service.networkMode?.joinsContainer,
    mounts: service.mounts.map(({ type, source }) => ({ type, source })),
    profiles: service.profiles,
    ports: service.ports.map(({ hostIp, first, last, protocol }) => ({ hostIp, first, last, protocol })),
    healthcheck: !service.healthcheckPair ? 'none' : runsHealthcheck(service.healthcheckPair.value, document) ? 'on' : 'off',
    restart,
  });
  return { ...service, facts };
}

/** A healthcheck that is a map and neither `disable: true` nor `test: ["NONE"]`. */
function runsHealthcheck(value: unknown, document: Document.Parsed): boolean {
  const map = asMap(value);
  if (!map) return false;
  if (scalarText(field(map, 'disable', document)?.value) === 'true') return false;
  const test = field(map, 'test', document)?.value;
  return (scalarText(test) ?? scalarText(asSeq(test)?.items[0])) !== 'NONE';
}

function implicitDependencies(service: Omit<ComposeService, 'facts'>, text: (key: string) => string | undefined, links: unknown[]): { name: string; via: string }[] {
  const result: { name: string; via: string }[] = [];
  const add = (name: string | undefined, via: string) => {
    if (name && name !== service.name && !service.dependsOn.some((d) => d.name === name) && !result.some((r) => r.name === name)) result.push({ name, via });
  };
  add(service.networkMode?.service?.name, 'network_mode');
  for (const key of ['ipc', 'pid', 'cgroup', 'uts']) add(/^service:(.+)$/.exec(text(key) ?? '')?.[1], key);
  for (const reference of service.volumesFrom) add(reference.name, 'volumes_from');
  // links: SERVICE[:ALIAS]
  for (const link of links) add(scalarText(link)?.split(':')[0], 'links');
  return result;
}

function dependencies(value: unknown, document: Document.Parsed): Dependency[] {
  const resolved = resolveAlias(value, document);
  const list = asSeq(resolved);
  if (list) {
    return list.items
      .map((item) => resolveAlias(item, document))
      .flatMap((item) => {
        const name = scalarText(item);
        return name ? [{ name, node: item, prefix: 0, optional: false }] : [];
      });
  }
  const result: Dependency[] = [];
  for (const pair of asMap(resolved)?.items ?? []) {
    const name = keyText(pair);
    if (!name || name === '<<') continue;
    const options = asMap(resolveAlias(pair.value, document));
    const conditionPair = field(options, 'condition', document);
    const required = scalarText(resolveAlias(field(options, 'required', document)?.value, document));
    result.push({ name, node: pair.key, prefix: 0, condition: scalarText(conditionPair?.value), conditionPair, optional: required === 'false' });
  }
  return result;
}

function parseMount(item: unknown, document: Document.Parsed): ServiceMount | undefined {
  const short = scalarText(item);
  if (short !== undefined) {
    // [SOURCE:]TARGET[:MODE]; a Windows drive letter ("C:\data") is part of the source
    const parts = short.split(':');
    if (/^[a-zA-Z]$/.test(parts[0] ?? '') && parts.length > 2) parts.splice(0, 2, `${parts[0]}:${parts[1]}`);
    if (parts.length === 1) return { type: 'volume', target: parts[0], readOnly: false, node: item, short: true };
    const source = parts[0];
    const modes = (parts[2] ?? '').split(',');
    return { type: isHostPath(source) ? 'bind' : 'volume', source, target: parts[1], readOnly: modes.includes('ro'), node: item, short: true };
  }
  const map = asMap(item);
  if (!map) return undefined;
  const text = (key: string) => scalarText(resolveAlias(field(map, key, document)?.value, document));
  const type = text('type');
  const sourcePair = field(map, 'source', document);
  return {
    type: type === 'volume' || type === 'bind' || type === 'tmpfs' ? type : 'other',
    source: scalarText(sourcePair?.value),
    target: text('target'),
    readOnly: text('read_only') === 'true',
    node: map,
    sourcePair,
    short: false,
  };
}

/** Compose reads a short-syntax source as a host path when it starts with ".", "/" or "~" (or a drive letter). */
export function isHostPath(source: string): boolean {
  return /^[./~]/.test(source) || /^[a-zA-Z]:[\\/]/.test(source) || source.includes('/') || source.includes('$');
}

/** The service seen as a container, so the shared sidecar classifier can read its image and command. */
export function asContainer(node: MapNode, image: string | undefined, index: number): ContainerModel {
  return { node, list: 'containers', index, path: [], role: 'app', image };
}
