import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { brief, ruleFixture, underlines } from '../rules/rule-kit';

const id = 'compose-duplicate-host-port';

describe(id, () => {
  it('underlines the later publication of a host port, short and long syntax, ranges included', () => {
    const found = underlines(ruleFixture(id, 'bad'), id);
    assert.deepEqual(brief(found), [
      { code: id, severity: 'error', text: '"8080"', line: 11 },
      { code: id, severity: 'error', text: '"127.0.0.1:9001:9001"', line: 12 },
    ]);
    assert.equal(found[0].message, 'Host port 8080/tcp is already published by service "app": the second container fails to start ("port is already allocated").');
  });

  it('tells protocols, addresses and disjoint profiles apart', () => {
    assert.deepEqual(underlines(ruleFixture(id, 'good'), id), []);
  });

  it('finds a repeat inside one service and skips interpolation and ephemeral host ports', () => {
    const text = 'services:\n  app:\n    image: a:1\n    ports:\n      - 80:80\n      - "[::1]:81:81"\n      - "[::1]:81:8081"\n      - "${PORT}:80"\n      - "127.0.0.1::80"\n      - 80:8080\n';
    assert.deepEqual(brief(underlines(text, id)), [
      { code: id, severity: 'error', text: '"[::1]:81:8081"', line: 7 },
      { code: id, severity: 'error', text: '80:8080', line: 10 },
    ]);
  });
});
