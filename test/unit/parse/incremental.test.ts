import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { isAlias, isMap, isPair, isScalar, isSeq, type Document } from 'yaml';
import { createLanguageService } from '../../../server/src/core/language-service';
import { ManifestParser, parseManifest, type ManifestFile } from '../../../server/src/core/parse/manifest';
import type { ParsedDocument } from '../../../server/src/core/parse/document';
import { changeBetween } from '../../../server/src/core/parse/incremental';
import { createComposeSchema } from '../../../server/src/core/compose/schema';
import { defaultSettings } from '../../../server/src/core/settings';
import { generateCompose } from '../../../scripts/bench/compose-rows.mjs';
import { fixturesDir, prng, repoRoot, toCrlf } from '../helpers';

/** Everything a parse gives that anything downstream reads: the tree (every node's kind, range, value, style, anchor, tag, comments), problems, data. */
function dumpNode(node: unknown): unknown {
  if (isPair(node)) return { pair: [dumpNode(node.key), dumpNode(node.value)] };
  if (isScalar(node) || isMap(node) || isSeq(node) || isAlias(node)) {
    const common = { range: node.range, anchor: 'anchor' in node ? node.anchor : undefined, tag: node.tag, comment: node.comment, commentBefore: node.commentBefore, spaceBefore: node.spaceBefore };
    if (isScalar(node)) return { scalar: node.value, type: node.type, source: node.source, ...common };
    if (isAlias(node)) return { alias: node.source, ...common };
    return { [isMap(node) ? 'map' : 'seq']: node.items.map(dumpNode), flow: node.flow, ...common };
  }
  return node;
}

function dumpDocument(document: ParsedDocument): unknown {
  const yaml: Document.Parsed = document.yaml;
  return {
    text: document.text,
    range: yaml.range,
    comment: yaml.comment,
    commentBefore: yaml.commentBefore,
    contents: dumpNode(yaml.contents),
    problems: document.problems,
    hasAliases: document.hasAliases,
    apiVersion: document.apiVersion,
    kind: document.kind,
    templated: document.templated,
    // Key order matters (messages and findings follow it): compare the data as JSON text as well as deeply.
    value: document.value(),
    valueJson: JSON.stringify(document.value().value),
  };
}

function dumpFile(file: ManifestFile): unknown {
  return file.slots.map((slot) => ({ start: slot.start, end: slot.end, document: dumpDocument(slot.document) }));
}

/** Where two dumps first differ, to read a failure quickly. */
function firstDifference(a: unknown, b: unknown, at = ''): string {
  if (a === b || (Number.isNaN(a) && Number.isNaN(b))) return '';
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return `${at}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const found = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${at}.${key}`);
    if (found) return found;
  }
  return '';
}

const INSERTS = [
  'a', 'x', '1', '0', ' ', ' ', '  ', '\n', '\n', ':', ': ', '-', '- ', '#', ' # note', '"', "'", '&a ', '*a', '{', '}', '[', ']', ',', '|', '>', '\t', '!', '%',
  '\r\n', '---', '\n---\n', '...', '\n    restart: always', '\n  extra:\n    image: busybox', '\n    ports:\n      - "80:80"', ':ro', '\n# comment\n', 'service:', 'x-', '<<: ',
];

/**
 * One random edit: half of them typing or deleting one character as people do (a letter, a digit, a space), the
 * rest anything from INSERTS, deletions of up to six characters or of a line, and replacements, anywhere.
 */
function edit(text: string, next: () => number): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  const at = Math.floor(next() * (text.length + 1));
  if (next() < 0.5) return next() < 0.6 ? text.slice(0, at) + pick('abcxyz019-. '.split('')) + text.slice(at) : text.slice(0, at) + text.slice(at + 1);
  const kind = next();
  if (kind < 0.45) return text.slice(0, at) + pick(INSERTS) + text.slice(at);
  if (kind < 0.8) return text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + Math.floor(next() * 6)));
  if (kind < 0.9) {
    // a whole line
    const start = text.lastIndexOf('\n', at - 1) + 1;
    const end = text.indexOf('\n', at);
    return text.slice(0, start) + text.slice(end < 0 ? text.length : end + 1);
  }
  return text.slice(0, at) + pick(INSERTS) + text.slice(Math.min(text.length, at + 1 + Math.floor(next() * 3)));
}

