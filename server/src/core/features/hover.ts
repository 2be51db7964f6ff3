import { isScalar } from 'yaml';
import { MarkupKind, type Hover } from 'vscode-languageserver-types';
import { docsHref } from '../codes';
import { fieldVersionInfo } from '../kubernetes/describe';
import type { Finding } from '../findings';
import { withCustomKindSchemas, type FeatureServices } from './services';
import { customResourceSource } from './custom-resources';
import { customSchemaOf } from '../schema/custom-kinds';
import { podNamespaces } from '../workspace/index/namespaces';
import type { WorkspaceIndex } from '../workspace/index/workspace-index';
import type { ManifestFile } from '../parse/manifest';
import { keySpan, nodeSpan, pathAt, type Span, type YamlPath } from '../parse/nodes';
import { containersOf, type ContainerModel, type PodSpecModel } from '../model/pod';
import type { FieldInfo } from '../schema';
import { kubernetesMinor, type Settings } from '../settings';
import { classifySidecar } from '../model/known-sidecars';
import { typeLabel } from './completion/types';
import { effectivePodResources, type ResourceTexts } from '../model/resources';
import { podsOf } from '../model/pod';
import { isCompose } from '../compose/detect';
import { composeHover } from './compose-hover';
import { admittedPod, injectionsOf, type Injection, type PodEntry } from '../model/injection';
import { injectorKeyHover } from './injector-keys';

/**
 * Hover at `offset`: the rule behind a diagnostic under the cursor (summary and docs link), the schema field
 * of a key (description, type, required, Kubernetes version), a container's role, and, on a pod's
 * `spec`/`containers`/`initContainers` key, the pod's effective resources (KEP-753) and start/stop order.
 * `findings` are the file's findings when the caller has them; otherwise they are computed (cached per document).
 */
export function hover(services: FeatureServices, file: ManifestFile, offset: number, settings: Settings, findings?: readonly Finding[], fileName?: string, workspace?: WorkspaceIndex): Hover | undefined {
  const service = withCustomKindSchemas(services, [customResourceSource(services.schemas, file, workspace)]);
  const slot = file.slotAt(offset);
  if (!slot) return undefined;
  const document = slot.document;
  const local = offset - slot.start;
  const sections: string[] = [];
  let span: Span | undefined;

  const ruleSections = ruleHover(service, file, offset, settings, findings ?? service.validator.validate(file, settings, fileName, { workspace }));
  if (ruleSections) {
    sections.push(...ruleSections.sections);
    span = ruleSections.span;
  }

  const chain = document.yaml.contents ? pathAt(document.yaml.contents, local) : [];
  const last = chain[chain.length - 1];
  if (last && last.path.length > 0 && isCompose(document, fileName)) {
    const compose = composeHover(service, document, last, fileName);
    if (compose) {
      sections.push(compose.section);
      span ??= compose.span;
    }
  } else if (last && last.path.length > 0) {
    const onKey = !!last.onKey && !!last.pair;
    // An injector's label or annotation on the pod: the injector's own reference, before the schema's `string`.
    const injectorKey = injectorKeyHover(document, last.path, inlineCode, service.pods);
    if (injectorKey) {
      sections.push(injectorKey);
      span ??= last.pair ? (onKey ? keySpan(last.pair) : nodeSpan(last.pair.value)) : undefined;
    }
    const pod = podsOf(document, service.pods).find((p) => startsWith(last.path, p.path) || startsWith(p.path, last.path));
    // On the `- ` of a container item, the chain stops at the list: take the item that starts on this line.
    const container = pod ? (containerAt(pod, last.path) ?? containerOnDash(document.text, pod, last.path, local)) : undefined;
    const onContainerName = !!container && last.path.length === container.path.length + 1 && last.path[last.path.length - 1] === 'name';
    if (onKey && document.apiVersion && document.kind && !injectorKey) {
      const field = service.schemas.describe(document.apiVersion, document.kind, last.path);
      const origin = customSchemaOf(service.schemas, service.customKinds, document.apiVersion, document.kind)?.origin;
      if (field) sections.push(fieldMarkdown(String(last.path[last.path.length - 1]), field, service, settings, versionNote(last.path, scalarValue(last.pair?.value), service, document.apiVersion, document.kind, settings), origin));
      span ??= last.pair ? keySpan(last.pair) : undefined;
    }
    if (pod && container && (onContainerName || (last.path.length <= container.path.length && !onKey))) {
      sections.push(containerMarkdown(pod, container));
      span ??= onContainerName ? nodeSpan(container.nameNode) : nodeSpan(container.node);
    }
    if (pod && onKey && isPodSummaryKey(last.path, pod)) {
      const namespaces = podNamespaces(file, workspace);
      sections.push(podMarkdown(pod, injectionsOf(pod, settings.meshes, namespaces, settings.kubernetesVersion)));
    }
  }
  if (sections.length === 0) return undefined;
  return {
    contents: { kind: MarkupKind.Markdown, value: sections.join('\n\n---\n\n') },
    range: span ? file.lineIndex.rangeOf(slot.start + span.start, slot.start + span.end) : undefined,
  };
}

