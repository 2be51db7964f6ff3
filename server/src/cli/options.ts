import { isSeverityOverride, SUPPORTED_KUBERNETES_VERSIONS, type Severity, type SeverityOverride } from '../core/settings';
import { GlobError, globToRegExp } from '../glob';

export type OutputFormat = 'text' | 'json' | 'sarif';

export interface CliOptions {
  /** Files, folders, globs; `-` for stdin. Empty: the working folder. */
  inputs: string[];
  format: OutputFormat;
  configFile?: string;
  kubernetesVersion?: string;
  /** `--rule id=severity|off`, in order (a later one wins). */
  rules: Record<string, SeverityOverride>;
  failOn: Severity | 'never';
  /** undefined: colours when stdout is a terminal (and NO_COLOR is unset). */
  color?: boolean;
  outputFile?: string;
  stdinFilename?: string;
  /** Findings below this level are left out of the report and the exit code (`--quiet` is `error`). */
  minSeverity: Severity;
  /** Exit 1 when there are more warnings than this (eslint's --max-warnings); undefined: no limit. */
  maxWarnings?: number;
  /** Lint files that symbolic links inside a linted folder point to outside it. */
  followSymlinks: boolean;
  /** Lint every file on its own: no overlay rendering, patches checked as whole manifests (`--no-kustomize`). */
  noKustomize: boolean;
  /** `--exclude` globs, from the working folder: paths a folder walk leaves out. */
  excludes: string[];
  /** Leave out what .gitignore files ignore when walking folders (`--no-gitignore` turns it off). */
  gitignore: boolean;
  help: boolean;
  version: boolean;
  listRules: boolean;
}

export class UsageError extends Error {}

export const HELP = `Usage: sidecar-lint [options] [file | folder | glob | -] ...

Lints Kubernetes manifests with the rules and schemas of the sidecar language server.
Folders are searched for *.yaml and *.yml files; YAML that is not a Kubernetes manifest is skipped.
Globs support *, **, ?, [abc] and {a,b} (quote them so the shell leaves them alone). "-" reads stdin.
With no input, the working folder is linted.
A folder with a kustomization.yaml is linted as kustomize renders it, each finding at the patch or base
line that causes it; a file that kustomizations use as a patch is checked merged into their bases.

Options:
  -f, --format <text|json|sarif>   output format (default: text)
  -o, --output-file <file>         write the report to a file instead of stdout
  -c, --config <file>              configuration file (default: the nearest .sidecarlint.yaml
                                   above each file, or above the working folder for stdin)
  -k, --kubernetes-version <1.xx>  target cluster version (${SUPPORTED_KUBERNETES_VERSIONS[0]}–${SUPPORTED_KUBERNETES_VERSIONS[SUPPORTED_KUBERNETES_VERSIONS.length - 1]})
  -r, --rule <id=severity|off>     override a rule's level; repeatable
      --fail-on <level>            exit with 1 when a finding reaches this level:
                                   error (default), warning, info, hint, never
      --min-severity <level>       report only findings at this level or above:
                                   error, warning, info, hint (default: hint, everything)
      --quiet                      report errors only (--min-severity error)
      --max-warnings <n>           also exit with 1 when there are more than n warnings
      --follow-symlinks            also lint files that links in a folder point to outside it
      --no-kustomize               lint every file on its own (no overlay rendering, no patch merging)
      --exclude <glob>             leave out paths a folder walk meets that match (from the working
                                   folder; a matching folder with everything below it); repeatable
      --no-gitignore               also lint what .gitignore files ignore (followed by default)
      --stdin-filename <name>      the name to report for "-"
      --color, --no-color          force colours on or off (default: on when stdout is a terminal)
      --list-rules                 list every rule and check with its default level
  -h, --help                       show this help
  -v, --version                    show the version

Exit codes: 0 no finding at the --fail-on level, 1 findings at that level (or more than --max-warnings
warnings), 2 usage or I/O error.
`;

const SEVERITY_LEVELS: readonly string[] = ['error', 'warning', 'info', 'hint'];
const FAIL_ON: readonly string[] = [...SEVERITY_LEVELS, 'never'];

