// The string formats of CRD schemas, checked as the API server checks them (schema/crd-formats.ts): one case per row.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLanguageService } from '../../../server/src/core/language-service';
import { parseManifest } from '../../../server/src/core/parse/manifest';
import { FORMATS, isCheckedFormat, matchesFormat } from '../../../server/src/core/schema/crd-formats';
import { defaultSettings } from '../../../server/src/core/settings';
import { readFixture, slice } from '../helpers';

/** Per row: strings the API server accepts, strings it rejects; `unchecked`: it rejects them, a partial row does not. */
const CASES: Record<string, { good: string[]; bad: string[]; unchecked?: string[] }> = {
  bsonobjectid: { good: ['507f1f77bcf86cd799439011', '507F1F77BCF86CD799439011'], bad: ['507f1f77bcf86cd79943901', 'zzzf1f77bcf86cd799439011'] },
  uri: {
    good: ['https://example.com/x?y=1', '/path', 'mailto:jane@example.com', 'urn:isbn:0451450523', '*', 'http:opaque'],
    bad: ['example.com/x', ':8080', 'a b', '1http://example.com', 'http://example.com/\u0007', 'x?/y'],
    unchecked: ['http://[::1/'],
  },
  email: { good: ['jane@example.com', 'Jane Doe <jane@example.com>'], bad: ['jane.example.com', 'Jane Doe'], unchecked: ['jane@'] },
  // kube-openapi strfmt default_test.go TestFormatHostname (Apache-2.0, The Kubernetes Authors / go-swagger), and a few more.
  hostname: {
    good: [
      'somewhere.com', '888.com', 'a.b.c.d.e.com', '1.2.3.4.com', '1wwworg.example.com', 'xn--bcher-kva.example.com', 'xn-80ak6aa92e.co', 'xn--ls8h.la',
      '☁→❄→☃→☀→☺→☂→☹→✝.ws', 'www.example.ôlà', 'ôlà.ôlà.ôlà', 'ex$ample', 'localhost', 'x', 'x-y', 'ex=ample.com', '<foo>', 'www.example-hyphenated.org',
      'www.詹姆斯.org', 'www.élégigôö.org', 'www.詹姆斯.london', `${'a'.repeat(63)}.com`,
    ],
    bad: [
      'somewhere.com!', 'user@email.domain', '1.1.1.1', 'a'.repeat(256), `x.y.${'a'.repeat(64)}`, 'www.example-.org', 'www.--example.org', '-www.example.org', 'www-.example.org',
      'www.d-.org', 'www.-d.org', 'www-', '-www', 'www.ex ample.org', '_www.example.org', 'www.ex;ample.org', 'www.example_underscored.org', 'www.詹姆斯.x', 'a.b.c.d',
      'x.', 'a.b.c.dot-', 'a.b.c.é;ö', 'my-host', 'a'.repeat(64),
    ],
  },
  ipv4: { good: ['10.0.0.1', '010.000.000.001', '255.255.255.255', '::ffff:1.2.3.4'], bad: ['10.0.0', '256.0.0.1', '10.0.0.1.', 'fe80::1', '1.2.3.4/8', ' 1.2.3.4'], unchecked: ['::ffff:1.2.3.999'] },
  ipv6: { good: ['::1', 'fe80::1', '2001:db8::', '::ffff:1.2.3.4'], bad: ['10.0.0.1', 'fe80::1%eth0', 'g::1', 'localhost'], unchecked: ['1:2:3'] },
  cidr: {
    good: ['10.0.0.0/8', '10.0.0.0/32', '2001:db8::/32', '010.0.0.0/08', '::/0'],
    bad: ['10.0.0.0', '10.0.0.0/33', '10.0.0.0/x', '10.0.0.0/-1', '2001:db8::/129', 'host/8', '10.0.0.0/8/8'],
    unchecked: ['1:2:3/64'],
  },
  mac: {
    good: ['00:00:5e:00:53:01', '02:00:5E:10:00:00:00:01', '00-00-5e-00-53-01', '0000.5e00.5301', '00:00:00:00:fe:80:00:00:00:00:00:00:02:00:5e:10:00:00:00:01'],
    bad: ['00:00:5e:00:53', '00:00-5e:00:53:01', '0000.5e00.530', 'zz:00:5e:00:53:01', '00:00:5e:00:53:01:02', '0000:5e00:5301'],
  },
  uuid: { good: ['123E4567-E89B-12D3-A456-426614174000', '123e4567e89b12d3a456426614174000'], bad: ['123e4567-e89b-12d3-a456'] },
  uuid3: { good: ['a3bb189e-8bf9-3888-9912-ace4e6543002'], bad: ['a3bb189e-8bf9-4888-9912-ace4e6543002'] },
  uuid4: { good: ['9b2c5a4e-3f1d-4c2b-8a7e-1d2c3b4a5f6e'], bad: ['9b2c5a4e-3f1d-1c2b-8a7e-1d2c3b4a5f6e', '9b2c5a4e-3f1d-4c2b-7a7e-1d2c3b4a5f6e'] },
  uuid5: { good: ['74738ff5-5367-5958-9aee-98fffdcd1876'], bad: ['74738ff5-5367-4958-9aee-98fffdcd1876'] },
  isbn: { good: ['0321751043', '978-0321751041'], bad: ['0321751044', '978-0321751042'] },
  isbn10: { good: ['0321751043', '0-321-75104-3', '080442957X'], bad: ['0321751044', '978-0321751041'] },
  isbn13: { good: ['978-0321751041', '978 0 321 75104 1'], bad: ['978-0321751042', '0321751043'] },
  creditcard: { good: ['4111111111111111', '4111 1111 1111 1111', '5500-0000-0000-0004'], bad: ['4111111111111112', '1234'] },
  ssn: { good: ['123-45-6789', '123 45 6789'], bad: ['123456789', '123-45-678', '123-45-67890'] },
  hexcolor: { good: ['#fff', 'FFFFFF', '#a1B2c3'], bad: ['#ffff', 'fffg', '##fff'] },
  rgbcolor: { good: ['rgb(255,255,255)', 'rgb( 0 , 10 , 200 )'], bad: ['rgb(256,0,0)', 'rgba(0,0,0,0)', 'rgb(0,0)', 'rgb(01,0,0)'] },
  byte: { good: ['aGVsbG8=', 'aGVsbG8h', 'YQ=='], bad: ['aGVsbG8', 'a=bc', 'aGVs bG8=', 'YQ===', 'a-b_', '===='] },
  date: { good: ['2024-02-29', '2000-02-29', '1999-12-31', '0001-01-01'], bad: ['2023-02-29', '1900-02-29', '2024-13-01', '2024-00-10', '2024-04-31', '2024-1-01', '24-01-01', 'today'] },
  duration: {
    good: ['0ms', '2ms', '1nanoseconds', '1micros', '1h', '1h30m', '1.5h', '300ms', '-1.5h', '+2s', '0', '1.s', '.5s', '5 minutes', '3 days', '2w', '10 sec', '1\u00b5s', '1\u03bcs', '9999999999h'],
    // The last six: strfmt duration_test.go.
    bad: ['forever', 'h', '1', '1x', '99999999999999999999ns', '1.5\u03bc', '99999999999999999999.s', 'yada', 'three week', `${'9'.repeat(55)} weeks`, '12 parsecs', '12 y', '45 wekk'],
  },
  datetime: { good: ['2024-01-01T10:00:00Z', '2024-01-01t10:00:00.123+02:00'], bad: ['2024-01-01T10:00:00', '2024-01-01 10:00:00Z', '2024-01-01T24:00:00Z', '2024-02-30T10:00:00Z'] },
  k8sshortname: { good: ['web', 'a-1', '1a', 'a'.repeat(63)], bad: ['Web', '-a', 'a-', 'a.b', 'a'.repeat(64), 'a_b'] },
  k8slongname: { good: ['a.b-c.d', 'api.example.com', 'a'.repeat(253)], bad: ['A.b', 'a..b', '.a', 'a.', 'a'.repeat(254)] },
};