function scalarValue(node: unknown): unknown {
  return isScalar(node) ? node.value : undefined;
}

function startsWith(path: YamlPath, prefix: YamlPath): boolean {
  return prefix.length <= path.length && prefix.every((step, i) => step === path[i]);
}

function ruleHover(
  service: FeatureServices,
  file: ManifestFile,
  offset: number,
  settings: Settings,
  all: readonly Finding[],
): { sections: string[]; span: Span } | undefined {
  const sections: string[] = [];
  let span: Span | undefined;
  const seen = new Set<string>();
  for (const finding of all) {
    if (offset < finding.start || offset > finding.end) continue;
    const rule = service.rules.find((r) => r.id === finding.code) ?? service.compose.rules.find((r) => r.id === finding.code);
    if (!rule || seen.has(rule.id)) continue;
    seen.add(rule.id);
    const href = docsHref(rule.id, settings.docsBaseUrl);
    const link = href ? ` — [rule documentation](${href})` : '';
    sections.push(`**${rule.id}** (${finding.severity}): ${rule.summary}${link}`);
    const slot = file.slotAt(finding.start);
    span ??= { start: finding.start - (slot?.start ?? 0), end: finding.end - (slot?.start ?? 0) };
  }
  return sections.length && span ? { sections, span } : undefined;
}

/**
 * What the API-by-version tables say about the field under the cursor at the target: since when it exists,
 * its feature gate and the gate's state at the target (server/src/core/kubernetes/).
 */
function versionNote(path: YamlPath, value: unknown, service: FeatureServices, apiVersion: string, kind: string, settings: Settings): string | undefined {
  const name = path[path.length - 1];
  if (typeof name !== 'string') return undefined;
  const parent = service.schemas.describe(apiVersion, kind, path.slice(0, -1))?.definition;
  if (!parent) return undefined;
  const list = path[path.length - 3];
  const info = fieldVersionInfo(parent, name, kubernetesMinor(settings.kubernetesVersion), typeof list === 'string' ? list : undefined, value);
  return info.lines.length ? info.lines.join(' ') : undefined;
}

function fieldMarkdown(name: string, field: FieldInfo, service: FeatureServices, settings: Settings, note?: string, origin?: string): string {
  const lines = [`**${name}**: \`${typeLabel(field, { enumValues: false })}\` — ${field.required ? 'required' : 'optional'}`];
  if (field.enum?.length) lines.push(`Allowed: ${field.enum.map((v) => `\`${String(v)}\``).join(', ')}`);
  if (field.description) lines.push(field.description);
  if (note) lines.push(`**Version:** ${note}`);
  // A custom resource's fields come from its CRD (or a bundled schema), not from the Kubernetes schema.
  if (origin) lines.push(`_Field from the schema of ${origin}._`);
  else lines.push(
    `_Checked against Kubernetes ${settings.kubernetesVersion} (the target): fields, feature gates, rules and apiVersions follow it; ` +
      `field docs from the ${service.schemas.kubernetesVersion} schema._`,
  );
  return lines.join('\n\n');
}

function containerAt(pod: PodSpecModel, path: YamlPath): ContainerModel | undefined {
  for (const container of containersOf(pod, { ephemeral: true })) {
    if (startsWith(path, container.path)) return container;
  }
  return undefined;
}

function containerOnDash(text: string, pod: PodSpecModel, path: YamlPath, offset: number): ContainerModel | undefined {
  const list = path[path.length - 1];
  if (list !== 'containers' && list !== 'initContainers' && list !== 'ephemeralContainers') return undefined;
  // Only blanks and one `-` between the cursor and the container: scanned once, not once per container.
  let end = offset;
  while (text[end] === ' ' || text[end] === '\t') end++;
  if (text[end] === '-') end++;
  while (text[end] === ' ' || text[end] === '\t') end++;
  return pod[list].find((c) => {
    const start = nodeSpan(c.node)?.start;
    return start !== undefined && start >= offset && start <= end;
  });
}

function containerLabel(container: ContainerModel): string {
  return container.name ? inlineCode(container.name) : `${container.list}[${container.index}]`;
}

/** The role in words, with the start position that matters for it. */
export function containerRole(pod: PodSpecModel, container: ContainerModel): string {
  switch (container.role) {
    case 'native-sidecar':
      return `native sidecar #${container.sidecarOrder ?? 0} in start order (an init container with \`restartPolicy: Always\`): starts before the app containers, runs for the pod's whole life and stops after them`;
    case 'init': {
      const position = pod.initContainers.filter((c) => c.role === 'init').indexOf(container) + 1;
      return `init container #${position}: runs to completion before the next container starts`;
    }
    case 'ephemeral':
      return 'ephemeral container (debugging): added to a running pod, never restarted';
    default: {
      const sidecar = classifySidecar(container);
      if (sidecar) {
        return `classic sidecar (${sidecar.kind}, by ${reasonMarkdown(sidecar.reason)}) in \`containers\`: starts with the app, in no guaranteed order${
          pod.runsToCompletion && sidecar.longRunning ? '; it keeps this run-to-completion pod from finishing' : ''
        }. A native sidecar (in \`initContainers\` with \`restartPolicy: Always\`) starts first and stops last`;
      }
      return 'app container';
    }
  }
}

