import { getSeq, getString, asMap, scalarText } from '../parse/nodes';
import type { ContainerModel } from './pod';

/**
 * Signs that a container opens network connections when it runs: the heuristic of the mesh start-order rules. Kept
 * narrow on purpose (a missed case costs less than a false warning): a command that exists to talk to the network,
 * run as the command or inside a shell script, or a URL in its command, args or env values. The commands are the
 * ones the injector issues show failing in init containers (istio.io "Compatibility with application init
 * containers", linkerd/linkerd2#1760 `gcloud`, #4788 `wget`, hashicorp/vault-k8s#29 `vault`) and their kin.
 */
export const NETWORK_COMMANDS: readonly string[] = [
  'curl', 'wget', 'nc', 'ncat', 'netcat', 'telnet', 'nslookup', 'dig', 'ping',
  'psql', 'pg_isready', 'pg_dump', 'pg_restore', 'mysql', 'mysqladmin', 'mysqldump', 'mongo', 'mongosh', 'redis-cli', 'cqlsh',
  'gcloud', 'gsutil', 'aws', 'az', 'kubectl', 'helm', 'vault', 'consul', 'flyway', 'liquibase', 'wait-for', 'wait-for-it', 'wait-for-it.sh',
];

const COMMAND = new RegExp(`(?:^|[\\s;&|('"\`/])(${NETWORK_COMMANDS.map((c) => c.replace(/[.]/g, '\\.')).join('|')})(?=$|[\\s;&|)'"\`])`);
const URL = /\b(?:https?|postgres(?:ql)?|mysql|mongodb(?:\+srv)?|redis|rediss|amqps?|nats|grpc|tcp):\/\/[^\s'"]+/;

/** Why `container` looks like it needs the network, in words to follow "it" ("runs `curl`"), or undefined. */
export function networkUse(container: ContainerModel): string | undefined {
  const words = [...(getSeq(container.node, 'command')?.items ?? []), ...(getSeq(container.node, 'args')?.items ?? [])].map((item) => scalarText(item) ?? '');
  for (const word of words) {
    const command = COMMAND.exec(word)?.[1];
    if (command) return `runs \`${command}\``;
  }
  for (const word of words) {
    const url = URL.exec(word)?.[0];
    if (url) return `names \`${url}\` in its command`;
  }
  for (const item of getSeq(container.node, 'env')?.items ?? []) {
    const env = asMap(item);
    const value = getString(env, 'value');
    const url = value ? URL.exec(value)?.[0] : undefined;
    if (url) return `has \`${url}\` in its env \`${getString(env, 'name') ?? '?'}\``;
  }
  return undefined;
}
