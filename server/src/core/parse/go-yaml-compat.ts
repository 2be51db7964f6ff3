import { Composer, Lexer, Parser, parseDocument, type Document, type DocumentOptions, type ParseOptions, type SchemaOptions } from 'yaml';

type Options = ParseOptions & DocumentOptions & SchemaOptions;

/**
 * A lexer that, like libyaml (and so go-yaml, which `kubectl` and the API server parse with through
 * sigs.k8s.io/yaml), does not check indentation inside flow collections: a multi-line quoted scalar in `[ … ]`
 * whose later lines or closing `"]` sit at the parent key's indent (Argo's examples do this) is one scalar there.
 * The `yaml` package ends the scalar at the first under-indented line instead. Its lexer reads the minimum indent
 * from `indentNext`; inside a flow collection this subclass reports 0, which leaves only the document markers
 * (`---`, `...` at column 0) to end a flow scalar — libyaml's own rule. Outside flow collections nothing changes.
 */
class FlowIndentRelaxedLexer extends Lexer {}

interface LexerIndentState {
  flowLevel: number;
  blockIndentNext?: number;
}

Object.defineProperty(FlowIndentRelaxedLexer.prototype, 'indentNext', {
  get(this: LexerIndentState): number {
    return this.flowLevel > 0 ? 0 : (this.blockIndentNext ?? 0);
  },
  set(this: LexerIndentState, value: number) {
    this.blockIndentNext = value;
  },
});

function parseRelaxed(text: string, options: Options): Document.Parsed | undefined {
  const parser = new Parser();
  const lexer = new FlowIndentRelaxedLexer();
  const tokens = (function* () {
    for (const lexeme of lexer.lex(text)) yield* parser.next(lexeme);
    yield* parser.end();
  })();
  // One document per chunk: the caller splits at `---` first, as parseDocument would report a second one.
  for (const document of new Composer(options).compose(tokens, true, text.length)) return document;
  return undefined;
}

/**
 * Parses one YAML document as strictly as the `yaml` package does, and accepts it as go-yaml would where the only
 * difference is indentation inside flow collections: when the relaxed parse removes errors of the strict one and
 * adds none, the relaxed one is the document Kubernetes reads. Real syntax errors fail both parses and keep the strict
 * parse's positions, which point at the line that broke.
 */
export function parseLikeGoYaml(text: string, options: Options): Document.Parsed {
  // The parser's errors are read as data (code, position, message). Capturing a stack trace for each one cost
  // more than the parse itself on broken text with thousands of them (a mangled one-line JSON ConfigMap).
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return parseBoth(text, options);
  } finally {
    Error.stackTraceLimit = limit;
  }
}

function parseBoth(text: string, options: Options): Document.Parsed {
  const strict = parseDocument(text, options);
  if (strict.errors.length === 0 || !/[[{]/.test(text)) return strict;
  const relaxed = parseRelaxed(text, options);
  if (!relaxed || relaxed.errors.length >= strict.errors.length) return strict;
  // Other problems (a duplicate key) stay; the relaxed parse is used only when it adds none of its own.
  const known = new Set(strict.errors.map((error) => `${error.code}@${error.pos[0]}`));
  return relaxed.errors.every((error) => known.has(`${error.code}@${error.pos[0]}`)) ? relaxed : strict;
}
