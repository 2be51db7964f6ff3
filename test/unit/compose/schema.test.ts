import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { createComposeSchema } from '../../../server/src/core/compose/schema';
import { repoRoot } from '../helpers';
import { brief, lint, underlines } from '../rules/rule-kit';

const SCHEMA_CODES = ['unknown-field', 'invalid-type', 'invalid-enum', 'missing-required-field', 'invalid-value'];
const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('compose schema', () => {
  it('a fresh generation is byte-identical to the committed schema and validator', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'compose-schema-'));
    try {
      execFileSync(process.execPath, [path.join(repoRoot, 'scripts', 'generate-compose-schema.mjs'), '--schemas', out, '--out', out], { stdio: 'pipe' });
      assert.equal(sha256(path.join(out, 'compose-spec.json')), sha256(path.join(repoRoot, 'schemas', 'compose', 'compose-spec.json')), 'run npm run schemas');
      for (const file of ['validator.js', 'validator.d.ts']) {
        assert.equal(sha256(path.join(out, file)), sha256(path.join(repoRoot, 'server', 'src', 'core', 'compose', 'generated', file)), `${file} is stale: run npm run schemas`);
      }
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });

  it('the schema compiled at run time reports what the precompiled validator reports', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compose-lazy-'));
    try {
      fs.mkdirSync(path.join(dir, 'compose'));
      fs.mkdirSync(path.join(dir, 'v1.36'));
      const schema = JSON.parse(fs.readFileSync(path.join(repoRoot, 'schemas', 'compose', 'compose-spec.json'), 'utf8')) as unknown;
      fs.writeFileSync(path.join(dir, 'compose', 'compose-spec.json'), JSON.stringify(schema));
      const lazy = createComposeSchema({ schemaDir: path.join(dir, 'v1.36') });
      const ready = createComposeSchema();
      const value = { services: { web: { imagee: 'x', ports: [{ target: 'x', publishd: 1 }, true], restart: 5 } } };
      assert.deepEqual(lazy.validate(value), ready.validate(value));
      assert.deepEqual(ready.validate(value).map((p) => p.code), ['unknown-field', 'unknown-field', 'invalid-type', 'invalid-type']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('unknown keys get "did you mean", at the exact key, in services, ports and depends_on', () => {
    const text = `services:
  web:
    imagee: nginx:1.27
    ports:
      - target: 80
        publishd: 8080
    depends_on:
      db:
        conditon: service_started
  db:
    image: postgres:16
servics: {}
`;
    // by content, an unknown top-level key means "not a Compose file"; the name settles it
    assert.deepEqual(lint(text), []);
    const found = underlines(text, SCHEMA_CODES, {}, 'compose.yaml');
    assert.deepEqual(brief(found), [
      { code: 'unknown-field', severity: 'error', text: 'imagee', line: 3 },
      { code: 'unknown-field', severity: 'error', text: 'publishd', line: 6 },
      { code: 'unknown-field', severity: 'error', text: 'conditon', line: 9 },
      { code: 'unknown-field', severity: 'error', text: 'servics', line: 12 },
    ]);
    assert.equal(found[0].message, 'Unknown field "imagee" in service. Did you mean "image"?');
    assert.deepEqual(found[1].data, { field: 'publishd', suggestion: 'published', path: ['services', 'web', 'ports', 0, 'publishd'] });
    assert.equal(found[3].message, 'Unknown field "servics" in Compose file. Did you mean "services"?');
  });

  it('types and enums read as one human message at the value; short/long alternatives do not leak', () => {
    const text = `services:
  web:
    image: nginx:1.27
    restart: 5
    ports:
      - true
      - "8080:80"
    depends_on:
      db:
        condition: service_healty
    volumes:
      - source: data
        target: /data
  db:
    image: postgres:16
  "bad name":
    image: busybox:1.36
`;
    const found = underlines(text, SCHEMA_CODES);
    assert.deepEqual(
      found.map(({ code, text: t, line, message }) => ({ code, t, line, message })),
      [
        { code: 'invalid-type', t: '5', line: 4, message: 'restart must be a string, got the number 5' },
        { code: 'invalid-type', t: 'true', line: 6, message: 'ports[0] must be a number, a string or an object, got the boolean true' },
        {
          code: 'invalid-enum',
          t: 'service_healty',
          line: 10,
          message: 'Invalid value "service_healty" for condition. Allowed values: service_started, service_healthy, service_completed_successfully.',
        },
        { code: 'missing-required-field', t: 'source', line: 12, message: 'Missing required field "type" in service.' },
        { code: 'invalid-value', t: '"bad name"', line: 16, message: 'Invalid name "bad name" in services: a name may use only letters, digits, ".", "_" and "-".' },
      ],
    );
  });

  it('accepts the short and long syntax of ports, volumes and depends_on, merge keys and extensions', () => {
    const text = `x-defaults: &defaults
  restart: unless-stopped
  logging:
    driver: json-file
services:
  app:
    <<: *defaults
    image: example/app:1.0
    ports:
      - 8080
      - "127.0.0.1:9000-9001:9000-9001/udp"
      - target: 80
        published: "8081"
        protocol: tcp
    volumes:
      - data:/data:ro
      - type: bind
        source: ./conf
        target: /etc/app
    depends_on: [db]
    x-note: anything
  db:
    <<: [*defaults]
    image: postgres:16
    depends_on:
      init:
        condition: service_completed_successfully
        restart: true
  init:
    image: busybox:1.36
volumes:
  data:
`;
    assert.deepEqual(lint(text), []);
  });

  it('reports the same host port twice in one list as a repeated item, at the second one', () => {
    const text = 'services:\n  web:\n    image: a:1\n    ports:\n      - "80:80"\n      - "80:80"\n';
    const found = underlines(text, 'invalid-value');
    assert.deepEqual(brief(found), [{ code: 'invalid-value', severity: 'error', text: '"80:80"', line: 6 }]);
    assert.equal(found[0].message, 'ports lists the same item twice (items 1 and 2).');
  });
});

describe('compose schema after an edit of one entry', () => {
  // The data of a file, then versions that share every other entry with it (as parse/incremental.ts gives them).
  const app = { image: 'app:1', ports: ['80:80'] };
  const proxy = { image: 'envoy', network_mode: 'service:app' };
  const volumes = { logs: null };
  const clean = { name: 'shop', services: { app, proxy }, volumes };
  const versions: { name: string; value: Record<string, unknown> }[] = [
    { name: 'a valid change in one service', value: { name: 'shop', services: { app: { ...app, restart: 'always' }, proxy }, volumes } },
    { name: 'an unknown key in one service', value: { name: 'shop', services: { app, proxy: { ...proxy, imagee: 'x' } }, volumes } },
    { name: 'a wrong type in one service', value: { name: 'shop', services: { app: { ...app, ports: 80 }, proxy }, volumes } },
    { name: 'a service renamed to an invalid name', value: { name: 'shop', services: { 'my app': app, proxy }, volumes } },
    { name: 'a top-level value of the wrong type', value: { name: 1, services: { app, proxy }, volumes } },
    { name: 'an unknown top-level key in place of another', value: { namee: 'shop', services: { app, proxy }, volumes } },
  ];
  for (const { name, value } of versions) {
    it(`${name}: what a schema that never saw the file before reports`, () => {
      const schema = createComposeSchema();
      assert.deepEqual(schema.validate(clean), []);
      const problems = schema.validate(value);
      assert.deepEqual(problems, createComposeSchema().validate(value));
      assert.equal(problems.length > 0, !name.startsWith('a valid'));
    });
  }
});
