import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { secretNameReason } from '../../../server/src/core/rules/secret-in-env';
import { brief, ruleFixture, underlines } from './rule-kit';

const id = 'secret-in-env';

describe(id, () => {
  it('underlines literal values of secret-looking variables and passwords inside URLs', () => {
    const found = underlines(ruleFixture(id, 'bad'), id);
    assert.deepEqual(brief(found), [
      { code: id, severity: 'warning', text: 'hunter2', line: 11 },
      { code: id, severity: 'warning', text: '"abc123def456"', line: 13 },
      { code: id, severity: 'warning', text: 'wJalrXUtnFEMI/K7MDENG', line: 15 },
      { code: id, severity: 'warning', text: 'postgres://app:s3cret@db:5432/app', line: 17 },
      { code: id, severity: 'warning', text: '"12345"', line: 19 },
    ]);
    assert.match(found[0].message, /secretKeyRef/);
    assert.equal(found[0].data?.envName, 'DB_PASSWORD');
    assert.deepEqual(found[0].data?.envItemPath, ['spec', 'containers', 0, 'env', 0]);
    assert.equal(found[3].data?.reason, 'a password inside a connection URL');
  });

  it('is silent on references, names about secrets, settings and empty values', () => {
    assert.deepEqual(underlines(ruleFixture(id, 'good'), id), []);
  });

  it('reads names in any casing and keeps descriptor suffixes apart', () => {
    assert.equal(secretNameReason('mysqlRootPassword'), 'PASSWORD');
    assert.equal(secretNameReason('github.token'), 'TOKEN');
    assert.equal(secretNameReason('STRIPE_API_KEY'), 'API_KEY');
    assert.equal(secretNameReason('TOKEN_TTL'), undefined);
    assert.equal(secretNameReason('SECRET_KEY_REF'), undefined);
    assert.equal(secretNameReason('KEY'), undefined);
    assert.equal(secretNameReason('PWD'), undefined);
    // Switches about a secret hold none: MYSQL_ALLOW_EMPTY_PASSWORD: "1" (mysql image), MYSQL_RANDOM_ROOT_PASSWORD.
    assert.equal(secretNameReason('MYSQL_ALLOW_EMPTY_PASSWORD'), undefined);
    assert.equal(secretNameReason('MYSQL_RANDOM_ROOT_PASSWORD'), undefined);
    assert.equal(secretNameReason('MYSQL_ROOT_PASSWORD'), 'PASSWORD');
  });
});
