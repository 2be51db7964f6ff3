import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLanguageService } from '../../../server/src/core/language-service';
import { parseManifest } from '../../../server/src/core/parse/manifest';
import { defaultSettings } from '../../../server/src/core/settings';
import { caret } from '../helpers';

const service = createLanguageService();
const settings = defaultSettings();

function hoverAt(textWithCaret: string, fileName = 'file:///app/compose.yaml'): string | undefined {
  const { text, offset } = caret(textWithCaret);
  const result = service.hover(parseManifest(text), offset, settings, undefined, fileName);
  if (!result) return undefined;
  return typeof result.contents === 'object' && 'value' in result.contents ? result.contents.value : undefined;
}

const FILE = `services:
  app:
    image: nginx:1.27.5
    ports:
      - "8080:8080"
    volumes:
      - app-logs:/var/log/nginx
  log-shipper:
    image: fluent/fluent-bit:3.2.2
    volumes:
      - app-logs:/var/log/nginx:ro
    depends_on:
      - app
  proxy:
    image: envoyproxy/envoy:v1.32.3
    network_mode: "service:app"
volumes:
  app-logs:
`;

describe('compose hover', () => {
  it('a service key shows the Compose Specification\'s words, its type and the page', () => {
    const text = hoverAt(FILE.replace('    network_mode:', '    netw|ork_mode:'));
    assert.ok(text);
    assert.match(text, /^\*\*network_mode\*\*: `string` — optional/);
    assert.match(text, /`service:\{name\}` which gives the containers access to the specified service only/);
    assert.match(text, /\(https:\/\/docs\.docker\.com\/reference\/compose-file\/services\/#network_mode\)/);
  });

  it('a top-level key shows its section', () => {
    const text = hoverAt(FILE.replace('volumes:\n  app-logs:\n', 'vol|umes:\n  app-logs:\n'));
    assert.ok(text);
    assert.match(text, /docs\.docker\.com\/reference\/compose-file\/volumes\//);
  });

  it('a service name shows its role, network namespace, start order and shared volumes', () => {
    const shipper = hoverAt(FILE.replace('  log-shipper:', '  log-sh|ipper:'));
    assert.ok(shipper);
    assert.match(shipper, /\*\*service `log-shipper`\*\* — image `fluent\/fluent-bit:3\.2\.2`/);
    assert.match(shipper, /Role: log-shipper sidecar/);
    assert.match(shipper, /Starts after `app`\./);
    assert.match(shipper, /Named volumes: `app-logs` \(read-only\) with `app`\./);
    const app = hoverAt(FILE.replace('  app:', '  a|pp:'));
    assert.ok(app);
    assert.match(app, /Shares its network namespace with `proxy`\./);
    const proxy = hoverAt(FILE.replace('  proxy:', '  pro|xy:'));
    assert.ok(proxy);
    assert.match(proxy, /Joins the network namespace of `app`/);
    assert.match(proxy, /Starts after `app` \(network_mode\)\./);
  });

  it('a Compose finding under the cursor shows its rule and page', () => {
    const text = hoverAt(FILE.replace('network_mode: "service:app"', 'network_mode: "service:ap|x"'));
    assert.ok(text);
    assert.match(text, /\*\*compose-unknown-service\*\* \(error\)/);
    assert.match(text, /docs\/rules\/compose-unknown-service\.md|compose-unknown-service/);
  });

  it('Kubernetes hover is unchanged in a Kubernetes manifest', () => {
    const text = hoverAt(`apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  contai|ners:\n    - name: app\n      image: nginx:1.27.5\n`, 'file:///k/pod.yaml');
    assert.ok(text);
    assert.match(text, /\*\*containers\*\*/);
  });
});
