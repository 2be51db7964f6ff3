/**
 * The string formats the API server checks in custom resources, as data: one row per format, with the code it follows.
 *
 * Which formats: apiextensions-apiserver pkg/apiserver/validation/formats.go `supportedVersionedFormats` lists the
 * formats a CRD schema may use, each set with the Kubernetes version that introduced it; every other format is blanked
 * (StripUnsupportedFormatsPostProcessorForVersion, also for integer/number formats, which are never checked), so an
 * unknown format checks nothing. The version it is asked at is `environment.DefaultCompatibilityVersion()`, the
 * server's minimum compatibility version (its own minor minus one): a set introduced at 1.34 is checked by 1.35 servers.
 * Names are compared with `-` removed (go-openapi's normalization: `date-time` is `datetime`).
 *
 * How: kube-openapi pkg/validation/validate FormatOf calls the strfmt registry's validator of the format on string
 * values (pkg/validation/strfmt default.go, date.go, time.go, duration.go, bson.go, kubernetes-extensions.go and the
 * govalidator copy in pkg/internal/third_party/govalidator). A row is `exact` when it rejects exactly what that code
 * rejects; `partial` rows reject only inputs the Go parser certainly refuses (the rest of that parser is not
 * reproduced here), so they can miss an error but never report a false one. `quantity` (added to the 1.0 set later,
 * in a release not known here) and `password` (accepts anything) are not checked. An empty string is not checked.
 */

export interface FormatRow {
  /** The name as formats.go lists it, `-` removed. */
  name: string;
  /** False when the API server rejects the string. */
  accepts(text: string): boolean;
  exact: boolean;
  /** The first Kubernetes minor whose API server checks it (introducedVersion + 1, see above); all versions if unset. */
  sinceMinor?: number;
  /** The Go code it follows. */
  source: string;
}

const STRFMT = 'kube-openapi pkg/validation/strfmt';
const GOVALIDATOR = 'kube-openapi pkg/internal/third_party/govalidator';

/** Go's `len(s)`: the UTF-8 bytes of a string. */
function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** Go's regexp `\s` is ASCII only. */
const GO_SPACE = '[\\t\\n\\f\\r ]';

function isDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return day <= days;
}

/** strfmt DateTimePattern; its `.` before the fraction is any character, as in Go. */
const TIME = /^([0-9]{2}):([0-9]{2}):([0-9]{2})(.[0-9]+)?(z|([+-][0-9]{2}:[0-9]{2}))$/;

function isDateTime(text: string): boolean {
  if (text.length < 4) return false;
  const parts = text.toLowerCase().split('t');
  if (parts.length < 2 || !isDate(parts[0])) return false;
  const match = TIME.exec(parts[1]);
  return !!match && match[1] <= '23' && match[2] <= '59' && match[3] <= '59';
}

/** strfmt HostnamePattern (Unicode letters and symbols allowed), at most 255 bytes, each label at most 63. */
const HOSTNAME = /^([a-zA-Z0-9\p{S}\p{L}]((-?[a-zA-Z0-9\p{S}\p{L}]{0,62})?)|([a-zA-Z0-9\p{S}\p{L}](([a-zA-Z0-9\-\p{S}\p{L}]{0,61}[a-zA-Z0-9\p{S}\p{L}])?)(\.)){1,}([a-zA-Z\p{L}]){2,63})$/u;

function isHostname(text: string): boolean {
  return HOSTNAME.test(text) && byteLength(text) <= 255 && text.split('.').every((label) => byteLength(label) <= 63);
}

/** Go net.ParseMAC: 6, 8 or 20 bytes as hex pairs split by one `:` or `-`, or hex quads split by `.`. */
const MAC_FORMS = [
  ...[5, 7, 19].map((n) => new RegExp(`^[0-9a-f]{2}([:-])[0-9a-f]{2}(?:\\1[0-9a-f]{2}){${n - 1}}$`, 'i')),
  ...[2, 3, 9].map((n) => new RegExp(`^[0-9a-f]{4}(?:\\.[0-9a-f]{4}){${n}}$`, 'i')),
];

function isMac(text: string): boolean {
  return MAC_FORMS.some((form) => form.test(text));
}

// strfmt duration.go ParseDuration: Go's time.ParseDuration, else every `<digits><letters>` with a known unit.
const MAX_INT64 = (1n << 63n) - 1n;
const GO_UNITS: Readonly<Record<string, bigint>> = { ns: 1n, us: 1000n, '\u00b5s': 1000n, '\u03bcs': 1000n, ms: 1000000n, s: 1000000000n, m: 60000000000n, h: 3600000000000n };

