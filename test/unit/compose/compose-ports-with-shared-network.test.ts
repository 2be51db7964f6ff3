import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { brief, ruleFixture, underlines } from '../rules/rule-kit';

const id = 'compose-ports-with-shared-network';

describe(id, () => {
  it('underlines ports and expose of a service that joins another one\'s network', () => {
    const found = underlines(ruleFixture(id, 'bad'), id);
    assert.deepEqual(brief(found), [
      { code: id, severity: 'error', text: 'ports', line: 7 },
      { code: id, severity: 'error', text: 'expose', line: 9 },
    ]);
    assert.match(found[0].message, /conflicting options: port publishing and the container type network mode/);
    assert.match(found[0].message, /Declare them on "app"/);
  });

  it('accepts ports on the owner and host networking', () => {
    assert.deepEqual(underlines(ruleFixture(id, 'good'), id), []);
  });

  it('also refuses container:<name>', () => {
    const text = 'services:\n  tool:\n    image: a:1\n    network_mode: "container:vpn"\n    ports: ["80:80"]\n';
    assert.deepEqual(brief(underlines(text, id)), [{ code: id, severity: 'error', text: 'ports', line: 5 }]);
  });
});
