import { asMap, asSeq, getPair, scalarText } from '../parse/nodes';
import { defineRule } from './types';
import { describeContainer } from '../model/containers';
import { containersOf } from '../model/pod';

/** Words that make a variable a secret, as single words or as a run of words (API + KEY). */
const SECRET_WORDS: readonly string[][] = [
  ['PASSWORD'], ['PASSWD'], ['PASSPHRASE'], ['SECRET'], ['TOKEN'], ['APIKEY'], ['API', 'KEY'], ['PRIVATE', 'KEY'],
  ['PRIVATEKEY'], ['ACCESS', 'KEY'], ['SECRET', 'KEY'], ['SIGNING', 'KEY'], ['ENCRYPTION', 'KEY'], ['MASTER', 'KEY'],
  ['CREDENTIALS'], ['CREDENTIAL'], ['CREDS'], ['CLIENTSECRET'],
];
/** Short forms that are secrets only as the last word: DB_PASS, DB_PWD, but not PASS_THROUGH or PWD alone. */
const SECRET_LAST_WORDS = new Set(['PASS', 'PWD']);

/**
 * A last word that says the variable is *about* a secret, not the secret: TOKEN_URL, SECRET_NAME,
 * PASSWORD_FILE, AWS_ACCESS_KEY_ID, TOKEN_TTL…
 */
const DESCRIPTOR_WORDS = new Set([
  'URL', 'URLS', 'URI', 'ENDPOINT', 'HOST', 'PORT', 'FILE', 'FILES', 'PATH', 'DIR', 'NAME', 'ID', 'HEADER', 'TYPE',
  'LENGTH', 'LEN', 'TTL', 'EXPIRY', 'EXPIRES', 'EXPIRATION', 'TIMEOUT', 'ENABLED', 'ENABLE', 'DISABLED', 'DISABLE',
  'REF', 'MOUNT', 'USER', 'USERNAME', 'LOCATION', 'REGION', 'ISSUER', 'AUDIENCE', 'SIZE', 'LIFETIME', 'DURATION',
  'PERIOD', 'INTERVAL', 'MODE', 'METHOD', 'FORMAT', 'PREFIX', 'SUFFIX', 'KIND', 'VERSION', 'PROVIDER', 'FIELD',
  'NAMESPACE', 'SOURCE', 'ALGORITHM', 'ALG', 'SCOPE', 'SCOPES', 'STORE', 'MIN', 'MAX', 'COUNT', 'POLICY', 'REQUIRED',
  'ROTATION', 'SECONDS', 'MINUTES', 'HOURS', 'DAYS', 'LIMIT', 'ENV', 'VAR', 'LABEL', 'SELECTOR',
]);

/**
 * Words that make the variable a switch about a secret, not the secret: MYSQL_ALLOW_EMPTY_PASSWORD,
 * MYSQL_RANDOM_ROOT_PASSWORD, GITLAB_SKIP_TOKEN_CHECK, REDIS_DISABLE_PASSWORD.
 */
const FLAG_WORDS = new Set(['ALLOW', 'ALLOWED', 'RANDOM', 'SKIP', 'EMPTY', 'GENERATE', 'DISABLE', 'DISABLED', 'ENABLE', 'ENABLED', 'USE', 'REQUIRE', 'NO']);

/** Names with a secret word that hold no secret: etcd's initial cluster token only tells clusters apart. */
const NOT_SECRETS = new Set(['ETCD_INITIAL_CLUSTER_TOKEN', 'INITIAL_CLUSTER_TOKEN']);

/** Values that are settings rather than secrets (MYSQL_ALLOW_EMPTY_PASSWORD: "yes" or "1"). */
const SETTING_VALUE = /^(true|false|yes|no|on|off|y|n|0|1|enabled?|disabled?|none|null|required|optional)$/i;
/** `$(OTHER_VAR)` only: Kubernetes substitutes another variable, there is no literal here. */
const ONLY_REFERENCES = /^\s*(?:\$\([A-Za-z_][A-Za-z0-9_.-]*\)\s*)+$/;
/** Template placeholders that a tool replaces before the manifest reaches the cluster. */
const ENVSUBST = /\$\{[A-Za-z_][A-Za-z0-9_]*\}/;
const isTemplate = (value: string): boolean => (value.includes('{{') && value.includes('}}')) || ENVSUBST.test(value);
/** scheme://user:password@host: a password inside a connection string, whatever the variable's name. */
const URL_WITH_PASSWORD = /^[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:([^\s/@]+)@/i;

/** Splits MYSQL_ROOT_PASSWORD, mysqlRootPassword, db.password into upper-case words. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toUpperCase());
}

/** Why a variable name looks like it holds a secret, or undefined. */
export function secretNameReason(name: string): string | undefined {
  const words = nameWords(name);
  if (words.length === 0 || NOT_SECRETS.has(words.join('_'))) return undefined;
  const last = words[words.length - 1];
  if (DESCRIPTOR_WORDS.has(last) || words.some((word) => FLAG_WORDS.has(word))) return undefined;
  // PWD alone is the shell's working directory.
  if (words.length >= 2 && SECRET_LAST_WORDS.has(last)) return last;
  for (const phrase of SECRET_WORDS) {
    for (let i = 0; i + phrase.length <= words.length; i++) {
      if (phrase.every((word, j) => words[i + j] === word)) return phrase.join('_');
    }
  }
  return undefined;
}

export const rule = defineRule({
  id: 'secret-in-env',
  group: 'hygiene',
  defaultSeverity: 'warning',
  summary: 'A secret (password, token, key, credentials) written as a literal env value instead of a secretKeyRef.',
  data: { container: 'string?', containerPath: 'path', envName: 'string', envIndex: 'number', envItemPath: 'path', reason: 'string' },
  check(pod, context) {
    for (const container of containersOf(pod, { ephemeral: true })) {
      const env = asSeq(getPair(container.node, 'env')?.value);
      env?.items.forEach((item, envIndex) => {
        const entry = asMap(item);
        const name = scalarText(getPair(entry, 'name')?.value);
        const valuePair = getPair(entry, 'value');
        const value = scalarText(valuePair?.value);
        if (!name || !valuePair || value === undefined) return;
        const trimmed = value.trim();
        // A template (Helm `{{ .Values.password }}`, envsubst `${PASSWORD}`) fills the value from elsewhere.
        if (!trimmed || ONLY_REFERENCES.test(trimmed) || isTemplate(trimmed)) return;
        let reason: string | undefined;
        const inUrl = URL_WITH_PASSWORD.exec(trimmed);
        if (inUrl && !ONLY_REFERENCES.test(inUrl[1])) reason = 'a password inside a connection URL';
        else if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(trimmed)) reason = 'a private key';
        else {
          const word = secretNameReason(name);
          if (word && !SETTING_VALUE.test(trimmed) && !trimmed.startsWith('/')) reason = `a name with ${word}`;
        }
        if (!reason) return;
        context.report({
          pair: valuePair,
          target: 'value',
          message:
            `Env "${name}" of ${describeContainer(container)} holds a literal secret (${reason}): anyone who can read the manifest, the pod spec or its history can read it. ` +
            'Store it in a Secret and use valueFrom.secretKeyRef.',
          data: {
            container: container.name,
            containerPath: container.path,
            envName: name,
            envIndex,
            envItemPath: [...container.path, 'env', envIndex],
            reason,
          },
        });
      });
    }
  },
});