describe('CRD string formats (apiextensions-apiserver formats.go, kube-openapi strfmt)', () => {
  it('has one case per row of the table', () => {
    assert.deepEqual(Object.keys(CASES).sort(), FORMATS.map((row) => row.name).sort());
  });

  for (const row of FORMATS) {
    it(`${row.name}: accepts what the API server accepts, rejects what it rejects${row.exact ? '' : ' (a part of it)'}`, () => {
      const { good, bad, unchecked = [] } = CASES[row.name];
      for (const text of good) assert.ok(row.accepts(text), `${row.name} should accept ${JSON.stringify(text)}`);
      for (const text of bad) assert.ok(!row.accepts(text), `${row.name} should reject ${JSON.stringify(text)}`);
      // What a partial row cannot judge it accepts: a missed error, never a false one.
      assert.ok(row.exact ? unchecked.length === 0 : unchecked.length > 0, 'partial rows name an input they leave unchecked');
      for (const text of unchecked) assert.ok(row.accepts(text), `${row.name} leaves ${JSON.stringify(text)} unchecked`);
    });
  }

  it('names formats with or without dashes, checks no empty string, and ignores formats the API server blanks', () => {
    assert.ok(isCheckedFormat('date-time') && isCheckedFormat('k8s-short-name') && isCheckedFormat('k8sshortname'));
    assert.ok(matchesFormat('hostname', ''));
    for (const format of ['int32', 'int64', 'double', 'float', 'quantity', 'password', 'my-format']) {
      assert.ok(!isCheckedFormat(format), format);
      assert.ok(matchesFormat(format, 'anything at all'));
    }
  });
});

