import type { ComposeModel, ComposeService } from '../compose/model';
import { buildComposeModel } from '../compose/model';
import { composeFieldDoc } from '../compose/docs';
import type { ParsedDocument } from '../parse/document';
import { keySpan, type PathEntry, type Span } from '../parse/nodes';
import type { FeatureServices } from './services';
import { typeLabel } from './completion/types';

/**
 * Hover on a key of a Compose file: the Compose Specification's words for it (spec.md) and its type from the
 * schema; on a service's name, what the service is in the file: image, role, whose network it joins, what it
 * waits for and which volumes it shares.
 */
export function composeHover(service: FeatureServices, document: ParsedDocument, last: PathEntry, fileName: string | undefined): { section: string; span?: Span } | undefined {
  if (!last.onKey || !last.pair) return undefined;
  const span = keySpan(last.pair);
  const { path } = last;
  const name = String(path[path.length - 1]);
  if (path.length === 2 && path[0] === 'services' && document.root) {
    const model = buildComposeModel(document.root, document.yaml, fileName);
    const entry = model.byName.get(name);
    return entry ? { section: serviceMarkdown(model, entry), span } : undefined;
  }
  const field = service.compose.schema.describe(path);
  const doc = composeFieldDoc(path);
  if (!field && !doc) return undefined;
  const lines = [field ? `**${name}**: \`${typeLabel(field, { enumValues: false })}\` — ${field.required ? 'required' : 'optional'}` : `**${name}**`];
  if (field?.enum?.length) lines.push(`Allowed: ${field.enum.map((v) => `\`${String(v)}\``).join(', ')}`);
  if (doc) lines.push(doc.text, `[Compose Specification](${doc.href})`);
  else if (field?.description) lines.push(field.description);
  return { section: lines.join('\n\n'), span };
}

const code = (text: string) => `\`${text.replace(/`/g, "'")}\``;

function serviceMarkdown(model: ComposeModel, entry: ComposeService): string {
  const lines = [`**service ${code(entry.name)}**${entry.image ? ` — image ${code(entry.image)}` : ''}`];
  if (entry.sidecar) lines.push(`Role: ${entry.sidecar.kind} sidecar, by ${entry.sidecar.reason}.`);
  const owner = entry.networkMode?.service?.name;
  if (owner) lines.push(`Joins the network namespace of ${code(owner)} (\`network_mode\`): they reach each other on localhost, and ports are published on ${code(owner)}.`);
  const joined = model.services.filter((other) => other.networkMode?.service?.name === entry.name).map((other) => code(other.name));
  if (joined.length) lines.push(`Shares its network namespace with ${joined.join(', ')}.`);
  const waits = [...entry.dependsOn.map((d) => `${code(d.name)}${d.condition ? ` (${d.condition})` : ''}`), ...entry.implicitDependencies.map((d) => `${code(d.name)} (${d.via})`)];
  if (waits.length) lines.push(`Starts after ${waits.join(', ')}.`);
  const shared = entry.mounts.filter((m) => m.type === 'volume' && m.source).map((m) => {
    const others = model.services.filter((o) => o !== entry && o.mounts.some((om) => om.source === m.source)).map((o) => code(o.name));
    return `${code(m.source ?? '')}${m.readOnly ? ' (read-only)' : ''}${others.length ? ` with ${others.join(', ')}` : ''}`;
  });
  if (shared.length) lines.push(`Named volumes: ${shared.join('; ')}.`);
  return lines.join('\n\n');
}