/** Go time.ParseDuration (`[-+]?([0-9]*(\.[0-9]*)?[a-z]+)+`, or `0`), overflow of 1<<63 included. */
function isGoDuration(text: string): boolean {
  let s = text;
  if (s !== '' && (s[0] === '-' || s[0] === '+')) s = s.slice(1);
  if (s === '0') return true;
  if (s === '') return false;
  const limit = 1n << 63n;
  let total = 0n;
  while (s !== '') {
    if (!(s[0] === '.' || (s[0] >= '0' && s[0] <= '9'))) return false;
    let i = 0;
    let v = 0n;
    for (; i < s.length && s[i] >= '0' && s[i] <= '9'; i++) {
      if (v > limit / 10n) return false;
      v = v * 10n + BigInt(s.charCodeAt(i) - 48);
      if (v > limit) return false;
    }
    const pre = i > 0;
    s = s.slice(i);
    let post = false;
    let fraction = 0n;
    let scale = 1;
    if (s[0] === '.') {
      s = s.slice(1);
      let overflow = false;
      let j = 0;
      for (; j < s.length && s[j] >= '0' && s[j] <= '9'; j++) {
        if (overflow) continue;
        if (fraction > (limit - 1n) / 10n) {
          overflow = true;
          continue;
        }
        const next = fraction * 10n + BigInt(s.charCodeAt(j) - 48);
        if (next > limit) {
          overflow = true;
          continue;
        }
        fraction = next;
        scale *= 10;
      }
      post = j > 0;
      s = s.slice(j);
    }
    if (!pre && !post) return false;
    let k = 0;
    while (k < s.length && s[k] !== '.' && !(s[k] >= '0' && s[k] <= '9')) k++;
    if (k === 0) return false;
    const unit = Object.hasOwn(GO_UNITS, s.slice(0, k)) ? GO_UNITS[s.slice(0, k)] : undefined;
    s = s.slice(k);
    if (unit === undefined || v > limit / unit) return false;
    v *= unit;
    if (fraction > 0n) {
      v += BigInt(Math.trunc(Number(fraction) * (Number(unit) / scale)));
      if (v > limit) return false;
    }
    total += v;
    if (total > limit) return false;
  }
  return text[0] === '-' || total <= MAX_INT64;
}

/** strfmt timeUnits: the exact spellings, and the prefixes (the last spelling of each unit). */
const UNIT_NAMES = new Set(['ns', 'nano', 'us', '\u00b5s', 'micro', 'ms', 'milli', 's', 'sec', 'm', 'min', 'h', 'hr', 'hour', 'd', 'day', 'w', 'wk', 'week']);
const UNIT_PREFIXES = ['nano', 'micro', 'milli', 'sec', 'min', 'hour', 'day', 'week'];

function isDuration(text: string): boolean {
  if (isGoDuration(text)) return true;
  let known = false;
  for (const match of text.matchAll(new RegExp(`((\\d+)${GO_SPACE}*([A-Za-z\u00b5]+))`, 'g'))) {
    // strconv.Atoi fails past int64, and the whole parse with it.
    if (BigInt(match[2]) > MAX_INT64) return false;
    const unit = match[3].toLowerCase();
    if (UNIT_NAMES.has(unit) || UNIT_PREFIXES.some((prefix) => unit.startsWith(prefix))) known = true;
  }
  return known;
}

/** govalidator IsISBN: spaces and dashes removed, then the pattern and the check digit. */
function isIsbn(text: string, version: 10 | 13): boolean {
  const digits = text.replace(new RegExp(`(?:${GO_SPACE}|-)+`, 'g'), '');
  const value = (i: number) => digits.charCodeAt(i) - 48;
  if (version === 10) {
    if (!/^(?:[0-9]{9}X|[0-9]{10})$/.test(digits)) return false;
    let sum = 0;
    for (let i = 0; i < 9; i++) sum += (i + 1) * value(i);
    sum += 10 * (digits[9] === 'X' ? 10 : value(9));
    return sum % 11 === 0;
  }
  if (!/^(?:[0-9]{13})$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += (i % 2 === 0 ? 1 : 3) * value(i);
  return value(12) - ((10 - (sum % 10)) % 10) === 0;
}

/** govalidator IsCreditCard: non-digits removed, the issuers' pattern, the Luhn sum. */
function isCreditCard(text: string): boolean {
  const digits = text.replace(/[^0-9]+/g, '');
  if (!/^(?:4[0-9]{12}(?:[0-9]{3})?|5[1-5][0-9]{14}|6(?:011|5[0-9][0-9])[0-9]{12}|3[47][0-9]{13}|3(?:0[0-5]|[68][0-9])[0-9]{11}|(?:2131|1800|35\d{3})\d{11})$/.test(digits)) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let digit = digits.charCodeAt(i) - 48;
    if (double) {
      digit *= 2;
      sum += digit >= 10 ? (digit % 10) + 1 : digit;
    } else sum += digit;
    double = !double;
  }
  return sum % 10 === 0;
}

