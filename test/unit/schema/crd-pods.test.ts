// Custom resources whose CRD embeds a pod template get the pod rules, completion, hover and topology (issue 14).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MarkupContent } from 'vscode-languageserver-types';
import { parse } from 'yaml';
import { createLanguageService } from '../../../server/src/core/language-service';
import { allRules } from '../../../server/src/core/rules';
import { parseManifest } from '../../../server/src/core/parse/manifest';
import { embeddedPodSpecs, isPodSpecSchema } from '../../../server/src/core/schema/crd-pods';
import { defaultSettings } from '../../../server/src/core/settings';
import { WorkspaceIndex } from '../../../server/src/core/workspace/index/workspace-index';
import { readFixture, slice } from '../helpers';

const service = createLanguageService();
const settings = defaultSettings();
const fixture = (name: string) => readFixture('custom-resources', 'pod-crd', name);
const crds = fixture('crds.yaml');
const RULES: ReadonlySet<string> = new Set(allRules.map((rule) => rule.id));

function workspace(files: Record<string, string>): WorkspaceIndex {
  const index = new WorkspaceIndex();
  for (const [uri, text] of Object.entries(files)) index.set(uri, parseManifest(text));
  return index;
}

/** The findings of `uri` in a workspace of the CRDs and the given files: [code, underlined text, message]. */
function findings(uri: string, files: Record<string, string>, withCrds = true): [string, string, string][] {
  const index = workspace(withCrds ? { 'crds.yaml': crds, ...files } : files);
  const file = index.fileOf(uri);
  assert.ok(file);
  return service.validate(file, settings, undefined, uri, { workspace: index }).map((f) => [f.code, slice(file.text, f), f.message]);
}

function schemaOf(text: string, index = 0): unknown {
  const documents = text.split(/^---$/m).map((part) => parse(part) as { spec: { versions: { schema: { openAPIV3Schema: unknown } }[] } });
  return documents[index].spec.versions[0].schema.openAPIV3Schema;
}

