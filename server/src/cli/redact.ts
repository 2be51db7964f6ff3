import type { Finding } from '../core/findings';
import { asMap, getMap, nodeSpan, type Span } from '../core/parse/nodes';
import type { ManifestFile } from '../core/parse/manifest';

/**
 * The text as code frames may show it: every secret value masked with `*`, one per character, so lines and
 * carets stay where they were. Secrets are the values a `secret-in-env` finding points at and the values of a
 * Secret's `data` and `stringData` (context lines around any finding could show them). CI logs keep what the
 * report prints; the README recommends piping `helm template`, where secrets are already filled in.
 */
export function redactSecrets(file: ManifestFile, findings: readonly Finding[]): string {
  const spans: Span[] = findings.filter((f) => f.code === 'secret-in-env').map((f) => ({ start: f.start, end: f.end }));
  for (const slot of file.slots) {
    const document = slot.document;
    if (document.kind !== 'Secret') continue;
    for (const key of ['data', 'stringData']) {
      for (const item of getMap(document.root, key)?.items ?? []) {
        const span = nodeSpan(asMap(item.value) ?? item.value);
        if (span) spans.push({ start: slot.start + span.start, end: slot.start + span.end });
      }
    }
  }
  if (spans.length === 0) return file.text;
  spans.sort((a, b) => a.start - b.start);
  const out: string[] = [];
  let at = 0;
  for (const { start, end } of spans) {
    if (end <= at) continue;
    const from = Math.max(start, at);
    out.push(file.text.slice(at, from), file.text.slice(from, end).replace(/[^\r\n]/g, '*'));
    at = end;
  }
  out.push(file.text.slice(at));
  return out.join('');
}
