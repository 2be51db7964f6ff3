/**
 * Name, label and port formats as the API server checks them, with its own messages. Source: kubernetes/apimachinery
 * `pkg/util/validation/validation.go` (IsDNS1123Label, IsDNS1123Subdomain, IsDNS1035Label, IsValidPortName,
 * IsValidPortNum) and `pkg/api/validate/content` (IsLabelKey, IsLabelValue, RegexError, TooLongError), as of
 * Kubernetes 1.34–1.36. Each function returns the API's error strings, empty when the value is valid.
 */

/** The formats a name can be required to have, keyed as the docs and the API name them. */
export type NameFormat = 'dns1123-subdomain' | 'dns1123-label' | 'dns1035-label';

interface Format {
  regex: RegExp;
  source: string;
  message: string;
  examples: readonly string[];
  maxLength: number;
}

const DNS1123_LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_SUBDOMAIN = `${DNS1123_LABEL}(\\.${DNS1123_LABEL})*`;
const DNS1035_LABEL = '[a-z]([-a-z0-9]*[a-z0-9])?';
const LABEL_KEY = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const LABEL_VALUE = `(${LABEL_KEY})?`;

const FORMATS: Record<NameFormat, Format> = {
  'dns1123-label': {
    regex: new RegExp(`^${DNS1123_LABEL}$`),
    source: DNS1123_LABEL,
    message: "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
    examples: ['my-name', '123-abc'],
    maxLength: 63,
  },
  'dns1123-subdomain': {
    regex: new RegExp(`^${DNS1123_SUBDOMAIN}$`),
    source: DNS1123_SUBDOMAIN,
    message: "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
    examples: ['example.com'],
    maxLength: 253,
  },
  'dns1035-label': {
    regex: new RegExp(`^${DNS1035_LABEL}$`),
    source: DNS1035_LABEL,
    message: "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character",
    examples: ['my-name', 'abc-123'],
    maxLength: 63,
  },
};

/** content.RegexError: "msg (e.g. 'a', 'b'; regex: '…')". */
function regexError(message: string, source: string, examples: readonly string[]): string {
  const shown = examples.length ? `e.g. ${examples.map((e) => `'${e}'`).join(', ')}; ` : '';
  return `${message} (${shown}regex: '${source}')`;
}

export function tooLongError(max: number): string {
  return `must be no more than ${max} characters`;
}

/**
 * IsDNS1123Label / IsDNS1123Subdomain / IsDNS1035Label. With `prefix` (a `generateName`), a trailing '-' is allowed,
 * as apimachinery's NameIs* functions mask it before checking.
 */
export function nameErrors(value: string, format: NameFormat, prefix = false): string[] {
  const checked = prefix && value.endsWith('-') ? value.slice(0, -1) : value;
  const spec = FORMATS[format];
  const errors: string[] = [];
  if (checked.length > spec.maxLength) errors.push(tooLongError(spec.maxLength));
  if (!spec.regex.test(checked)) {
    // IsDNS1123Label: a valid subdomain that is not a label must have dots.
    if (format === 'dns1123-label' && FORMATS['dns1123-subdomain'].regex.test(checked)) errors.push('must not contain dots');
    else errors.push(regexError(spec.message, spec.source, spec.examples));
  }
  return errors;
}

/** IsValidPortName (IANA_SVC_NAME). */
export function portNameErrors(port: string): string[] {
  const errors: string[] = [];
  if (port.length > 15) errors.push(tooLongError(15));
  if (!/^[-a-z0-9]+$/.test(port)) errors.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(port)) errors.push('must contain at least one letter (a-z)');
  if (port.includes('--')) errors.push('must not contain consecutive hyphens');
  if (port.startsWith('-') || port.endsWith('-')) errors.push('must not begin or end with a hyphen');
  return errors;
}

/** IsValidPortNum. */
export function portNumberErrors(port: number): string[] {
  return Number.isInteger(port) && port >= 1 && port <= 65535 ? [] : ['must be between 1 and 65535, inclusive'];
}

const LABEL_KEY_MESSAGE = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const LABEL_KEY_REGEX = new RegExp(`^${LABEL_KEY}$`);

/** content.IsLabelKey (the "qualified name" of label keys, annotation keys and many other fields). */
export function labelKeyErrors(value: string): string[] {
  const errors: string[] = [];
  const slash = value.indexOf('/');
  let name = value;
  if (slash >= 0) {
    if (value.indexOf('/', slash + 1) >= 0) {
      return [`a valid label key ${regexError(LABEL_KEY_MESSAGE, LABEL_KEY, ['MyName', 'my.name', '123-abc'])} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`];
    }
    const prefix = value.slice(0, slash);
    name = value.slice(slash + 1);
    if (prefix.length === 0) errors.push('prefix part must be non-empty');
    else errors.push(...nameErrors(prefix, 'dns1123-subdomain').map((e) => `prefix part ${e}`));
  }
  if (name.length === 0) errors.push('name part must be non-empty');
  else if (name.length > 63) errors.push(`name part ${tooLongError(63)}`);
  if (!LABEL_KEY_REGEX.test(name)) errors.push(`name part ${regexError(LABEL_KEY_MESSAGE, LABEL_KEY, ['MyName', 'my.name', '123-abc'])}`);
  return errors;
}

const LABEL_VALUE_REGEX = new RegExp(`^${LABEL_VALUE}$`);

/** content.IsLabelValue. */
export function labelValueErrors(value: string): string[] {
  const errors: string[] = [];
  if (value.length > 63) errors.push(tooLongError(63));
  if (!LABEL_VALUE_REGEX.test(value)) {
    errors.push(
      regexError(
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
        LABEL_VALUE,
        ['MyValue', 'my_value', '12345'],
      ),
    );
  }
  return errors;
}

/** A name that satisfies `format`, derived from `value` (lower case, invalid runs to '-'), for quick fixes. */
export function suggestName(value: string, format: NameFormat): string | undefined {
  let name = value
    .toLowerCase()
    .replace(format === 'dns1123-subdomain' ? /[^a-z0-9.-]+/g : /[^a-z0-9-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
  if (format === 'dns1035-label') name = name.replace(/^[0-9-]+/, '');
  name = name.slice(0, FORMATS[format].maxLength).replace(/[^a-z0-9]+$/, '');
  return name && nameErrors(name, format).length === 0 ? name : undefined;
}