/** Parses argv (without node and the script). Throws UsageError with a message for the user. */
export function parseArguments(argv: readonly string[]): CliOptions {
  const options: CliOptions = {
    inputs: [],
    format: 'text',
    rules: {},
    failOn: 'error',
    minSeverity: 'hint',
    followSymlinks: false,
    noKustomize: false,
    excludes: [],
    gitignore: true,
    help: false,
    version: false,
    listRules: false,
  };
  let onlyInputs = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (onlyInputs || arg === '-' || !arg.startsWith('-')) {
      options.inputs.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyInputs = true;
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    const value = (): string => {
      if (inline !== undefined) return inline;
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('-') && next !== '-')) throw new UsageError(`${name} needs a value`);
      i++;
      return next;
    };
    switch (name) {
      case '-f':
      case '--format': {
        const format = value().toLowerCase();
        if (format !== 'text' && format !== 'json' && format !== 'sarif') throw new UsageError(`unknown format "${format}": use text, json or sarif`);
        options.format = format;
        break;
      }
      case '-o':
      case '--output-file':
        options.outputFile = value();
        break;
      case '-c':
      case '--config':
        options.configFile = value();
        break;
      case '-k':
      case '--kubernetes-version': {
        const version = value().trim().replace(/^v/, '');
        const minor = /^1\.(\d+)(?:\.\d+)?$/.exec(version);
        const normalized = minor ? `1.${minor[1]}` : '';
        if (!SUPPORTED_KUBERNETES_VERSIONS.includes(normalized)) {
          throw new UsageError(`unsupported Kubernetes version "${version}": use one of ${SUPPORTED_KUBERNETES_VERSIONS.join(', ')}`);
        }
        options.kubernetesVersion = normalized;
        break;
      }
      case '-r':
      case '--rule': {
        const text = value();
        const match = /^([a-z0-9][a-z0-9-]*)\s*[=:]\s*([a-z]+)$/i.exec(text.trim());
        const level = match?.[2].toLowerCase();
        if (!match || !isSeverityOverride(level)) throw new UsageError(`--rule expects id=error|warning|info|hint|off, got "${text}"`);
        options.rules[match[1]] = level;
        break;
      }
      case '--fail-on': {
        const level = value().toLowerCase();
        if (!FAIL_ON.includes(level)) throw new UsageError(`--fail-on expects one of ${FAIL_ON.join(', ')}, got "${level}"`);
        options.failOn = level as CliOptions['failOn'];
        break;
      }
      case '--stdin-filename':
        options.stdinFilename = value();
        break;
      case '--color':
        options.color = true;
        break;
      case '--no-color':
        options.color = false;
        break;
      case '--follow-symlinks':
        options.followSymlinks = true;
        break;
      case '--no-kustomize':
        options.noKustomize = true;
        break;
      case '--exclude': {
        const glob = value();
        try {
          globToRegExp(glob);
        } catch (error) {
          if (error instanceof GlobError) throw new UsageError(error.message);
          throw error;
        }
        options.excludes.push(glob);
        break;
      }
      case '--no-gitignore':
        options.gitignore = false;
        break;
      case '--quiet':
        options.minSeverity = 'error';
        break;
      case '--min-severity': {
        const level = value().toLowerCase();
        if (!SEVERITY_LEVELS.includes(level)) throw new UsageError(`--min-severity expects one of ${SEVERITY_LEVELS.join(', ')}, got "${level}"`);
        options.minSeverity = level as Severity;
        break;
      }
      case '--max-warnings': {
        const text = value();
        if (!/^\d+$/.test(text)) throw new UsageError(`--max-warnings expects a whole number, got "${text}"`);
        options.maxWarnings = Number(text);
        break;
      }
      case '--list-rules':
        options.listRules = true;
        break;
      case '-h':
      case '--help':
        options.help = true;
        break;
      case '-v':
      case '--version':
        options.version = true;
        break;
      default:
        throw new UsageError(`unknown option ${name}`);
    }
    if (inline !== undefined && !['--format', '--output-file', '--config', '--kubernetes-version', '--rule', '--fail-on', '--stdin-filename', '--min-severity', '--max-warnings', '--exclude'].includes(name)) {
      throw new UsageError(`${name} takes no value`);
    }
  }
  return options;
}
