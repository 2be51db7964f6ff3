import { stringify } from 'yaml';
import type { Finding } from '../../findings';
import { spanOfProblem, type Validator } from '../validation';
import type { ParsedDocument } from '../../parse/document';
import { ManifestParser, parseManifest, type ManifestFile } from '../../parse/manifest';
import { asMap, asSeq, type YamlPath } from '../../parse/nodes';
import type { Settings } from '../../settings';
import type { KustomizeHost } from '../../workspace/kustomize/host';
import { inlinePatchText } from '../../workspace/kustomize/inline-patch';
import type { Origin } from '../../workspace/kustomize/origins';
import { renderKustomization, type ParseText, type RenderedResource, type RenderResult, type RenderReuse } from '../../workspace/kustomize/render';
import { isDirectiveKey } from '../../workspace/kustomize/strategic-merge';

/** A finding of the rendered overlay, placed in the file that wrote the node it is on (offsets of that file). */
export interface SourceFinding extends Finding {
  file: string;
  /** The rendered resource it was found on (index into `render.resources`). */
  resource: number;
  /** Where in that file: the document and the node path (what the finding was mapped through). */
  origin: Origin;
}

/** Where a finding at an offset of a rendered resource's text lands: the origin and its span there, or nowhere. */
export type Placed = { origin: Origin; start: number; end: number } | undefined;

/**
 * What a check may reuse from the last one of the same overlay (a cache's): parses, the parser, YAML text of
 * values, and where findings on a rendered value landed, by the value (with its `print`ed text) and the offset in
 * that text. A value is the same object only while the files it came from read the same (render-memo.ts).
 */
export interface OverlayReuse extends RenderReuse {
  parser?: ManifestParser;
  stringify?: (value: unknown) => string;
  places?: WeakMap<object, Map<number, Placed>>;
}

/** An overlay checked as kustomize renders it. */
export interface OverlayCheck {
  render: RenderResult;
  /** The rendered resources as one multi-document text: what `kubectl kustomize DIR` prints, for our merge. */
  text: string;
  /** `text` parsed: slot i is `render.resources[i]`. */
  merged: ManifestFile;
  /** The findings on `text`, as `kubectl kustomize DIR | sidecar-lint -` would report them. */
  rendered: Finding[];
  /** The same findings mapped back to the patch or base lines that caused them. */
  findings: SourceFinding[];
}

type Ranged = { range?: [number, number, number] } | null;

/** The path of the node under `offset` in a document, and whether the offset is on a key. */
export function pathAt(document: ParsedDocument, offset: number): { path: YamlPath; target: 'key' | 'value' } {
  const path: YamlPath = [];
  let node: unknown = document.yaml.contents;
  let target: 'key' | 'value' = 'value';
  for (;;) {
    const map = asMap(node);
    const seq = asSeq(node);
    let next: unknown;
    if (map) {
      for (const pair of map.items) {
        const key = pair.key as (Ranged & { value?: unknown }) | null;
        const value = pair.value as Ranged;
        if (key?.range && offset >= key.range[0] && offset < key.range[1]) {
          path.push(String(key.value));
          return { path, target: 'key' };
        }
        if (value?.range && offset >= value.range[0] && offset < Math.max(value.range[1], value.range[0] + 1)) {
          path.push(String(key?.value));
          next = value;
          break;
        }
      }
    } else if (seq) {
      const index = seq.items.findIndex((item) => {
        const range = (item as Ranged)?.range;
        return !!range && offset >= range[0] && offset < range[1];
      });
      if (index >= 0) {
        path.push(index);
        next = seq.items[index];
      }
    }
    if (next === undefined) return { path, target };
    node = next;
    target = 'value';
  }
}

/** Parses each source file once per check. */
export class SourceFiles {
  private readonly files = new Map<string, ManifestFile | undefined>();
  constructor(
    private readonly host: KustomizeHost,
    private readonly parse: ParseText = parseManifest,
  ) {}