describe('CRD formats end to end, at the target Kubernetes version', () => {
  const service = createLanguageService();
  const fixture = (name: string) => readFixture('custom-resources', 'formats', name);
  const findings = (name: string, kubernetesVersion: string) => {
    const file = parseManifest(`${fixture('crd.yaml')}---\n${fixture(name)}`);
    return service.validate(file, defaultSettings({ kubernetesVersion })).map((f) => `${f.code} ${slice(file.text, f)}: ${f.message}`);
  };

  it('reports each bad value in the API server words, and nothing on the good resource', () => {
    assert.deepEqual(findings('good.yaml', '1.35'), []);
    assert.deepEqual(findings('bad.yaml', '1.35'), [
      'invalid-value api_example.com: spec.host in body must be of type hostname: "api_example.com"',
      'invalid-value 10.0.0.256: spec.address in body must be of type ipv4: "10.0.0.256"',
      'invalid-value 10.0.0.12: spec.address6 in body must be of type ipv6: "10.0.0.12"',
      'invalid-value 10.0.0.0/33: spec.network in body must be of type cidr: "10.0.0.0/33"',
      'invalid-value 00:00:5e:00:53: spec.hardware in body must be of type mac: "00:00:5e:00:53"',
      'invalid-value api.example.com/v1: spec.url in body must be of type uri: "api.example.com/v1"',
      'invalid-value platform.example.com: spec.contact in body must be of type email: "platform.example.com"',
      'invalid-value forever: spec.timeout in body must be of type duration: "forever"',
      'invalid-value "#1e90f": spec.color in body must be of type hexcolor: "#1e90f"',
      'invalid-value Platform: spec.owner in body must be of type k8s-short-name: "Platform"',
      'invalid-value api..example.com: spec.domain in body must be of type k8s-long-name: "api..example.com"',
    ]);
  });

  it('checks k8s-short-name and k8s-long-name from Kubernetes 1.35 (introduced at 1.34, read at the n-1 compatibility version)', () => {
    const at134 = findings('bad.yaml', '1.34');
    assert.equal(at134.length, 9);
    assert.ok(!at134.some((f) => /k8s-(short|long)-name/.test(f)));
  });
});
