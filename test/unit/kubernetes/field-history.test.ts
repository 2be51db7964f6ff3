import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { FEATURE_GATES } from '../../../server/src/core/kubernetes/feature-gates';
import { fieldRows, removedFieldRows } from '../../../server/src/core/kubernetes/fields';
import { fieldProblems } from '../../../server/src/core/kubernetes/version-check';
import { createSchemaRegistry, type FieldInfo, type SchemaPath } from '../../../server/src/core/schema';
import { SUPPORTED_KUBERNETES_VERSIONS } from '../../../server/src/core/settings';
import { repoRoot } from '../helpers';
import { lint } from '../rules/rule-kit';

const registry = createSchemaRegistry();
const MINORS = new Set(SUPPORTED_KUBERNETES_VERSIONS.map((v) => Number(v.split('.')[1])));
const index = JSON.parse(fs.readFileSync(path.join(repoRoot, 'schemas', 'v1.36', 'index.json'), 'utf8')) as { kinds: { apiVersion: string; kind: string }[] };

interface Place {
  apiVersion: string;
  kind: string;
  path: SchemaPath;
}

/**
 * The shortest place (kind and path from its root, list items as index 0) where each definition appears outside
 * `status`, found once over every kind of the 1.36 schemas: where a manifest can write a field of that type.
 */
const places = (() => {
  const found = new Map<string, Place>();
  for (const { apiVersion, kind } of index.kinds) {
    const root = registry.describe(apiVersion, kind, []);
    if (!root) continue;
    const queue: { info: FieldInfo; path: SchemaPath }[] = [{ info: root, path: [] }];
    const seen = new Set<string>();
    while (queue.length) {
      const { info, path: at } = queue.shift()!;
      const item = info.isArray ? info.items() : info;
      // A map of typed values (ResourceSlice device attributes): one entry named `k`.
      const node = item?.isMap ? item.mapValues() : item;
      if (!node || node.isMap) continue;
      const here = info.isArray ? [...at, 0] : at;
      if (item?.isMap) here.push('k');
      if (node.definition) {
        if (seen.has(node.definition)) continue;
        seen.add(node.definition);
        const known = found.get(node.definition);
        if (!known || known.path.length > here.length) found.set(node.definition, { apiVersion, kind, path: here });
      }
      for (const name of node.propertyNames()) {
        if (here.length === 0 && (name === 'status' || name === 'apiVersion' || name === 'kind')) continue;
        const child = node.property(name);
        if (child && (child.type === 'object' || child.isArray || child.type === undefined)) queue.push({ info: child, path: [...here, name] });
      }
    }
  }
  return found;
})();

/** A document value with `{ [field]: 'x' }` at `path`. */
function valueAt(target: SchemaPath, field: string): unknown {
  let value: unknown = { [field]: 'x' };
  for (let i = target.length - 1; i >= 0; i--) value = typeof target[i] === 'number' ? [value] : { [target[i]]: value };
  return value;
}

describe('field history: every generated row, clean from its first minor and flagged at the last minor without it', () => {
  const rows = fieldRows();
  it('the table has rows, and every row is checked below or only met under status', () => {
    assert.ok(rows.length >= 80, `${rows.length} rows`);
    const unplaced = rows.filter((r) => !places.has(r.definition)).map((r) => r.definition);
    // Output types (status, node info) and request-only types that no manifest kind holds.
    for (const definition of unplaced) assert.match(definition, /Status$|Condition$|LoadBalancerIngress|NodeRuntimeHandlerFeatures|NodeSystemInfo|ResourceHealth|VolumeError|DeleteOptions|ResourceAttributes/, definition);
  });
  for (const row of rows) {
    const place = places.get(row.definition);
    // Types met only under status (PodStatus, …) are output: the field check never looks there.
    if (!place) continue;
    // A rule owns these fields (restartPolicy: restart-policy-on-app-container, native sidecars).
    if (FEATURE_GATES.some((g) => g.fields.some((f) => f.definition === row.definition && f.field === row.field && f.checkedBy))) continue;
    it(`${row.definition}.${row.field} (${place.apiVersion} ${place.kind} at ${place.path.join('.') || 'the root'}): 1.${row.lastWithout} → 1.${row.firstWith}`, () => {
      const value = valueAt(place.path, row.field);
      const where = [...place.path, row.field].join('.');
      const at = (minor: number) =>
        fieldProblems(registry, place.apiVersion, place.kind, value, minor)
          .filter((p) => p.code === 'field-not-in-version')
          .map((p) => p.path.join('.'));
      // Only this field's finding counts: a parent on the way may be versioned too (pod-level resources).
      if (MINORS.has(row.lastWithout)) assert.ok(at(row.lastWithout).includes(where), `flagged at 1.${row.lastWithout}: ${at(row.lastWithout).join(', ')}`);
      assert.ok(!at(row.firstWith).includes(where), `clean at 1.${row.firstWith}`);
    });
  }
});

/** One manifest per removed field: a field an older minor had and 1.36 lacks. */
const REMOVED_SAMPLES: Record<string, string> = {
  'core.v1.PodResourceClaim.source':
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  resourceClaims:\n    - name: gpu\n      source:\n        resourceClaimName: gpu-claim\n  containers:\n    - name: app\n      image: nginx:1.27\n',
  'networking.k8s.io.v1.NetworkPolicy.status': 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: n\nspec:\n  podSelector: {}\nstatus:\n  conditions: []\n',
  'core.v1.PersistentVolumeClaimStatus.resizeStatus':
    'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: c\nspec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 1Gi\nstatus:\n  resizeStatus: ""\n',
};

describe('fields removed since 1.27: not unknown at a target that has them, unknown with the removal named after', () => {
  for (const row of removedFieldRows()) {
    const id = `${row.definition}.${row.field}`;
    it(`${id}: in 1.${row.lastWith}, gone in 1.${row.firstWithout}`, () => {
      const text = REMOVED_SAMPLES[id];
      assert.ok(text, `add a sample manifest for ${id}`);
      const unknown = (minor: number) => lint(text, { kubernetesVersion: `1.${minor}` }).filter((f) => f.code === 'unknown-field');
      assert.deepEqual(unknown(row.lastWith), [], `clean at 1.${row.lastWith}`);
      const [finding, ...rest] = unknown(row.firstWithout);
      assert.equal(rest.length, 0);
      assert.equal(text.slice(finding.start, finding.end), row.field);
      assert.match(finding.message, new RegExp(`removed in Kubernetes 1\\.${row.lastWith + 1}( or 1\\.${row.firstWithout})?; the target is 1\\.${row.firstWithout}\\.`));
    });
  }
});
