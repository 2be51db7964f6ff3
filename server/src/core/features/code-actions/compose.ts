import { isScalar } from 'yaml';
import { buildComposeModel, type ComposeModel, type ComposeService } from '../../compose/model';
import { referenceSpan, spanInNode } from '../../compose/rules/types';
import { asMap, asSeq, nodeSpan, scalarText } from '../../parse/nodes';
import { imageRepository } from '../../model/images';
import { proposal, type FixTarget, type QuickFixProvider } from './types';

function modelOf(context: FixTarget): ComposeModel | undefined {
  const root = context.document.root;
  return root ? buildComposeModel(root, context.document.yaml, undefined) : undefined;
}

function serviceNamed(model: ComposeModel | undefined, name: string | undefined): ComposeService | undefined {
  return name === undefined ? undefined : model?.byName.get(name);
}

function within(span: { start: number; end: number } | undefined, offset: number): boolean {
  return !!span && offset >= span.start && offset <= span.end;
}

/** compose-unknown-service: put the suggested service name in place of the unknown one. */
export const composeUnknownService: QuickFixProvider<'compose-unknown-service'> = (context) => {
  const { suggestion } = context.data;
  const service = serviceNamed(modelOf(context), context.data.service);
  if (!suggestion || !service) return [];
  const references = [...service.dependsOn, ...service.volumesFrom, ...(service.networkMode?.service ? [service.networkMode.service] : [])];
  const reference = references.find((r) => within(referenceSpan(r, context.document.text), context.start));
  if (!reference || !isScalar(reference.node)) return [];
  const text = scalarText(reference.node) ?? '';
  const at = text.indexOf(reference.name, reference.prefix);
  const replaced = `${text.slice(0, at)}${suggestion}${text.slice(at + reference.name.length)}`;
  return proposal(`Change to service "${suggestion}"`, [context.editor.replaceScalar(reference.node, replaced)], { isPreferred: true });
};

/** compose-ports-with-shared-network: publish the ports on the service that owns the network; drop `expose`. */
export const composePortsWithSharedNetwork: QuickFixProvider<'compose-ports-with-shared-network'> = (context) => {
  const model = modelOf(context);
  const service = serviceNamed(model, context.data.service);
  const { key } = context.data;
  if (!service?.node) return [];
  const { editor } = context;
  if (key === 'expose' && service.exposePair) {
    return proposal(`Remove expose from "${service.name}"`, [editor.removePair(service.node, service.exposePair)]);
  }
  const owner = serviceNamed(model, service.networkMode?.service?.name);
  const items = asSeq(service.portsPair?.value)?.items;
  if (key !== 'ports' || !service.portsPair || !owner?.node || !items?.length) return [];
  // a scalar keeps its source text (quotes matter: unquoted 22:22 is a number in YAML 1.1 readers)
  const fragments = items.map((item) => {
    const span = nodeSpan(item);
    return isScalar(item) && span ? [context.document.text.slice(span.start, span.end)] : editor.fragment((item as { toJSON(): unknown }).toJSON());
  });
  const ownerPorts = asSeq(owner.portsPair?.value);
  let add;
  if (ownerPorts && ownerPorts.items.length > 0) {
    const changes = fragments.map((fragment) => editor.appendToSeq(ownerPorts, fragment));
    if (changes.some((c) => c === undefined)) return [];
    // one insertion after the owner's last item, holding every moved entry in order
    add = changes.reduce((all, change) => (all && change ? { ...all, newText: all.newText + change.newText } : undefined));
  } else if (!owner.portsPair) {
    add = editor.insertIntoMap(owner.node, editor.newSequence('ports', fragments, editor.sequenceOffset({ pair: service.portsPair, seq: asSeq(service.portsPair.value) })));
  }
  return proposal(`Publish the ports on "${owner.name}"`, [editor.removePair(service.node, service.portsPair), add], { isPreferred: true });
};

/** compose-undeclared-volume: declare the volume at the top level, or use the declared one it resembles. */
export const composeUndeclaredVolume: QuickFixProvider<'compose-undeclared-volume'> = (context) => {
  const model = modelOf(context);
  const { volume, suggestion } = context.data;
  const service = serviceNamed(model, context.data.service);
  if (!model || !volume || !service) return [];
  const { editor } = context;
  const fixes = [];
  const mount = service.mounts.find((m) => m.source === volume && within(m.sourcePair ? nodeSpan(m.sourcePair.value) : spanInNode(m.node, volume, context.document.text), context.start));
  if (suggestion && mount) {
    const change = mount.sourcePair
      ? editor.replaceScalar(mount.sourcePair.value, suggestion)
      : editor.replaceScalar(mount.node, `${suggestion}${(scalarText(mount.node) ?? '').slice(volume.length)}`);
    fixes.push(...proposal(`Change to volume "${suggestion}"`, [change], { isPreferred: true }));
  }
  const declared = asMap(model.volumesPair?.value);
  const declaration =
    declared && declared.items.length > 0
      ? editor.insertIntoMap(declared, [`${volume}:`])
      : model.volumesPair
        ? editor.setBlockValue(model.volumesPair, [`${volume}:`])
        : editor.insertIntoMap(model.root, ['volumes:', ...editor.fragment({ [volume]: null }).map((line) => `${' '.repeat(indentUnit(editor))}${line.replace(/: null$/, ':')}`)]);
  fixes.push(...proposal(`Declare volume "${volume}"`, [declaration], { isPreferred: !suggestion }));
  return fixes;
};

