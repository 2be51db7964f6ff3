import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseManifest } from '../../../server/src/core/parse/manifest';
import { actionsFor, applyAction, diagnosticsOf, pick, settingsFor } from '../code-actions/harness';
import { readFixture } from '../helpers';

const bad = (id: string) => readFixture('rules', id, 'bad.yaml');

/** Applies the fix titled `title` to the `n`th `code` diagnostic and returns the new text. */
function fixed(text: string, code: string, title: RegExp, n = 0): string {
  return applyAction(text, pick(actionsFor(text, code, settingsFor(), n).actions, title));
}

function codes(text: string): string[] {
  return diagnosticsOf(parseManifest(text), settingsFor()).map((d) => String(d.code));
}

describe('compose quick fixes', () => {
  it('compose-unknown-service: the suggested name replaces the typo, prefix and quotes kept', () => {
    let text = fixed(bad('compose-unknown-service'), 'compose-unknown-service', /Change to service "database"/);
    text = fixed(text, 'compose-unknown-service', /Change to service "app"/);
    assert.match(text, /depends_on:\n {6}- database\n/);
    assert.match(text, /network_mode: "service:app"\n/);
    // "worker" has no close name: no fix is offered, the finding stays
    assert.deepEqual(actionsFor(text, 'compose-unknown-service').actions, []);
  });

  it('compose-ports-with-shared-network: ports move to the service that owns the network, expose goes', () => {
    let text = fixed(bad('compose-ports-with-shared-network'), 'compose-ports-with-shared-network', /Publish the ports on "app"/);
    text = fixed(text, 'compose-ports-with-shared-network', /Remove expose/);
    assert.equal(
      text,
      `services:
  app:
    image: example/app:1.0
    ports:
      - "8443:8443"
  proxy:
    image: envoyproxy/envoy:v1.30.1
    network_mode: service:app
`,
    );
    assert.deepEqual(codes(text), []);
  });

  it('compose-undeclared-volume: renames to the close declared volume, or declares it', () => {
    const text = bad('compose-undeclared-volume');
    assert.match(fixed(text, 'compose-undeclared-volume', /Change to volume "app-logs"/), /source: app-logs\n/);
    const declared = fixed(text, 'compose-undeclared-volume', /Declare volume "applogs"/);
    assert.match(declared, /volumes:\n {2}app-logs:\n {2}applogs:\n$/);
    assert.deepEqual(codes(declared), []);
    const none = 'services:\n  app:\n    image: example/app:1.0\n    volumes:\n      - logs:/var/log/app\n';
    const added = fixed(none, 'compose-undeclared-volume', /Declare volume "logs"/);
    assert.equal(added, `${none}volumes:\n  logs:\n`);
    assert.deepEqual(codes(added), []);
  });

  it('compose-shipper-writable-volume: appends :ro, or read_only: true in the long syntax', () => {
    const text = fixed(bad('compose-shipper-writable-volume'), 'compose-shipper-writable-volume', /read-only/);
    assert.match(text, /shipper:\n {4}image: fluent\/fluent-bit:3.1\n {4}volumes:\n {6}- logs:\/var\/log\/app:ro\n/);
    assert.deepEqual(codes(text), []);
    const long = `services:
  app:
    image: example/app:1.0
    volumes: [logs:/logs]
  shipper:
    image: fluent/fluent-bit:3.1
    volumes:
      - type: volume
        source: logs
        target: /logs
volumes:
  logs:
`;
    const fixedLong = fixed(long, 'compose-shipper-writable-volume', /read_only: true/);
    assert.match(fixedLong, / {8}target: \/logs\n {8}read_only: true\n/);
    assert.deepEqual(codes(fixedLong), []);
  });

  it('compose-healthy-without-healthcheck: a healthcheck skeleton for the image it knows', () => {
    const text = fixed(bad('compose-healthy-without-healthcheck'), 'compose-healthy-without-healthcheck', /Add a healthcheck to "db"/);
    assert.match(text, / {2}db:\n {4}image: postgres:16\n {4}healthcheck:\n {6}test:\n {8}- CMD-SHELL\n {8}- pg_isready -U "\$\$\{POSTGRES_USER:-postgres\}"\n {6}interval: 10s\n/);
    assert.deepEqual(codes(text), []);
  });

  it('compose-sidecar-restart: the main service\'s policy, after the image', () => {
    const text = fixed(bad('compose-sidecar-restart'), 'compose-sidecar-restart', /Add restart: unless-stopped/);
    assert.match(text, / {2}proxy:\n {4}image: envoyproxy\/envoy:v1.30.1\n {4}restart: unless-stopped\n {4}network_mode: service:app\n/);
    assert.deepEqual(codes(text), ['compose-sidecar-restart']);
  });

  it('compose-version-obsolete: removes the line', () => {
    const text = fixed(bad('compose-version-obsolete'), 'compose-version-obsolete', /Remove the obsolete version/);
    assert.equal(text, 'services:\n  app:\n    image: example/app:1.0\n');
  });
});
