import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { buildTopology, decodeMermaidLabel, mermaidLabel, type WorkloadDiagram } from '../../../server/src/core/features/topology';
import { createLanguageService } from '../../../server/src/core/language-service';
import { parseManifest } from '../../../server/src/core/parse/manifest';
import { defaultSettings, type SeverityOverride } from '../../../server/src/core/settings';
import { WorkspaceIndex } from '../../../server/src/core/workspace/index/workspace-index';
import { fixturesDir, readFixture, slice } from '../helpers';

const goldenDir = path.join(fixturesDir, 'topology');
const updateGoldens = process.env.UPDATE_GOLDENS === '1';
const service = createLanguageService();

// Goldens show the findings of the checks the diagram is about; rules added later must not change them.
const SHOWN_RULES = new Set(['undefined-volume', 'port-conflict', 'job-classic-sidecar']);
const settings = defaultSettings({
  rules: Object.fromEntries(service.rules.filter((r) => !SHOWN_RULES.has(r.id)).map((r): [string, SeverityOverride] => [r.id, 'off'])),
});

function topologyOf(fixture: string, options: { offset?: number } = {}): { text: string; workloads: WorkloadDiagram[] } {
  const text = readFixture('topology', fixture);
  const file = parseManifest(text);
  const findings = service.validator.validate(file, settings);
  return { text, workloads: buildTopology(file, { ...options, findings, fileName: `file:///work/${fixture}` }) };
}

function assertGolden(name: string, actual: string): void {
  const file = path.join(goldenDir, name);
  if (updateGoldens || !fs.existsSync(file)) {
    if (!updateGoldens) assert.fail(`missing golden ${name}: run with UPDATE_GOLDENS=1 and review the file`);
    fs.writeFileSync(file, actual);
  }
  assert.equal(actual, fs.readFileSync(file, 'utf8'), `golden ${name} (UPDATE_GOLDENS=1 rewrites it)`);
}