/**
 * Manifest text as a Markdown code span: a fence one backtick longer than any run inside, so a name holding
 * backticks cannot close the span and inject links or remote images into the hover.
 */
export function inlineCode(text: string): string {
  const flat = text.replace(/[\r\n\u2028\u2029]+/g, ' ');
  let longest = 0;
  for (const run of flat.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** Manifest text as plain Markdown text: every punctuation mark that Markdown reads is escaped. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ').replace(/[\\`*_{}[\]()#+\-.!<>|~&]/g, '\\$&');
}

/** A classification reason: its own code spans (`tail -f`, `vault agent`) kept, the rest (an image name) escaped. */
function reasonMarkdown(reason: string): string {
  return reason
    .split(/(`[a-z -]+`)/)
    .map((part, i) => (i % 2 === 1 ? part : escapeMarkdown(part)))
    .join('');
}

function containerMarkdown(pod: PodSpecModel, container: ContainerModel): string {
  return `**Container ${containerLabel(container)}**: ${containerRole(pod, container)}.`;
}

function isPodSummaryKey(path: YamlPath, pod: PodSpecModel): boolean {
  if (startsWith(pod.path, path) && path.length === pod.path.length) return true; // the pod `spec` key
  const key = path[path.length - 1];
  return path.length === pod.path.length + 1 && startsWith(path, pod.path) && typeof key === 'string' && key !== 'ephemeralContainers' && pod.containerKeys.includes(key);
}

function resourceLine(label: string, texts: ResourceTexts, decidedBy: ResourceTexts): string {
  const parts = (['cpu', 'memory'] as const).map((r) => {
    const value = texts[r];
    if (value === undefined) return `${r} ${label === 'limits' ? 'unbounded (a container has no limit)' : 'not set'}`;
    const by = decidedBy[r];
    const why = by === 'containers' ? 'running phase' : by === 'pod' ? 'pod-level resources' : by?.startsWith('init:') ? `while init container ${inlineCode(by.slice(5))} runs` : '';
    return `${r} **${value}**${why ? ` (${why})` : ''}`;
  });
  return `- ${label}: ${parts.join(', ')}`;
}

/** Effective resources (KEP-753) and the start/stop order of the pod, with what the injectors add. */
function podMarkdown(pod: PodSpecModel, injections: readonly Injection[]): string {
  const admitted = admittedPod(pod, injections);
  const resources = effectivePodResources(pod, injections.length ? admitted : undefined);
  const lines = [
    '**Effective pod resources** (KEP-753: max(each init container with the sidecars started before it, sidecars + app containers) + overhead):',
    resourceLine('requests', resources.formatted.requests, resources.decidedBy.requests),
    resourceLine('limits', resources.formatted.limits, resources.decidedBy.limits),
  ];
  const unreadable = resources.byContainer.filter((c) => c.unreadable.length);
  for (const c of unreadable) lines.push(`- unreadable in ${inlineCode(c.name ?? `${c.list}[${c.index}]`)}: ${c.unreadable.join(', ')}`);
  for (const injection of injections) {
    const added = injection.containers.map((c) => `${inlineCode(c.name)} (${c.role === 'native-sidecar' ? 'native sidecar' : c.role === 'init' ? 'init' : 'classic sidecar'}${c.requests.cpu || c.requests.memory ? `, requests ${[c.requests.cpu, c.requests.memory].filter(Boolean).join(' / ')}` : ''})`);
    lines.push(`- injected by ${injection.title} (${escapeMarkdown(injection.mode)}${injection.modeFromAnnotation ? (injection.modeNamespace ? ` by annotation on Namespace ${escapeMarkdown(injection.modeNamespace.name)}` : ' by annotation') : ' by default'}): ${added.join(', ')}, counted above`);
  }
  const label = (e: PodEntry) => (e.container ? containerLabel(e.container) : `${inlineCode(e.name)} (injected)`);
  let order = 0;
  const start: string[] = admitted.initContainers.map((e) => (e.role === 'native-sidecar' ? `${label(e)} (sidecar #${++order})` : `${label(e)} (init)`));
  const apps = admitted.containers.map(label);
  if (apps.length) start.push(apps.length > 1 ? `${apps.join(' + ')} (together)` : apps[0]);
  const sidecars = admitted.initContainers.filter((e) => e.role === 'native-sidecar');
  const stop = [...(apps.length ? [apps.join(' + ')] : []), ...[...sidecars].reverse().map(label)];
  lines.push('', `**Start order**: ${start.join(' → ') || 'no containers'}`);
  if (stop.length) lines.push('', `**Stop order**: ${stop.join(' → ')}${sidecars.length ? ' (sidecars stop after the app containers, in reverse order)' : ''}`);
  if (pod.runsToCompletion) lines.push('', '_Runs to completion: the pod finishes when its app containers exit, whatever its native sidecars do._');
  if (pod.sidecarsStoppedByController) lines.push('', '_The workflow controller stops the `sidecars` once the main container exits (Argo Workflows)._');
  return lines.join('\n');
}
