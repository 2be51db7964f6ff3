import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseSelector, selectorMatches } from '../../../server/src/core/workspace/kustomize/selectors';

const labels = { tier: 'backend', env: 'prod', shard: '3' };
const match = (selector: string, on: Record<string, string> = labels) => selectorMatches(parseSelector(selector), on);

describe('patch target selectors (labels.Parse, as kustomize reads them)', () => {
  it('equality: =, ==, != (a missing key is "not equal")', () => {
    assert.equal(match('tier=backend'), true);
    assert.equal(match('tier==backend'), true);
    assert.equal(match('tier!=backend'), false);
    assert.equal(match('team!=x'), true);
    assert.equal(match('tier = backend , env=prod'), true);
  });
  it('set-based: in, notin (a missing key is "not in"), empty items', () => {
    assert.equal(match('tier in (frontend, backend)'), true);
    assert.equal(match('tier notin (backend)'), false);
    assert.equal(match('team notin (a)'), true);
    assert.equal(match('team in (a,)'), false);
    assert.equal(match('team in (a,)', { team: '' }), true);
    assert.equal(match('in in (notin)', { in: 'notin' }), true);
  });
  it('exists, !key, > and < on integers', () => {
    assert.equal(match('shard'), true);
    assert.equal(match('!shard'), false);
    assert.equal(match('!team,tier'), true);
    assert.equal(match('shard>2'), true);
    assert.equal(match('shard<3'), false);
    assert.equal(match('env>1'), false);
  });
  it('the empty selector selects everything', () => assert.equal(match(''), true));
  it('what labels.Parse rejects selects nothing, with its message', () => {
    for (const [selector, message] of [
      ['tier in backend', "unable to parse requirement: found 'backend' expected: '('"],
      ['tier=a=b', "found '=', expected: ',' or 'end of string'"],
      ['!tier=a', "found '=', expected: ',' or 'end of string'"],
      ['tier in (a', "unable to parse requirement: found '', expected: ',' or ')'"],
      ['tier,', "found '', expected: identifier after ','"],
      ['shard>x', "unable to parse requirement: for 'Gt', 'Lt' operators, the value must be an integer"],
      ['-bad=a', 'unable to parse requirement: invalid label key "-bad"'],
      ['tier=a b', "found 'b', expected: ',' or 'end of string'"],
    ] as const) {
      const parsed = parseSelector(selector);
      assert.ok('error' in parsed && parsed.error.startsWith(message), `${selector}: ${JSON.stringify(parsed)}`);
      assert.equal(selectorMatches(parsed, labels), false);
    }
  });
});