const RGB_PART = `${GO_SPACE}*(0|[1-9]\\d?|1\\d\\d?|2[0-4]\\d|25[0-5])${GO_SPACE}*`;
const RGB = new RegExp(`^rgb\\(${RGB_PART},${RGB_PART},${RGB_PART}\\)$`);

/** k8s.io/utils/net ParseIPSloppy's IPv4 (Go 1.16 parseIPv4): four decimal fields up to 255, leading zeros allowed. */
function isSloppyIPv4(text: string): boolean {
  const match = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  return !!match && match.slice(1).every((field) => decimalAtMost(field, 255));
}

/** A string of ASCII digits (any number of leading zeros, as Go's dtoi reads them) whose value is at most `max`. */
function decimalAtMost(digits: string, max: number): boolean {
  const significant = digits.replace(/^0+(?=.)/, '');
  return significant.length <= 4 && Number(significant) <= max;
}

/** Characters an IPv6 address (no zone: net.ParseIP rejects zones) can hold. */
const IPV6_CHARACTERS = /^[0-9A-Fa-f:.]*$/;

/** strfmt isIPv4: ParseIPSloppy accepts it and it has a dot. Exact where its first separator is a dot. */
function isIPv4(text: string): boolean {
  const dot = text.indexOf('.');
  if (dot < 0) return false;
  const colon = text.indexOf(':');
  if (colon >= 0 && colon < dot) return IPV6_CHARACTERS.test(text); // IPv6 with a dotted tail: parser not reproduced
  return isSloppyIPv4(text);
}

/** strfmt isCIDR (ParseCIDRSloppy): `address/bits`, the bits all digits, at most 32 for IPv4 and 128 for IPv6. */
function isCidr(text: string): boolean {
  const slash = text.indexOf('/');
  if (slash < 0) return false;
  const address = text.slice(0, slash);
  const mask = text.slice(slash + 1);
  if (!/^\d+$/.test(mask)) return false;
  if (isSloppyIPv4(address)) return decimalAtMost(mask, 32);
  // Not IPv4: Go 1.16's parseIPv6 needs a colon and only hex digits, colons and dots; the rest is not reproduced.
  return address.includes(':') && IPV6_CHARACTERS.test(address) && decimalAtMost(mask, 128);
}

/** Go url.ParseRequestURI: the errors that need no further parsing (control bytes, `:` first, no scheme and no `/`). */
function isRequestUri(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) < 0x20 || text.charCodeAt(i) === 0x7f) return false;
  if (text === '*') return true;
  let scheme = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (/[a-zA-Z]/.test(c)) continue;
    if (/[0-9+\-.]/.test(c)) {
      if (i === 0) break;
      continue;
    }
    if (c === ':') {
      if (i === 0) return false;
      scheme = true;
    }
    break;
  }
  return scheme || text.split('?')[0].startsWith('/');
}