describe('pod specs found in a CRD schema by their structure', () => {
  it('finds a PodTemplateSpec (metadata beside it) and one per map value, not an add-containers list', () => {
    assert.deepEqual(embeddedPodSpecs(schemaOf(crds, 0)), [{ path: ['spec', 'template', 'spec'], templateMetadata: true }]);
    assert.deepEqual(embeddedPodSpecs(schemaOf(crds, 1)), [{ path: ['spec', 'replicaSpecs', '*', 'template', 'spec'], templateMetadata: true }]);
  });

  it('is conservative: only an object that requires `containers` of objects with name and image', () => {
    const containers = { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, image: { type: 'string' } } } };
    const volumes = { type: 'array', items: { type: 'object', properties: { name: { type: 'string' } } } };
    assert.ok(isPodSpecSchema({ type: 'object', required: ['containers'], properties: { containers, volumes, restartPolicy: { type: 'string' } } }));
    // Argo's containerSet: required containers, but its mounts name the template's volumes; it has none itself.
    assert.ok(!isPodSpecSchema({ type: 'object', required: ['containers'], properties: { containers, volumeMounts: volumes, retryStrategy: { type: 'object' } } }));
    assert.ok(!isPodSpecSchema({ type: 'object', required: ['containers'], properties: { containers, volumes } }), 'nothing else of a PodSpec');
    // prometheus-operator's Prometheus.spec: containers to merge into the operator's own pod, none required.
    assert.ok(!isPodSpecSchema({ type: 'object', properties: { containers, volumes, initContainers: containers } }));
    assert.ok(!isPodSpecSchema({ type: 'object', required: ['containers'], properties: { containers: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' } } } } } }));
    assert.ok(!isPodSpecSchema({ type: 'object', required: ['containers'], properties: { containers: { type: 'object', properties: { name: {}, image: {} } } } }));
    assert.ok(!isPodSpecSchema({ type: 'object', 'x-kubernetes-preserve-unknown-fields': true }));
    // A bare PodSpec (no metadata beside it) inside a list; nothing under metadata or status, nothing in allOf.
    const podSpec = { type: 'object', required: ['containers'], properties: { containers, volumes, serviceAccountName: { type: 'string' } } };
    const schema = {
      type: 'object',
      properties: {
        metadata: { type: 'object', properties: { spec: podSpec } },
        status: { type: 'object', properties: { lastPod: podSpec } },
        spec: { type: 'object', properties: { steps: { type: 'array', items: { type: 'object', properties: { pod: podSpec, metadata: { type: 'object' } } } }, other: { allOf: [podSpec] } } },
      },
    };
    assert.deepEqual(embeddedPodSpecs(schema), [{ path: ['spec', 'steps', '*', 'pod'], templateMetadata: false }]);
    for (const hostile of [null, 3, 'x', [], { properties: 3 }, { properties: { spec: { items: [] } } }]) assert.deepEqual(embeddedPodSpecs(hostile), []);
  });
});

describe('a custom resource whose CRD embeds a pod template is checked as a Deployment', () => {
  it('gets the pod rules: the same findings, words and underlines as the Deployment with that template', () => {
    const webapp = fixture('webapp-sidecar.yaml');
    const found = findings('webapp.yaml', { 'webapp.yaml': webapp });
    assert.deepEqual(
      found.filter(([code]) => RULES.has(code)).map(([code, text]) => [code, text]),
      [
        ['undefined-volume', 'app-logs'],
        ['emptydir-size-limit', 'emptyDir'],
        ['port-conflict', '8080'],
        ['missing-probes', 'web'],
        ['missing-probes', 'shipper'],
      ],
    );
    assert.deepEqual(found.filter(([code]) => !RULES.has(code)), [], 'the WebApp is valid for its CRD');
    // The same pod template in a Deployment: its rule findings are the WebApp's, word for word.
    const deployment = webapp
      .replace('apiVersion: apps.example.com/v1\nkind: WebApp', 'apiVersion: apps/v1\nkind: Deployment')
      .replace('  replicas: 2\n', '  replicas: 2\n  selector: {matchLabels: {app: shop}}\n');
    assert.deepEqual(findings('deployment.yaml', { 'deployment.yaml': deployment }).filter(([code]) => RULES.has(code)), found.filter(([code]) => RULES.has(code)));
  });

  it('with the CRD in the same file too; without the CRD the resource stays unchecked', () => {
    const webapp = fixture('webapp-sidecar.yaml');
    const same = parseManifest(`${crds}\n---\n${webapp}`);
    const offset = crds.length + 5;
    assert.deepEqual(
      service.validate(same, settings).map((f) => [f.code, slice(same.text, f), f.message, f.start - offset]),
      service.validate(parseManifest(webapp), settings, undefined, 'webapp.yaml', { workspace: workspace({ 'crds.yaml': crds, 'webapp.yaml': webapp }) }).map((f) => [f.code, slice(webapp, f), f.message, f.start]),
    );
    assert.deepEqual(findings('webapp.yaml', { 'webapp.yaml': webapp }, false), []);
  });

  it('a pod template with restartPolicy OnFailure runs to completion: a classic sidecar keeps it from finishing', () => {
    const found = findings('train.yaml', { 'train.yaml': fixture('trainjob-sidecar.yaml') });
    assert.deepEqual(found.map(([code, text]) => [code, text]), [['job-classic-sidecar', 'logs']]);
    assert.match(found[0][2], /this TrainJob \(restartPolicy Never\/OnFailure\)/);
    // restartPolicy Always (or none: the default): a long-running pod, the sidecar is fine there.
    const always = fixture('trainjob-sidecar.yaml').replace(/restartPolicy: OnFailure/g, 'restartPolicy: Always');
    assert.deepEqual(findings('train.yaml', { 'train.yaml': always }).filter(([code]) => code === 'job-classic-sidecar'), []);
  });

  it('hover, completion and the topology see the pods', () => {
    const webapp = fixture('webapp-sidecar.yaml');
    const index = workspace({ 'crds.yaml': crds, 'webapp.yaml': webapp, 'train.yaml': fixture('trainjob-sidecar.yaml') });
    const file = index.fileOf('webapp.yaml');
    assert.ok(file);
    const hover = service.hover(file, webapp.indexOf('containers:') + 2, settings, undefined, 'webapp.yaml', undefined, index);
    assert.match((hover?.contents as MarkupContent | undefined)?.value ?? '', /\*\*Start order\*\*: `web` \+ `shipper` \(together\)/);
    // A volume mount's name completes to the pod's volumes.
    const at = webapp.indexOf('- name: app-logs') + '- name: '.length;
    const edited = parseManifest(webapp.slice(0, at) + webapp.slice(at + 'app-logs'.length));
    index.set('webapp.yaml', edited);
    const labels = service.complete(edited, at, settings, { workspace: index }).items.map((item) => item.label);
    assert.ok(labels.includes('logs'), JSON.stringify(labels));

    const diagrams = service.topology(index.fileOf('train.yaml') ?? parseManifest(''), settings, { fileName: 'train.yaml', workspace: { index, uri: 'train.yaml', complete: true } });
    assert.deepEqual(diagrams.map((d) => /TrainJob resnet, template [\w.]+/.exec(d.mermaid)?.[0]), [
      'TrainJob resnet, template spec.replicaSpecs.Master.template.spec',
      'TrainJob resnet, template spec.replicaSpecs.Worker.template.spec',
    ]);
    assert.match(diagrams[1].mermaid, /logs/);
  });

  it('the pod template\'s metadata is where the injectors read their switches: injection, the key hover', () => {
    const webapp = fixture('webapp-sidecar.yaml').replace('        app: shop\n', '        app: shop\n        sidecar.istio.io/inject: "true"\n');
    const index = workspace({ 'crds.yaml': crds, 'webapp.yaml': webapp });
    const file = index.fileOf('webapp.yaml');
    assert.ok(file);
    const hover = service.hover(file, webapp.indexOf('sidecar.istio.io/inject') + 3, settings, undefined, 'webapp.yaml', undefined, index);
    assert.match((hover?.contents as MarkupContent | undefined)?.value ?? '', /Istio/);
    // The simulated istio-proxy listens on 15090 and the like: a container port there clashes.
    const clash = webapp.replace('- containerPort: 8080\n          volumeMounts:\n            - name: logs', '- containerPort: 15090\n          volumeMounts:\n            - name: logs');
    assert.deepEqual(findings('webapp.yaml', { 'webapp.yaml': clash }).filter(([code]) => code === 'injected-port-conflict').map(([, text]) => text), ['15090']);
  });
});
