import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { brief, ruleFixture, underlines } from '../rules/rule-kit';

const id = 'compose-undeclared-volume';

describe(id, () => {
  it('underlines the undeclared name of a long-syntax source, with "did you mean"', () => {
    const found = underlines(ruleFixture(id, 'bad'), id);
    assert.deepEqual(brief(found), [{ code: id, severity: 'error', text: 'applogs', line: 11 }]);
    assert.equal(found[0].message, 'Service "shipper" mounts volume "applogs", which the top-level "volumes:" does not declare. Did you mean "app-logs"?');
  });

  it('accepts declared volumes, bind mounts and anonymous volumes', () => {
    assert.deepEqual(underlines(ruleFixture(id, 'good'), id), []);
  });

  it('underlines the name inside a short-syntax mount (quotes left out, CRLF too)', () => {
    const text = 'services:\r\n  app:\r\n    image: a:1\r\n    volumes:\r\n      - "data:/data:ro"\r\n      - ${HOME}/x:/x\r\n';
    assert.deepEqual(brief(underlines(text, id)), [{ code: id, severity: 'error', text: 'data', line: 5 }]);
  });
});
