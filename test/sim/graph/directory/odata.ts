import { GraphError } from '../router';

/**
 * The OData query options Graph's directory accepts on users: `$select`, `$filter` (eq, ne, in,
 * startswith, endswith, ge/le, and/or/not), `$orderby`, `$expand=manager(...)`. What Graph only
 * allows as an "advanced query" (ne, not, endswith, null comparisons, `$count`) demands
 * `ConsistencyLevel: eventual` and `$count=true`, as in Graph.
 */

export type Literal = string | number | boolean | null;

export type Filter =
  | { kind: 'and' | 'or'; left: Filter; right: Filter }
  | { kind: 'not'; operand: Filter }
  | {
      kind: 'compare';
      op: 'eq' | 'ne' | 'ge' | 'le' | 'gt' | 'lt';
      property: string;
      value: Literal;
    }
  | { kind: 'in'; property: string; values: Literal[] }
  | { kind: 'function'; name: 'startswith' | 'endswith'; property: string; value: string };

function badRequest(message: string): GraphError {
  return new GraphError(400, 'Request_BadRequest', message);
}

type Token = { type: 'word' | 'string' | 'number' | 'punct'; text: string };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === "'") {
      let text = '';
      i++;
      for (;;) {
        if (i >= source.length) throw badRequest(`Unterminated string literal in '${source}'.`);
        if (source[i] === "'") {
          if (source[i + 1] === "'") {
            text += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        text += source[i++];
      }
      tokens.push({ type: 'string', text });
    } else if ('(),'.includes(c)) {
      tokens.push({ type: 'punct', text: c });
      i++;
    } else {
      const m = /^[A-Za-z0-9_./@-]+/.exec(source.slice(i));
      if (!m) throw badRequest(`Syntax error at position ${i} in '${source}'.`);
      tokens.push({ type: /^-?\d+(\.\d+)?$/.test(m[0]) ? 'number' : 'word', text: m[0] });
      i += m[0].length;
    }
  }
  return tokens;
}

/** Parses a `$filter` expression; syntax errors are Graph's 400 `Request_BadRequest`. */
export function parseFilter(source: string): Filter {
  const tokens = tokenize(source);
  let at = 0;
  const peek = () => tokens[at];
  const next = () => {
    const token = tokens[at++];
    if (!token) throw badRequest(`Unexpected end of expression in '${source}'.`);
    return token;
  };
  const expect = (text: string) => {
    const token = next();
    if (token.text !== text)
      throw badRequest(`Expected '${text}' at '${token.text}' in '${source}'.`);
  };
  const literal = (): Literal => {
    const token = next();
    if (token.type === 'string') return token.text;
    if (token.type === 'number') return Number(token.text);
    if (token.text === 'true') return true;
    if (token.text === 'false') return false;
    if (token.text === 'null') return null;
    throw badRequest(`Expected a literal at '${token.text}' in '${source}'.`);
  };
  const primary = (): Filter => {
    const token = next();
    if (token.text === '(') {
      const inner = or();
      expect(')');
      return inner;
    }
    if (token.type !== 'word') throw badRequest(`Unexpected '${token.text}' in '${source}'.`);
    const lower = token.text.toLowerCase();
    if ((lower === 'startswith' || lower === 'endswith') && peek()?.text === '(') {
      expect('(');
      const property = next().text;
      expect(',');
      const value = literal();
      expect(')');
      if (typeof value !== 'string') throw badRequest(`${lower} needs a string in '${source}'.`);
      return { kind: 'function', name: lower, property, value };
    }
    const op = next().text.toLowerCase();
    if (op === 'in') {
      expect('(');
      const values = [literal()];
      while (peek()?.text === ',') {
        next();
        values.push(literal());
      }
      expect(')');
      return { kind: 'in', property: token.text, values };
    }
    if (!['eq', 'ne', 'ge', 'le', 'gt', 'lt'].includes(op))
      throw badRequest(`Unsupported operator '${op}' in '${source}'.`);
    return {
      kind: 'compare',
      op: op as 'eq',
      property: token.text,
      value: literal(),
    };
  };
  const unary = (): Filter => {
    if (peek()?.text.toLowerCase() === 'not') {
      next();
      return { kind: 'not', operand: unary() };
    }
    return primary();
  };
  const and = (): Filter => {
    let left = unary();
    while (peek()?.text.toLowerCase() === 'and') {
      next();
      left = { kind: 'and', left, right: unary() };
    }
    return left;
  };
  const or = (): Filter => {
    let left = and();
    while (peek()?.text.toLowerCase() === 'or') {
      next();
      left = { kind: 'or', left, right: and() };
    }
    return left;
  };
  const filter = or();
  if (at < tokens.length) throw badRequest(`Unexpected '${tokens[at]!.text}' in '${source}'.`);
  return filter;
}