/** Every line of a flowchart we write has one of these shapes; manifest text can only appear inside "…". */
const FLOWCHART_LINE = new RegExp(
  '^(?:flowchart TB' +
    '|  subgraph [pn]\\d+\\["[^"]*"\\]' +
    '|    direction TB' +
    '|  end' +
    '|    [cvmfesr]\\d+\\["[^"]*"\\]' +
    '|    [cvmfesr]\\d+\\[\\("[^"]*"\\)\\]' +
    '|  [cvmsr]\\d+ (?:-->|-\\.->|-\\.-|==>)\\|"[^"]*"\\| [cvmp]\\d+' +
    '|  classDef (?:app|native|init|classic|ephemeral|volume|service|reference|missing|problem) [a-z0-9:#,. -]+' +
    '|  class [cvmfesr]\\d+(?:,[cvmfesr]\\d+)* (?:app|native|init|classic|ephemeral|volume|service|reference|missing|problem)' +
    '|  linkStyle \\d+(?:,\\d+)* [a-z0-9:#,. -]+)$',
);
const SEQUENCE_LINE = new RegExp(
  '^(?:sequenceDiagram' +
    '|  participant (?:kubelet|compose|c\\d+) as [^\\n]*' +
    '|\\s+(?:kubelet|compose|c\\d+)-{1,2}>>(?:kubelet|compose|c\\d+): [^\\n]*' +
    '|\\s+Note (?:over|right of|left of) (?:kubelet|compose|c\\d+)(?:,c\\d+)?: [^\\n]*' +
    '|\\s+par [^\\n]*|\\s+and|\\s+end)$',
);
/** What an escaped label may contain: inert characters and numeric entity codes. */
const ESCAPED_TEXT = /^(?:[A-Za-z0-9 ._/=+-]|#\d+;)*$/;

function assertWellFormed(workload: WorkloadDiagram): void {
  for (const line of workload.mermaid.trimEnd().split('\n')) assert.match(line, FLOWCHART_LINE, 'flowchart line shape');
  for (const line of workload.sequence.trimEnd().split('\n')) assert.match(line, SEQUENCE_LINE, 'sequence line shape');
  for (const text of [workload.mermaid, workload.sequence]) {
    assert.doesNotMatch(text, /%%|\bclick\b|\bcall\b|javascript|<(?!br\/>)/i, 'no comment, link, call or HTML tag beyond <br/>');
  }
}

describe('topology goldens', () => {
  const cases: { fixture: string; expect: { kind: string; name: string }[] }[] = [
    { fixture: 'logging-pod.yaml', expect: [{ kind: 'Pod', name: 'sidecar-traditional' }, { kind: 'Pod', name: 'sidecar-native' }] },
    { fixture: 'native-sidecar-deployment.yaml', expect: [{ kind: 'Deployment', name: 'checkout' }] },
    { fixture: 'job-classic-sidecar.yaml', expect: [{ kind: 'Job', name: 'nightly-report' }] },
    { fixture: 'undefined-volume.yaml', expect: [{ kind: 'Pod', name: 'web' }] },
    { fixture: 'compose.yaml', expect: [{ kind: 'Compose', name: 'compose.yaml' }] },
    { fixture: 'injection.yaml', expect: [{ kind: 'Pod', name: 'evil"]; click p0 "javascript:window.__pwned=1"; %%' }] },
  ];
  for (const { fixture, expect } of cases) {
    it(`draws ${fixture}`, () => {
      const { workloads } = topologyOf(fixture);
      assert.deepEqual(workloads.map((w) => ({ kind: w.kind, name: w.name })), expect);
      workloads.forEach((workload, index) => {
        const base = fixture.replace(/\.ya?ml$/, '') + (index > 0 ? `.${index}` : '');
        assertWellFormed(workload);
        assertGolden(`${base}.flowchart.mmd`, workload.mermaid);
        assertGolden(`${base}.sequence.mmd`, workload.sequence);
      });
    });
  }
});

describe('topology content', () => {
  it('compose: services in one network namespace share a box; implicit dependencies order the start', () => {
    const file = parseManifest('services:\n  app:\n    image: nginx:1.27.5\n  proxy:\n    image: envoyproxy/envoy:v1.32.3\n    network_mode: "service:app"\n  backup:\n    image: busybox:1.37.0\n    volumes_from:\n      - db\n    links:\n      - cache:redis\n  db:\n    image: postgres:17.2\n  cache:\n    image: redis:7.4\n');
    const [compose] = buildTopology(file, { fileName: 'compose.yaml' });
    assert.ok(compose);
    assert.match(compose.mermaid, /subgraph n0\["network namespace of app"\]\n {4}direction TB\n {4}c0\["app<br\/>service[^\n]*\n {4}c1\["proxy<br\/>sidecar service[^\n]*\n {2}end/);
    assert.match(compose.mermaid, /c1 -\.->\|"shares network, starts after"\| c0/);
    assert.match(compose.mermaid, /c2 -\.->\|"starts after \(volumes_from\)"\| c3/);
    assert.match(compose.mermaid, /c2 -\.->\|"starts after \(links\)"\| c4/);
    const starts = [...compose.sequence.matchAll(/compose->>(c\d+): start/g)].map((m) => m[1]);
    assert.deepEqual(starts, ['c0', 'c1', 'c3', 'c4', 'c2']);
  });

  it('marks native sidecars in start order and writes/reads edges by readOnly', () => {
    const native = topologyOf('logging-pod.yaml').workloads[1];
    assert.match(native.mermaid, /c0\["log-shipper<br\/>native sidecar 1<br\/>starts before app, stops after/);
    assert.match(native.mermaid, /c1\["log-analyzer<br\/>native sidecar 2</);
    assert.match(native.mermaid, /v0 -\.->\|"reads \/var\/log"\| c0/);
    assert.match(native.mermaid, /c2 -->\|"writes \/var\/log"\| v0/);
    // Stop order is the reverse of the start order.
    const stops = [...native.sequence.matchAll(/kubelet->>(c\d+): stop native sidecar/g)].map((m) => m[1]);
    assert.deepEqual(stops, ['c1', 'c0']);
  });

  it('keeps init containers and native sidecars in list order and draws ports', () => {
    const [deployment] = topologyOf('native-sidecar-deployment.yaml').workloads;
    const starts = [...deployment.sequence.matchAll(/kubelet->>(c\d+): start (init container|native sidecar|app container)/g)].map((m) => `${m[1]} ${m[2]}`);
    assert.deepEqual(starts, ['c0 init container', 'c1 native sidecar', 'c2 native sidecar', 'c3 app container']);
    assert.match(deployment.mermaid, /c1\["envoy<br\/>native sidecar 1<br\/>[^"]*ports 9901\/TCP admin/);
    assert.match(deployment.mermaid, /class c0 init/);
  });

  it('shows a classic sidecar that keeps a Job running', () => {
    const [job] = topologyOf('job-classic-sidecar.yaml').workloads;
    assert.match(job.mermaid, /c1\["log-shipper<br\/>classic sidecar, log-shipper/);
    assert.match(job.mermaid, /class c1 classic/);
    assert.match(job.sequence, /Note right of c1: never exits/);
  });

  it('draws an undeclared volume and a port clash in red, pointing at the manifest', () => {
    const { text, workloads } = topologyOf('undefined-volume.yaml');
    const [pod] = workloads;
    assert.match(pod.mermaid, /m0\[\("html<br\/>not declared in volumes"\)\]/);
    assert.match(pod.mermaid, /class m0 missing/);
    assert.match(pod.mermaid, /errors: undefined-volume/);
    const edges = pod.mermaid.split('\n').filter((l) => /^ {2}[cvm]\d+ /.test(l));
    const red = /linkStyle ([\d,]+) stroke:#d32f2f/.exec(pod.mermaid)?.[1].split(',').map(Number) ?? [];
    assert.deepEqual(red.map((i) => edges[i].trim()), ['m0 -.->|"reads /usr/share/nginx/html"| c0', 'c0 -.-|"same port 8080/TCP"| c1']);
    assert.match(pod.mermaid, /class c0,c1 problem/);
    const byId = new Map(pod.nodes.map((n) => [n.id, n]));
    assert.equal(slice(text, byId.get('m0')!), 'html');
    assert.match(slice(text, byId.get('c1')!), /^name: metrics/);
  });

  it('lists the workload under the cursor first', () => {
    const text = readFixture('topology', 'logging-pod.yaml');
    const second = topologyOf('logging-pod.yaml', { offset: text.indexOf('sidecar-native') }).workloads;
    assert.deepEqual(second.map((w) => w.name), ['sidecar-native', 'sidecar-traditional']);
    const first = topologyOf('logging-pod.yaml', { offset: 0 }).workloads;
    assert.deepEqual(first.map((w) => w.name), ['sidecar-traditional', 'sidecar-native']);
  });

  it('maps every node id to the manifest text it stands for', () => {
    const { text, workloads } = topologyOf('compose.yaml');
    const byId = new Map(workloads[0].nodes.map((n) => [n.id, slice(text, n)]));
    assert.match(byId.get('c2') ?? '', /^log-shipper:\n/);
    assert.equal(byId.get('v0'), 'shared-data');
    for (const id of byId.keys()) assert.match(workloads[0].mermaid, new RegExp(`\\b${id}\\[`));
  });

  it('reads Compose only from Compose-looking documents', () => {
    const draw = (text: string, fileName?: string) => buildTopology(parseManifest(text), { fileName }).map((w) => w.kind);
    assert.deepEqual(draw('services:\n  web:\n    image: nginx\n'), ['Compose']);
    assert.deepEqual(draw('services:\n  web: {}\n', 'file:///x/docker-compose.override.yml'), ['Compose']);
    assert.deepEqual(draw('services:\n  web: {}\n', 'file:///x/values.yaml'), []);
    assert.deepEqual(draw('apiVersion: v1\nkind: Service\nservices:\n  web:\n    image: nginx\n'), []);
  });
});

describe('topology beside the workspace', () => {
  const root = path.join(fixturesDir, 'workspace', 'shop');
  const uriOf = (relative: string) => pathToFileURL(path.join(root, relative)).href;
  const shop = (): WorkspaceIndex => {
    const index = new WorkspaceIndex();
    for (const file of ['app/web.yaml', 'app/services.yaml', 'app/backend.yaml', 'config/config.yaml', 'config/secrets.yaml', 'rbac/web.yaml']) {
      index.set(uriOf(file), parseManifest(fs.readFileSync(path.join(root, file), 'utf8')));
    }
    return index;
  };
  const draw = (index: WorkspaceIndex, uri: string, complete = true): WorkloadDiagram[] => {
    const file = index.fileOf(uri);
    assert.ok(file, uri);
    return buildTopology(file, { fileName: uri, workspace: { index, uri, complete } });
  };

  it('draws the Services that route to the pod, with the port each targets, and what it reads from other files', () => {
    const [web] = draw(shop(), uriOf('app/web.yaml'));
    assertWellFormed(web);
    assertGolden('workspace-web.flowchart.mmd', web.mermaid);
    // Service web targets the envoy sidecar's port, web-direct the app's: one edge per Service port.
    assert.match(web.mermaid, /s0\["Service web<br\/>in services\.yaml<br\/>ports 80#8594;proxy"\]/);
    assert.match(web.mermaid, /s0 ==>\|"port 80 to 15001 proxy \(sidecar\)"\| c0/);
    assert.match(web.mermaid, /s1 ==>\|"port 8080 to 8080 http"\| c2/);
    assert.match(web.mermaid, /r0\[\("ConfigMap fluent-bit-config<br\/>in \.\.\/config\/config\.yaml"\)\]/);
    assert.match(web.mermaid, /r0 -\.->\|"volumes\.configMap"\| v0/);
    assert.match(web.mermaid, /r1 -\.->\|"envFrom\.secretRef"\| c2/);
    assert.match(web.mermaid, /r3 -\.->\|"serviceAccountName"\| p0/);
    // A ConfigMap the namespace lacks (it defines others) is missing, its edge red.
    assert.match(web.mermaid, /r2\[\("ConfigMap web-confg<br\/>missing in namespace #34;shop#34;"\)\]/);
    const edges = web.mermaid.split('\n').filter((l) => /^ {2}[cvmsr]\d+ /.test(l));
    const red = /linkStyle ([\d,]+) /.exec(web.mermaid)?.[1].split(',').map(Number) ?? [];
    assert.deepEqual(red.map((i) => edges[i].trim()), ['r2 -.->|"env.valueFrom.configMapKeyRef"| c2']);
    // Nodes of other files have no span in this one (a click could not reveal them here); a missing one points at
    // the reference.
    const text = fs.readFileSync(path.join(root, 'app/web.yaml'), 'utf8');
    assert.deepEqual(web.nodes.filter((n) => /^[sr]/.test(n.id)).map((n) => `${n.id} ${slice(text, n)}`), ['r2 web-confg']);
  });

  it('in one file: nodes point at the names; kinds the workspace lacks are managed elsewhere; a Service that reaches no port', () => {
    const text = [
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\n  labels:\n    app: a\nspec:\n  serviceAccountName: default\n  priorityClassName: high',
      '  containers:\n    - name: app\n      image: nginx:1.27.3\n      envFrom:\n        - configMapRef:\n            name: settings\n        - secretRef:\n            name: vault-made',
      '      ports:\n        - containerPort: 8080\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n---',
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: front\nspec:\n  selector:\n    app: a\n  ports:\n    - port: 80\n      targetPort: 9090\n',
    ].join('\n');
    const uri = 'file:///w/app.yaml';
    const index = WorkspaceIndex.of(uri, parseManifest(text));
    const [pod] = draw(index, uri);
    assertWellFormed(pod);
    assert.match(pod.mermaid, /s0\["Service front<br\/>ports 80#8594;9090"\]/);
    assert.match(pod.mermaid, /s0 ==>\|"selects the pod, targets no declared port"\| p0/);
    assert.match(pod.mermaid, /r0\[\("ConfigMap settings"\)\]/);
    assert.match(pod.mermaid, /r1\[\("Secret vault-made<br\/>not in the workspace \(managed elsewhere\)"\)\]/);
    assert.match(pod.mermaid, /r2\[\("ServiceAccount default<br\/>built into the cluster"\)\]/);
    assert.match(pod.mermaid, /r3\[\("PriorityClass high<br\/>not in the workspace \(managed elsewhere\)"\)\]/);
    assert.match(pod.mermaid, /r0 -\.->\|"envFrom\.configMapRef"\| c0\n {2}r1 -\.->\|"envFrom\.secretRef"\| c0\n {2}r2 -\.->\|"serviceAccountName"\| p0/);
    const byId = new Map(pod.nodes.map((n) => [n.id, slice(text, n)]));
    assert.equal(byId.get('s0'), 'front');
    // The ConfigMap's own name, not the reference to it.
    assert.equal(pod.nodes.find((n) => n.id === 'r0')?.start, text.indexOf('settings', text.indexOf('kind: ConfigMap')));
    assert.equal(byId.get('r1'), 'vault-made');
    // While the first pass runs, a name not found yet is not called missing or managed elsewhere.
    const [early] = draw(index, uri, false);
    assert.match(early.mermaid, /r1\[\("Secret vault-made<br\/>workspace still indexing"\)\]/);
  });

  it('draws nothing beside the pod without a workspace', () => {
    const [web] = buildTopology(shop().fileOf(uriOf('app/web.yaml'))!, { fileName: uriOf('app/web.yaml') });
    assert.doesNotMatch(web.mermaid, /\b[sr]\d+\[/);
  });
});

describe('mermaidLabel', () => {
  const nasty = [
    'a"]; click a "javascript:alert(1)"',
    'x\n  end\n  click c0 call alert(1)\r\n%%{init: {"securityLevel": "loose"}}%%',
    '<img src=x onerror=alert(1)> `md` #quot; #35; [b] {c} (d) |e| ;f: g,h @i',
    'ünïcødé ☃ 𝄞 tab\there',
  ];

  it('leaves only inert characters and entity codes, and decodes back to the text', () => {
    for (const text of nasty) {
      const label = mermaidLabel(text, 1000);
      assert.match(label, ESCAPED_TEXT, label);
      assert.doesNotMatch(label, /click|call|javascript/i);
      // eslint-disable-next-line no-control-regex
      assert.equal(decodeMermaidLabel(label), text.replace(/[\u0000-\u001f]+/g, ' '));
    }
  });

  it('cuts very long names', () => {
    const label = mermaidLabel('x'.repeat(10_000));
    assert.equal(decodeMermaidLabel(label).length, 80);
    assert.ok(decodeMermaidLabel(label).endsWith('\u2026'));
  });
});

describe('topology on broken input', () => {
  it('never throws on any prefix of the fixtures or on wrong shapes', () => {
    const texts = fs.readdirSync(goldenDir).filter((f) => f.endsWith('.yaml')).map((f) => readFixture('topology', f));
    texts.push(
      'apiVersion: v1\nkind: Pod\nspec:\n  containers: 5\n  volumes: {a: 1}\n  initContainers: [1, [2], {name: [x]}]\n',
      'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - ports: [1, {containerPort: {}}]\n      volumeMounts: [{name: [a]}, 7]\n',
      'services: [1, 2]\n',
      'services:\n  a:\n    depends_on: {b: 1, c: {condition: [x]}}\n    volumes: [1, {source: {}}, ":", "a:b:c:d"]\n  b:\n    depends_on: [a]\n',
    );
    for (const text of texts) {
      for (let end = 0; end <= text.length; end += 5) {
        const file = parseManifest(text.slice(0, end));
        const workspace = { index: WorkspaceIndex.of('file:///w/compose.yaml', file), uri: 'file:///w/compose.yaml', complete: true };
        const workloads = buildTopology(file, { offset: end, fileName: 'compose.yaml', workspace });
        for (const w of workloads) assertWellFormed(w);
      }
    }
  });
});
