import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLanguageService } from '../../../server/src/core/language-service';
import { parseManifest } from '../../../server/src/core/parse/manifest';
import { defaultSettings } from '../../../server/src/core/settings';
import { COMPOSE_SNIPPETS } from '../../../server/src/core/features/completion/compose-snippets';
import { apply, completeAt, item, labels, newText } from '../completion/harness';

const service = createLanguageService();
const settings = defaultSettings();
const NAME = { fileName: 'file:///app/compose.yaml' };
/** Plain text with the placeholders' defaults, as a client without snippet support gets it. */
const PLAIN = { ...NAME, snippets: false };

const APP = `services:
  app:
    image: nginx:1.27.5
    ports:
      - "8080:8080"
    volumes:
      - app-logs:/var/log/nginx
  db:
    image: postgres:17.2
`;

function codes(text: string, fileName = 'compose.yaml'): string[] {
  return service.validate(parseManifest(text), settings, undefined, fileName).map((f) => f.code);
}

describe('compose completion', () => {
  it('offers the keys of a service from the Compose Specification, with the specification\'s words', () => {
    const { list } = completeAt(`services:\n  app:\n    image: nginx:1.27.5\n    netw|\n`, NAME);
    const all = labels(list);
    for (const key of ['network_mode', 'networks', 'depends_on', 'healthcheck', 'volumes_from', 'restart']) assert.ok(all.includes(key), key);
    assert.ok(!all.includes('image'), 'a key already present is not offered again');
    assert.ok(!all.includes('Deployment'), 'no Kubernetes kinds in a Compose file');
    const doc = item(list, 'network_mode').documentation;
    assert.ok(doc && typeof doc !== 'string');
    assert.match(doc.value, /`service:\{name\}` which gives the containers access to the specified service only/);
    assert.match(doc.value, /https:\/\/docs\.docker\.com\/reference\/compose-file\/services\/#network_mode/);
  });

  it('offers the top-level keys at the root while the key is typed (recognised by the file name)', () => {
    const { list } = completeAt(`services:\n  app:\n    image: nginx:1.27.5\nvol|\n`, NAME);
    assert.deepEqual(['configs', 'include', 'name', 'networks', 'secrets', 'volumes'].filter((k) => labels(list).includes(k)), ['configs', 'include', 'name', 'networks', 'secrets', 'volumes']);
    assert.ok(!labels(list).includes('services'));
  });

  it('network_mode offers service:<other service> and the platform modes, not the service itself', () => {
    const { list } = completeAt(`${APP}  proxy:\n    image: envoyproxy/envoy:v1.32.3\n    network_mode: |\n`, NAME);
    assert.deepEqual(labels(list), ['service:app', 'service:db', 'none', 'host', 'bridge']);
  });

  it('depends_on, volumes_from and extends.service offer the other services', () => {
    for (const [snippet, expected] of [
      ['    depends_on:\n      - |', ['app', 'db']],
      ['    volumes_from:\n      - |', ['app', 'db']],
      ['    extends:\n      service: |', ['app', 'db']],
    ] as const) {
      const { list } = completeAt(`${APP}  shipper:\n    image: fluent/fluent-bit:3.2.2\n${snippet}\n`, NAME);
      assert.deepEqual(labels(list), [...expected], snippet);
    }
  });

  it('depends_on in its long syntax offers service names as keys with a condition', () => {
    const { list, text } = completeAt(`${APP}  shipper:\n    image: fluent/fluent-bit:3.2.2\n    depends_on:\n      d|\n`, NAME);
    assert.deepEqual(labels(list), ['app', 'db']);
    assert.equal(newText(item(list, 'db')), 'db:\n        condition: service_started');
    assert.ok(text.length > 0);
  });

  it('a volume list item offers the declared named volumes; restart offers the specification\'s policies', () => {
    const withVolumes = `${APP}volumes:\n  app-logs:\n  cache:\n`;
    const at = withVolumes.replace('      - app-logs:/var/log/nginx\n', '      - app-logs:/var/log/nginx\n      - |\n');
    assert.deepEqual(labels(completeAt(at, NAME).list), ['app-logs:', 'cache:']);
    const restart = completeAt(`services:\n  app:\n    image: nginx:1.27.5\n    restart: |\n`, NAME).list;
    assert.deepEqual(labels(restart), ['no', 'always', 'on-failure', 'unless-stopped']);
  });

  it('enum values come from the schema (depends_on condition, pull_policy)', () => {
    const { list } = completeAt(`${APP}  shipper:\n    image: fluent/fluent-bit:3.2.2\n    depends_on:\n      app:\n        condition: |\n`, NAME);
    assert.deepEqual(labels(list), ['service_started', 'service_healthy', 'service_completed_successfully']);
  });

  it('every sidecar snippet, accepted with its defaults under services:, leaves a clean file clean', () => {
    assert.deepEqual(codes(`${APP}volumes:\n  app-logs:\n`), []);
    for (const snippet of COMPOSE_SNIPPETS) {
      const { list, text } = completeAt(`${APP}  |\nvolumes:\n  app-logs:\n`, PLAIN);
      const accepted = apply(text, item(list, snippet.label));
      assert.match(accepted, new RegExp(`depends_on:\\n {6}- app\\n`), snippet.id);
      assert.deepEqual(codes(accepted), [], `${snippet.id}:\n${accepted}`);
    }
  });

  it('the log shipper snippet declares its named volume at the top level when missing', () => {
    const { list, text } = completeAt(`services:\n  app:\n    image: nginx:1.27.5\n  |\n`, PLAIN);
    const accepted = apply(text, item(list, COMPOSE_SNIPPETS[0]!.label));
    assert.match(accepted, /\nvolumes:\n {2}app-logs:\n$/);
    assert.deepEqual(codes(accepted), []);
    const declaredElsewhere = completeAt(`services:\n  app:\n    image: nginx:1.27.5\n  |\nvolumes:\n  data:\n`, PLAIN);
    assert.match(apply(declaredElsewhere.text, item(declaredElsewhere.list, COMPOSE_SNIPPETS[0]!.label)), /\nvolumes:\n {2}data:\n {2}app-logs:\n$/);
  });

  it('a Kubernetes manifest named compose.yaml still completes as Kubernetes', () => {
    const { list } = completeAt(`apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  contai|\n`, NAME);
    assert.ok(labels(list).includes('containers'));
  });
});