/** Real Compose files of the project (fixtures of every rule, the guides' example, the topology and examples folders), and the benchmark's generated file. */
function sources(): { name: string; text: string }[] {
  const files: string[] = [path.join(fixturesDir, 'compose', 'guide-shared-volume.yaml'), path.join(fixturesDir, 'topology', 'compose.yaml'), path.join(repoRoot, 'examples', 'compose', 'compose.yaml')];
  const rules = path.join(fixturesDir, 'rules');
  for (const dir of fs.readdirSync(rules).filter((name) => name.startsWith('compose-')).sort()) {
    for (const name of fs.readdirSync(path.join(rules, dir)).sort()) files.push(path.join(rules, dir, name));
  }
  const list = files.map((file) => ({ name: path.relative(repoRoot, file), text: fs.readFileSync(file, 'utf8') }));
  list.push({ name: 'generated (bench)', text: generateCompose(200).text });
  // The same files written differently: CRLF line ends, four-space indentation, a leading `---` and comments.
  const guide = list[0].text;
  list.push({ name: 'guide, CRLF', text: toCrlf(guide) });
  list.push({ name: 'guide, 4 spaces', text: guide.replace(/^( +)/gm, (spaces) => spaces + spaces) });
  list.push({ name: 'topology, --- and comments', text: `# head\n---\n${list[1].text.replace(/\n {2}(\S)/g, '\n  # about it\n\n  $1')}# tail\n` });
  list.push({ name: 'guide, anchors and aliases', text: `x-restart: &restart unless-stopped\n${guide.replace(/^( {2}\S+:\n)/gm, '$1    restart: *restart\n')}` });
  // Shared settings as real Compose files write them: anchored `x-` blocks (one aliasing another) merged into services.
  const defaults = 'x-logging: &logging\n  driver: json-file\n  options:\n    max-size: "10m"\nx-common: &common\n  restart: unless-stopped\n  logging: *logging\n';
  list.push({ name: 'topology, x- defaults merged into every service', text: defaults + list[1].text.replace(/^( {2}\S+:\n)/gm, '$1    <<: *common\n') });
  list.push({ name: 'guide, flow style', text: 'services: {app: {image: "app:1", ports: ["80:80"]}, proxy: {image: envoy, network_mode: "service:app"}}\nvolumes: {}\n' });
  return list;
}

describe('incremental parse of a Compose file', () => {
  const settings = defaultSettings();
  const fileName = 'file:///work/compose.yaml';

  it('gives exactly the tree, data and findings of a full parse after each of thousands of random edits', () => {
    const incremental = createLanguageService();
    const full = createLanguageService();
    // The schema checks a file entry by entry, keeping the problems of the entries an edit left alone; the
    // reference validates each version whole.
    const byEntry = createComposeSchema();
    const wholeFile = createComposeSchema({ wholeFile: true });
    let reused = 0;
    let steps = 0;
    for (const [sourceIndex, source] of sources().entries()) {
      const next = prng(1000 + sourceIndex);
      const parser = new ManifestParser();
      let text = source.text;
      let file = parser.parse(text);
      incremental.validate(file, settings, undefined, fileName);
      for (let step = 0; step < 80; step++) {
        // Back to the real file now and then, so most edits land in a file that still parses.
        const before = step % 5 === 0 ? source.text : text;
        text = edit(before, next);
        if (step % 5 === 0) {
          file = parser.parse(before);
          incremental.validate(file, settings, undefined, fileName);
        }
        const previousTrees = new Set(file.slots.map((slot) => slot.document.yaml));
        const previousTexts = new Set(file.slots.map((slot) => slot.document.text));
        file = parser.parse(text);
        // An edited document that kept the previous version's tree was parsed incrementally.
        if (file.slots.some((slot) => previousTrees.has(slot.document.yaml) && !previousTexts.has(slot.document.text))) reused++;
        const reference = parseManifest(text);
        const where = `${source.name}, step ${step}: ${JSON.stringify(changeBetween(before, text))} ${firstDifference(dumpFile(file), dumpFile(reference))}\n${JSON.stringify(before)}\n→ ${JSON.stringify(text)}`;
        assert.deepStrictEqual(dumpFile(file), dumpFile(reference), where);
        assert.deepStrictEqual(incremental.validate(file, settings, undefined, fileName), full.validate(reference, settings, undefined, fileName), where);
        const data = file.slots.length === 1 && !file.slots[0].document.hasSyntaxErrors ? file.slots[0].document.value() : undefined;
        if (data && !data.problem) assert.deepStrictEqual(byEntry.validate(data.value), wholeFile.validate(data.value), where);
        steps++;
      }
    }
    // The test means something only when most edits took the incremental path.
    assert.ok(reused > steps / 3, `${reused} of ${steps} edits were parsed incrementally`);
  });
});

