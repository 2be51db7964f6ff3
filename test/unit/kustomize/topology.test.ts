import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { createLanguageService } from '../../../server/src/core/language-service';
import { decodeMermaidLabel } from '../../../server/src/core/features/topology';
import { parseManifest } from '../../../server/src/core/parse/manifest';
import { defaultSettings } from '../../../server/src/core/settings';
import { KustomizeCache } from '../../../server/src/core/features/kustomize/cache';
import { fixturesDir, readFixture } from '../helpers';
import { diskHost } from './disk-host';

const service = createLanguageService();
const root = path.join(fixturesDir, 'kustomize');

function topologyOf(relative: string, offset?: number) {
  const text = readFixture('kustomize', relative);
  const file = parseManifest(text);
  return { text, diagrams: service.topology(file, defaultSettings(), { offset }, { path: path.join(root, relative), root, host: diskHost(), cache: new KustomizeCache() }) };
}

/** The node labels of a flowchart, decoded (one string per node, lines joined by newlines). */
function labels(mermaid: string): string[] {
  return [...mermaid.matchAll(/\[\(?"(.*?)"\)?\]/g)].map((m) => decodeMermaidLabel(m[1]).replace(/<br\/>/g, '\n'));
}

describe('topology of a kustomize patch or kustomization: the merged pods', () => {
  it('a patch that adds a log shipper draws the base container and the shipper, each with its file', () => {
    const { diagrams, text } = topologyOf('log-shipper/overlay/log-shipper.yaml');
    assert.equal(diagrams.length, 1);
    const [diagram] = diagrams;
    assert.equal(diagram.kind, 'Deployment');
    assert.deepEqual([diagram.start, diagram.end], [0, text.length], 'the diagram stands for the patch document');
    const nodes = labels(diagram.mermaid);
    const app = nodes.find((label) => label.startsWith('app\n'));
    const shipper = nodes.find((label) => label.startsWith('log-shipper\n'));
    const logs = nodes.find((label) => label.startsWith('logs\n'));
    assert.match(app ?? '', /\nfrom \.\.\/base\/deployment\.yaml(\n|$)/, JSON.stringify(nodes));
    assert.match(shipper ?? '', /\nfrom log-shipper\.yaml(\n|$)/, JSON.stringify(nodes));
    assert.match(logs ?? '', /\nfrom \.\.\/base\/deployment\.yaml(\n|$)/, JSON.stringify(nodes));
    assert.match(diagram.mermaid, /as kustomization\.yaml renders it/);
    // The merged pod's finding (the undeclared `buffer` mount) is drawn; the base's `logs` volume counts.
    assert.ok(nodes.some((label) => label.startsWith('buffer\nnot declared in volumes')), JSON.stringify(nodes));
    // Each node links to the text that wrote it: the base container in the base file, the shipper in the patch.
    const sources = diagram.nodes.map((node) => node.source?.file.split('/').slice(-2).join('/'));
    assert.ok(sources.includes('base/deployment.yaml') && sources.includes('overlay/log-shipper.yaml'), JSON.stringify(sources));
  });

  it('a base container the patch changes says so', () => {
    const { diagrams } = topologyOf('directives/overlay/directives.yaml');
    const nodes = diagrams.flatMap((diagram) => labels(diagram.mermaid));
    assert.ok(nodes.some((label) => label.startsWith('api\n') && /from \.\.\/base\/deployment\.yaml, changed by directives\.yaml/.test(label)), JSON.stringify(nodes));
  });

  it('a kustomization draws every pod its overlay renders', () => {
    const { diagrams } = topologyOf('log-shipper/overlay/kustomization.yaml');
    assert.deepEqual(diagrams.map((diagram) => diagram.name), ['web']);
    assert.ok(labels(diagrams[0].mermaid).some((label) => label.startsWith('log-shipper\n')));
  });

  it('a file no kustomization uses is drawn as itself', () => {
    const { diagrams } = topologyOf('log-shipper/base/deployment.yaml');
    assert.equal(diagrams.length, 1);
    assert.ok(!/renders it/.test(diagrams[0].mermaid));
    assert.ok(diagrams[0].nodes.every((node) => node.source === undefined));
  });
});