function indentUnit(editor: FixTarget['editor']): number {
  // a one-level map shows the file's unit: "a:\n<unit>b: null"
  const [, child] = editor.fragment({ a: { b: null } });
  return child ? child.length - child.trimStart().length : 2;
}

/** compose-shipper-writable-volume: mount it read-only. */
export const composeShipperWritableVolume: QuickFixProvider<'compose-shipper-writable-volume'> = (context) => {
  const service = serviceNamed(modelOf(context), context.data.service);
  const { source } = context.data;
  const mount = service?.mounts.find((m) => m.source === source && within(nodeSpan(m.sourcePair?.value ?? m.node), context.start));
  if (!mount) return [];
  const { editor } = context;
  if (mount.short) {
    const text = scalarText(mount.node) ?? '';
    const parts = text.split(':');
    const next = parts.length >= 3 ? `${text},ro`.replace(/:rw,ro$/, ':ro').replace(/,rw,ro$/, ',ro') : `${text}:ro`;
    return proposal('Mount it read-only (:ro)', [editor.replaceScalar(mount.node, next)], { isPreferred: true });
  }
  const map = asMap(mount.node);
  const readOnly = map?.items.find((p) => scalarText(p.key) === 'read_only');
  if (!map) return [];
  const change = readOnly ? editor.replaceScalar(readOnly.value, 'true', true) : editor.insertIntoMap(map, ['read_only: true']);
  return proposal('Mount it read-only (read_only: true)', [change], { isPreferred: true });
};

/** Health tests of images whose servers ship a client that can ask them (docs of the official images). */
const HEALTH_TESTS: readonly { repository: RegExp; test: string[] }[] = [
  { repository: /(^|\/)postgres$/, test: ['CMD-SHELL', 'pg_isready -U "$${POSTGRES_USER:-postgres}"'] },
  { repository: /(^|\/)(mysql|mariadb)$/, test: ['CMD-SHELL', 'mysqladmin ping -h 127.0.0.1 --silent'] },
  { repository: /(^|\/)(redis|valkey\/valkey)$/, test: ['CMD', 'redis-cli', 'ping'] },
];

/** compose-healthy-without-healthcheck: give the dependency a healthcheck skeleton to adjust. */
export const composeHealthyWithoutHealthcheck: QuickFixProvider<'compose-healthy-without-healthcheck'> = (context) => {
  const target = serviceNamed(modelOf(context), context.data.dependency);
  if (!target?.node || target.healthcheckPair) return [];
  const repository = target.image ? imageRepository(target.image) : '';
  const test = HEALTH_TESTS.find((h) => h.repository.test(repository))?.test ?? ['CMD-SHELL', 'curl -fsS http://localhost/ || exit 1'];
  const fragment = context.editor.fragment({ healthcheck: { test, interval: '10s', timeout: '5s', retries: 5, start_period: '30s' } });
  return proposal(`Add a healthcheck to "${target.name}"`, [context.editor.insertIntoMap(target.node, fragment)], { isPreferred: true });
};

/** compose-sidecar-restart: the sidecar restarts like the service it serves. */
export const composeSidecarRestart: QuickFixProvider<'compose-sidecar-restart'> = (context) => {
  const service = serviceNamed(modelOf(context), context.data.service);
  const { policy } = context.data;
  if (!service?.node || !policy || service.restartPair) return [];
  const after = service.node.items.find((p) => scalarText(p.key) === 'image');
  return proposal(`Add restart: ${policy}`, [context.editor.insertIntoMap(service.node, context.editor.fragment({ restart: policy }), after)], { isPreferred: true });
};

/** compose-version-obsolete: remove the line. */
export const composeVersionObsolete: QuickFixProvider<'compose-version-obsolete'> = (context) => {
  const model = modelOf(context);
  if (!model?.versionPair || !model.root.items.includes(model.versionPair)) return [];
  return proposal('Remove the obsolete version', [context.editor.removePair(model.root, model.versionPair)], { isPreferred: true });
};