/** Whether the filter uses something Graph only serves as an advanced query. */
export function isAdvancedFilter(filter: Filter): boolean {
  switch (filter.kind) {
    case 'and':
    case 'or':
      return isAdvancedFilter(filter.left) || isAdvancedFilter(filter.right);
    case 'not':
      return true;
    case 'compare':
      return filter.op === 'ne' || filter.value === null;
    case 'in':
      return false;
    case 'function':
      return filter.name === 'endswith';
  }
}

/** The properties a filter reads (each must exist on the resource). */
export function filterProperties(filter: Filter): string[] {
  switch (filter.kind) {
    case 'and':
    case 'or':
      return [...filterProperties(filter.left), ...filterProperties(filter.right)];
    case 'not':
      return filterProperties(filter.operand);
    default:
      return [filter.property];
  }
}

function compareValues(a: unknown, b: Literal): number {
  if (typeof a === 'string' && typeof b === 'string')
    return a.localeCompare(b, 'en', { sensitivity: 'base' });
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return a === b ? 0 : Number.NaN;
}

/** Directory string comparisons are case-insensitive in Graph. */
function equals(a: unknown, b: Literal): boolean {
  if (b === null) return a === null || a === undefined;
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  return a === b;
}

export function matchesFilter(filter: Filter, item: Record<string, unknown>): boolean {
  switch (filter.kind) {
    case 'and':
      return matchesFilter(filter.left, item) && matchesFilter(filter.right, item);
    case 'or':
      return matchesFilter(filter.left, item) || matchesFilter(filter.right, item);
    case 'not':
      return !matchesFilter(filter.operand, item);
    case 'in':
      return filter.values.some((v) => equals(item[filter.property], v));
    case 'function': {
      const value = item[filter.property];
      if (typeof value !== 'string') return false;
      const [a, b] = [value.toLowerCase(), filter.value.toLowerCase()];
      return filter.name === 'startswith' ? a.startsWith(b) : a.endsWith(b);
    }
    case 'compare': {
      const value = item[filter.property];
      if (filter.op === 'eq') return equals(value, filter.value);
      if (filter.op === 'ne') return !equals(value, filter.value);
      const c = compareValues(value, filter.value);
      if (Number.isNaN(c)) return false;
      return filter.op === 'ge'
        ? c >= 0
        : filter.op === 'le'
          ? c <= 0
          : filter.op === 'gt'
            ? c > 0
            : c < 0;
    }
  }
}

/** `$select=a,b` → ['a','b'] (trimmed, empty entries dropped), or undefined when absent. */
export function parseSelect(value: string | null): string[] | undefined {
  if (value === null) return undefined;
  const list = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return list.length > 0 ? list : undefined;
}

export interface ManagerExpand {
  levels: number | 'max' | undefined;
  select: string[] | undefined;
}

/** `$expand=manager`, `manager($select=id)`, `manager($levels=max;$select=id,displayName)`. */
export function parseManagerExpand(value: string | null): ManagerExpand | undefined {
  if (value === null) return undefined;
  const m = /^\s*manager\s*(?:\((.*)\))?\s*$/i.exec(value);
  if (!m) throw badRequest(`Expand is only supported on 'manager' here: '${value}'.`);
  const out: ManagerExpand = { levels: undefined, select: undefined };
  for (const part of (m[1] ?? '').split(';').filter((p) => p.trim())) {
    const [key, raw = ''] = part.split('=').map((s) => s.trim());
    if (key === '$levels') {
      if (raw === 'max') out.levels = 'max';
      else if (/^\d+$/.test(raw) && Number(raw) >= 1 && Number(raw) <= 1000)
        out.levels = Number(raw);
      else throw badRequest(`Invalid $levels '${raw}': use max or 1–1000.`);
    } else if (key === '$select') out.select = parseSelect(raw);
    else throw badRequest(`Query option '${key}' is not allowed inside $expand.`);
  }
  return out;
}
