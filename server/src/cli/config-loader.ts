// Configuration files (.sidecarlint.yaml): read once each, their problems printed like findings.
import * as fs from 'fs';
import { parseConfigFile, type ConfigSettings } from '../core/config-file';
import { LineIndex } from '../core/parse/line-index';
import { describeError, displayPath, printable, TOOL_NAME, type CliIo } from './io';

/** Reads each config file once; prints its problems; undefined when it cannot be used (exit code 2). */
export class ConfigLoader {
  private readonly loaded = new Map<string, ConfigSettings | undefined>();

  constructor(
    private readonly io: CliIo,
    private readonly knownIds: readonly string[],
  ) {}

  load(file: string): ConfigSettings | undefined {
    if (this.loaded.has(file)) return this.loaded.get(file);
    let result: ConfigSettings | undefined;
    try {
      const text = fs.readFileSync(file, 'utf8');
      const config = parseConfigFile(text, this.knownIds);
      const lines = new LineIndex(text);
      for (const problem of config.problems) {
        const at = lines.positionAt(problem.start);
        this.io.stderr(`${printable(displayPath(file, this.io.cwd))}:${at.line + 1}:${at.character + 1}  ${problem.severity}  ${printable(problem.message)}\n`);
      }
      result = config.problems.some((p) => p.severity === 'error') ? undefined : config.settings;
      if (!result) this.io.stderr(`${TOOL_NAME}: fix the configuration file ${printable(displayPath(file, this.io.cwd))} first.\n`);
    } catch (error) {
      this.io.stderr(`${TOOL_NAME}: cannot read the configuration file ${printable(displayPath(file, this.io.cwd))}: ${printable(describeError(error))}\n`);
      result = undefined;
    }
    this.loaded.set(file, result);
    return result;
  }
}
