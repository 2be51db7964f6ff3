import { labelKeyErrors, labelValueErrors } from '../../kubernetes/names';

/**
 * Label and annotation selectors of a patch `target:` as kustomize reads them: kyaml's RNode.MatchesLabelSelector
 * calls `labels.Parse` and `Matches`, from kyaml's copy of apimachinery (kubernetes-sigs/kustomize
 * kyaml/yaml/internal/k8sgen/pkg/labels/selector.go, commit 12f9e63; kyaml/yaml/rnode.go). Annotation selectors use
 * the same grammar over the annotations. Grammar (selector.go):
 *
 *   selector    ::= requirement ("," requirement)*      (an empty selector selects everything)
 *   requirement ::= ["!"] KEY [ ("in" | "notin") "(" VALUE ("," VALUE)* ")" | ("=" | "==" | "!=" | ">" | "<") VALUE ]
 */

/** `exists` is a bare key, `!` a negated one. */
type Operator = 'in' | 'notin' | '=' | '==' | '!=' | '>' | '<' | 'exists' | '!';

interface Requirement {
  key: string;
  operator: Operator;
  values: string[];
}

export type ParsedSelector = { requirements: Requirement[] } | { error: string };

type Token = { kind: 'id' | 'op' | 'end'; text: string };

const SPECIAL = new Set(['=', '!', '(', ')', ',', '>', '<']);
const SYMBOLS = new Set([')', ',', '!', '==', '=', '>', '<', '!=', '(']);
const WHITESPACE = new Set([' ', '\t', '\r', '\n']);

/** The lexer of selector.go: identifiers run to whitespace or a special symbol; symbols are the longest match. */
function lex(source: string): Token[] | string {
  const tokens: Token[] = [];
  let pos = 0;
  while (pos < source.length) {
    const ch = source[pos];
    if (WHITESPACE.has(ch)) {
      pos++;
      continue;
    }
    if (SPECIAL.has(ch)) {
      let buffer = '';
      let last: string | undefined;
      while (pos < source.length && SPECIAL.has(source[pos])) {
        buffer += source[pos++];
        if (SYMBOLS.has(buffer)) last = buffer;
        else if (last !== undefined) {
          pos--;
          break;
        }
      }
      if (last === undefined) return `error expected: keyword found '${buffer}'`;
      tokens.push({ kind: 'op', text: last });
      continue;
    }
    let end = pos;
    while (end < source.length && !SPECIAL.has(source[end]) && !WHITESPACE.has(source[end])) end++;
    const text = source.slice(pos, end);
    tokens.push({ kind: text === 'in' || text === 'notin' ? 'op' : 'id', text });
    pos = end;
  }
  tokens.push({ kind: 'end', text: '' });
  return tokens;
}