/** The rows (formats.go's list, in its order; the ones left out are named in the file comment). */
export const FORMATS: readonly FormatRow[] = [
  { name: 'bsonobjectid', accepts: (t) => /^[0-9a-fA-F]{24}$/.test(t), exact: true, source: `${STRFMT}/bson.go IsBSONObjectID (hex.DecodeString, 12 bytes)` },
  { name: 'uri', accepts: isRequestUri, exact: false, source: `${GOVALIDATOR} IsRequestURI (Go net/url ParseRequestURI)` },
  { name: 'email', accepts: (t) => t.includes('@'), exact: false, source: `${STRFMT}/default.go IsEmail (Go net/mail ParseAddress: every address has an @)` },
  { name: 'hostname', accepts: isHostname, exact: true, source: `${STRFMT}/default.go IsHostname (HostnamePattern, 255 bytes, labels of 63)` },
  { name: 'ipv4', accepts: isIPv4, exact: false, source: `${STRFMT}/default.go isIPv4 (k8s.io/utils/net ParseIPSloppy)` },
  { name: 'ipv6', accepts: (t) => t.includes(':') && IPV6_CHARACTERS.test(t), exact: false, source: `${GOVALIDATOR} IsIPv6 (Go net.ParseIP and a colon)` },
  { name: 'cidr', accepts: isCidr, exact: false, source: `${STRFMT}/default.go isCIDR (k8s.io/utils/net ParseCIDRSloppy)` },
  { name: 'mac', accepts: isMac, exact: true, source: `${GOVALIDATOR} IsMAC (Go net.ParseMAC)` },
  { name: 'uuid', accepts: (t) => /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i.test(t), exact: true, source: `${STRFMT}/default.go UUIDPattern` },
  { name: 'uuid3', accepts: (t) => /^[0-9a-f]{8}-?[0-9a-f]{4}-?3[0-9a-f]{3}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i.test(t), exact: true, source: `${STRFMT}/default.go UUID3Pattern` },
  { name: 'uuid4', accepts: (t) => /^[0-9a-f]{8}-?[0-9a-f]{4}-?4[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$/i.test(t), exact: true, source: `${STRFMT}/default.go UUID4Pattern` },
  { name: 'uuid5', accepts: (t) => /^[0-9a-f]{8}-?[0-9a-f]{4}-?5[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$/i.test(t), exact: true, source: `${STRFMT}/default.go UUID5Pattern` },
  { name: 'isbn', accepts: (t) => isIsbn(t, 10) || isIsbn(t, 13), exact: true, source: `${GOVALIDATOR} IsISBN10 || IsISBN13` },
  { name: 'isbn10', accepts: (t) => isIsbn(t, 10), exact: true, source: `${GOVALIDATOR} IsISBN10` },
  { name: 'isbn13', accepts: (t) => isIsbn(t, 13), exact: true, source: `${GOVALIDATOR} IsISBN13` },
  { name: 'creditcard', accepts: isCreditCard, exact: true, source: `${GOVALIDATOR} IsCreditCard` },
  { name: 'ssn', accepts: (t) => t.length === 11 && /^\d{3}[- ]?\d{2}[- ]?\d{4}$/.test(t), exact: true, source: `${GOVALIDATOR} IsSSN` },
  { name: 'hexcolor', accepts: (t) => /^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/.test(t), exact: true, source: `${GOVALIDATOR} IsHexcolor` },
  { name: 'rgbcolor', accepts: (t) => RGB.test(t), exact: true, source: `${GOVALIDATOR} IsRGBcolor` },
  { name: 'byte', accepts: (t) => /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{4})$/.test(t), exact: true, source: `${GOVALIDATOR} IsBase64 (its Base64 pattern)` },
  { name: 'date', accepts: isDate, exact: true, source: `${STRFMT}/date.go IsDate (time.Parse "2006-01-02")` },
  { name: 'duration', accepts: isDuration, exact: true, source: `${STRFMT}/duration.go IsDuration (Go time.ParseDuration, else its unit matcher)` },
  { name: 'datetime', accepts: isDateTime, exact: true, source: `${STRFMT}/time.go IsDateTime` },
  {
    name: 'k8sshortname',
    accepts: (t) => t.length <= 63 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(t),
    exact: true,
    sinceMinor: 35,
    source: `${STRFMT}/kubernetes-extensions.go IsShortName; formats.go introducedVersion 1.34`,
  },
  {
    name: 'k8slongname',
    accepts: (t) => t.length <= 253 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(t),
    exact: true,
    sinceMinor: 35,
    source: `${STRFMT}/kubernetes-extensions.go IsLongName; formats.go introducedVersion 1.34`,
  },
];

const BY_NAME = new Map(FORMATS.map((row) => [row.name, row]));

/** The row of a format as a CRD writes it (`date-time`, `k8s-short-name`), if the API server checks it. */
export function formatRow(format: string): FormatRow | undefined {
  return BY_NAME.get(format.replace(/-/g, ''));
}

/** Whether the API server checks this format (at some version) and so do we (`date-time` and `datetime` alike). */
export function isCheckedFormat(format: string): boolean {
  return formatRow(format) !== undefined;
}

/** False when the API server rejects the string for the format (an empty string is not checked). */
export function matchesFormat(format: string, value: string): boolean {
  return value === '' || (formatRow(format)?.accepts(value) ?? true);
}