describe('which edits are parsed incrementally', () => {
  const base = 'name: shop\nservices:\n  app:\n    image: app:1.0\n    ports:\n      - "80:80"\n  proxy:\n    image: envoy:1\n    network_mode: "service:app"\nvolumes:\n  logs:\n';
  const aliased = base.replace('image: app:1.0', 'image: &img app:1.0').replace('image: envoy:1', 'image: *img');
  const merged = `x-common: &common\n  restart: always\n${base.replace(/^( {2}\S+:\n)/gm, '$1    <<: *common\n')}`;
  const cases: { name: string; text?: string; from: string; to: string; incremental: boolean }[] = [
    { name: 'typing in an image tag', from: 'app:1.0', to: 'app:1.01', incremental: true },
    { name: 'a new key in a service', from: '    image: envoy:1\n', to: '    image: envoy:1\n    restart: always\n', incremental: true },
    { name: 'renaming a service', from: '  proxy:', to: '  proxyy:', incremental: true },
    { name: 'a top-level value', from: 'name: shop', to: 'name: shops', incremental: true },
    { name: 'a new service (a key at the services\' indentation)', from: '    image: envoy:1\n', to: '    image: envoy:1\n  db:\n    image: postgres\n', incremental: false },
    { name: 'a service indented differently', from: '  proxy:', to: '   proxy:', incremental: false },
    { name: 'a --- line', from: '  proxy:', to: '---\n  proxy:', incremental: false },
    { name: 'an unclosed quote', from: '"service:app"', to: '"service:app', incremental: false },
    { name: 'an unclosed flow sequence', from: '- "80:80"', to: '- ["80:80"', incremental: false },
    { name: 'an alias', from: 'image: envoy:1', to: 'image: *x', incremental: false },
    { name: 'the key of another service', from: '  proxy:', to: '  app:', incremental: false },
    { name: 'an edit beside an alias', text: aliased, from: 'service:app', to: 'service:apps', incremental: true },
    { name: 'an edit in a service that merges shared settings', text: merged, from: 'image: app:1.0', to: 'image: app:1.01', incremental: true },
    { name: 'an edit in the anchored entry', text: aliased, from: 'app:1.0', to: 'app:1.01', incremental: false },
    { name: 'an edit in the anchored x- block', text: merged, from: 'restart: always', to: 'restart: on-failure', incremental: false },
    { name: 'a new alias', text: aliased, from: 'service:app"', to: 'service:app"\n    restart: *img', incremental: false },
    { name: 'an alias removed', text: aliased, from: 'image: *img', to: 'image: envoy', incremental: false },
    { name: 'a new anchor', text: aliased, from: 'image: *img', to: 'image: *img\n    restart: &r always', incremental: false },
    { name: 'an edit in a file with a %YAML directive', text: `%YAML 1.1\n---\n${base}`, from: 'app:1.0', to: 'app:1.01', incremental: false },
    { name: 'a CRLF line end typed', from: 'app:1.0\n', to: 'app:1.0\r\n', incremental: false },
  ];
  for (const { name, text = base, from, to, incremental } of cases) {
    it(`${name}: ${incremental ? 'incremental' : 'a full parse'}, and the same tree either way`, () => {
      assert.ok(text.includes(from), from);
      const parser = new ManifestParser();
      const first = parser.parse(text);
      first.slots[0].document.value();
      const tree = first.slots[0].document.yaml;
      const edited = text.replace(from, to);
      const second = parser.parse(edited);
      assert.equal(second.slots[0].document.yaml === tree, incremental);
      assert.deepStrictEqual(dumpFile(second), dumpFile(parseManifest(edited)));
    });
  }
});