/** `labels.Parse`: the requirements, or the message kustomize stops with ("unable to parse requirement: …"). */
export function parseSelector(source: string): ParsedSelector {
  const tokens = lex(source);
  if (typeof tokens === 'string') return { error: tokens };
  let position = 0;
  // In the values context `in` / `notin` are identifiers (selector.go lookahead/consume with Values).
  const peek = (values = true): Token => {
    const token = tokens[position];
    return values && (token.text === 'in' || token.text === 'notin') ? { kind: 'id', text: token.text } : token;
  };
  const next = (values = true): Token => {
    const token = peek(values);
    position++;
    return token;
  };
  const startsRequirement = (token: Token) => token.kind === 'id' || (token.kind === 'op' && token.text === '!');
  const requirements: Requirement[] = [];
  /** `( VALUE, … )` into `values` (parseValues / parseIdentifiersList, empty items included); a message on error. */
  const valueSet = (values: Set<string>): string | undefined => {
    const open = next();
    if (open.text !== '(') return `found '${open.text}' expected: '('`;
    const first = peek();
    if (first.text === ')') {
      next();
      values.add('');
      return undefined;
    }
    if (first.kind !== 'id' && first.text !== ',') return `found '${first.text}', expected: ',', ')' or identifier`;
    for (;;) {
      const item = next();
      if (item.kind === 'id') {
        values.add(item.text);
        const after = peek();
        if (after.text === ',') continue;
        if (after.text === ')') break;
        return `found '${after.text}', expected: ',' or ')'`;
      }
      if (item.text !== ',') return `found '${item.text}', expected: ',', or identifier`;
      if (values.size === 0) values.add('');
      if (peek().text === ')') {
        values.add('');
        break;
      }
      if (peek().text === ',') {
        next();
        values.add('');
      }
    }
    next();
    return undefined;
  };
  const requirement = (): Requirement | string => {
    let token = next();
    const negated = token.kind === 'op' && token.text === '!';
    if (negated) token = next();
    if (token.kind !== 'id') return `found '${token.text}', expected: identifier`;
    const key = token.text;
    const keyErrors = labelKeyErrors(key);
    if (keyErrors.length > 0) return `invalid label key "${key}": ${keyErrors.join('; ')}`;
    if (negated) return { key, operator: '!', values: [] };
    const after = peek();
    if (after.kind === 'end' || after.text === ',') return { key, operator: 'exists', values: [] };
    const op = next(false);
    if (op.kind !== 'op' || !['in', 'notin', '=', '==', '!=', '>', '<'].includes(op.text)) return `found '${op.text}', expected: '=', '!=', '==', 'in', notin'`;
    const values = new Set<string>();
    if (op.text === 'in' || op.text === 'notin') {
      const problem = valueSet(values);
      if (problem) return problem;
    } else {
      const value = peek();
      if (value.kind === 'end' || value.text === ',') values.add('');
      else if (next().kind === 'id') values.add(value.text);
      else return `found '${value.text}', expected: identifier`;
    }
    const list = [...values].sort();
    if ((op.text === '>' || op.text === '<') && !list.every((value) => /^[+-]?\d+$/.test(value))) return "for 'Gt', 'Lt' operators, the value must be an integer";
    for (const value of list) {
      const errors = labelValueErrors(value);
      if (errors.length > 0) return `invalid label value: "${value}": at key: "${key}": ${errors.join('; ')}`;
    }
    return { key, operator: op.text as Operator, values: list };
  };
  for (;;) {
    const token = peek();
    if (token.kind === 'end') return { requirements };
    if (!startsRequirement(token)) return { error: `found '${token.text}', expected: !, identifier, or 'end of string'` };
    const parsed = requirement();
    if (typeof parsed === 'string') return { error: `unable to parse requirement: ${parsed}` };
    requirements.push(parsed);
    const separator = next();
    if (separator.kind === 'end') return { requirements };
    if (separator.text !== ',') return { error: `found '${separator.text}', expected: ',' or 'end of string'` };
    if (!startsRequirement(peek())) return { error: `found '${peek().text}', expected: identifier after ','` };
  }
}

/** Requirement.Matches of selector.go over a resource's labels (or annotations). */
function matches(requirement: Requirement, labels: Readonly<Record<string, string>>): boolean {
  const has = Object.hasOwn(labels, requirement.key);
  const value = labels[requirement.key];
  switch (requirement.operator) {
    case 'in':
    case '=':
    case '==':
      return has && requirement.values.includes(value);
    case 'notin':
    case '!=':
      return !has || !requirement.values.includes(value);
    case 'exists':
      return has;
    case '!':
      return !has;
    case '>':
    case '<': {
      if (!has || !/^[+-]?\d+$/.test(value) || requirement.values.length !== 1) return false;
      const [left, right] = [BigInt(value), BigInt(requirement.values[0])];
      return requirement.operator === '>' ? left > right : left < right;
    }
  }
}

/** Whether the selector selects an object with these labels; a selector kustomize cannot parse selects nothing. */
export function selectorMatches(selector: ParsedSelector, labels: Readonly<Record<string, string>>): boolean {
  return 'requirements' in selector && selector.requirements.every((requirement) => matches(requirement, labels));
}