  get(path: string): ManifestFile | undefined {
    if (!this.files.has(path)) {
      const text = this.host.readFile(path);
      this.files.set(path, text === undefined ? undefined : this.parse(text));
    }
    return this.files.get(path);
  }

  /** Text that is no file of its own (an inline patch). */
  parseText(text: string): ManifestFile {
    return this.parse(text);
  }
}

/** The span in its source file of a node of a rendered resource. */
export function placeIn(sources: SourceFiles, origin: Origin, target: 'key' | 'value'): { start: number; end: number } | undefined {
  const file = sources.get(origin.file);
  if (!file) return undefined;
  if (origin.inline) {
    // An inline patch is a string in the kustomization: in a literal block, its findings go on their node inside it;
    // otherwise on that entry's `patch:` key.
    const slot = file.slots[0];
    if (!slot) return undefined;
    const patchPath = [...origin.inline, 'patch'];
    const patch = inlinePatchText(slot.document, patchPath);
    const inner = patch && sources.parseText(patch.text).slots[origin.doc];
    if (patch && inner) {
      const span = spanOfProblem(inner.document, { path: origin.path, target });
      return { start: slot.start + patch.offset(inner.start + span.start), end: slot.start + patch.offset(inner.start + span.end) };
    }
    const span = spanOfProblem(slot.document, { path: patchPath, target: 'key' });
    return { start: slot.start + span.start, end: slot.start + span.end };
  }
  const slot = file.slots[origin.doc];
  if (!slot) return undefined;
  const span = spanOfProblem(slot.document, { path: origin.path, target });
  return { start: slot.start + span.start, end: slot.start + span.end };
}

/**
 * Renders the kustomization in `dir` and checks the rendered resources in full (schema and every rule, across
 * the documents as in one file), then maps each finding to the file, document and node that wrote it. Findings
 * on strategic-merge directives that kustomize passes through (`$retainKeys`, `$setElementOrder/…`) are left
 * out: the patch's own check accepts them.
 */
export function validateOverlay(validator: Validator, host: KustomizeHost, dir: string, settings: Settings, reuse: OverlayReuse = {}): OverlayCheck {
  const render = renderKustomization(host, dir, reuse);
  const text = render.resources.map((resource) => (reuse.stringify ?? stringify)(resource.value)).join('---\n');
  // With a parser kept per overlay, the rendered documents that did not change keep their parse and findings.
  const merged = (reuse.parser ?? new ManifestParser()).parse(text);
  const rendered = validator.validate(merged, settings);
  const sources = new SourceFiles(host, reuse.parse);
  const place = (document: ParsedDocument, resource: RenderedResource, offset: number): Placed => {
    const { path, target } = pathAt(document, offset);
    if (path.some((step) => typeof step === 'string' && isDirectiveKey(step))) return undefined;
    const origin = render.origins.locate(resource.value, path) ?? { ...resource.origin, path };
    const span = placeIn(sources, origin, target);
    return span && { origin, ...span };
  };
  const findings: SourceFinding[] = [];
  for (const finding of rendered) {
    const slot = merged.slotAt(finding.start);
    const resource = slot ? render.resources[slot.index] : undefined;
    if (!slot || !resource) continue;
    const offset = finding.start - slot.start;
    let places = reuse.places?.get(resource.value);
    if (!places && reuse.places) reuse.places.set(resource.value, (places = new Map()));
    const placed = places?.has(offset) ? places.get(offset) : place(slot.document, resource, offset);
    places?.set(offset, placed);
    if (!placed) continue;
    const { origin, start, end } = placed;
    findings.push({ ...finding, start, end, file: origin.file, resource: slot.index, origin });
  }
  return { render, text, merged, rendered, findings };
}

/** One of each finding per place (a patch applied to several resources reports once). */
export function uniqueFindings<T extends Finding & { file: string }>(findings: readonly T[]): T[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = `${finding.file}|${finding.code}|${finding.start}|${finding.end}|${finding.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
