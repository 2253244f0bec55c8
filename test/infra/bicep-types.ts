import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Node, Parser } from 'web-tree-sitter';
import type { BicepFile } from './bicep';

/**
 * The official Bicep type definitions (the format of github.com/Azure/bicep-types: an array of
 * types that point at each other by `{"$ref": "#/<index>"}`), trimmed to the resource types
 * infra/ declares. test/infra/refresh-types.ts writes the files under test/infra/types/.
 */
export type Ref = { $ref: string };
export type BicepType =
  | { $type: 'ResourceType'; name: string; body: Ref; [k: string]: unknown }
  | {
      $type: 'ObjectType';
      name: string;
      properties: Record<string, { type: Ref; flags: number }>;
      additionalProperties?: Ref;
    }
  | {
      $type: 'DiscriminatedObjectType';
      name: string;
      discriminator: string;
      baseProperties: Record<string, { type: Ref; flags: number }>;
      elements: Record<string, Ref>;
    }
  | { $type: 'StringLiteralType'; value: string }
  | { $type: 'UnionType'; elements: Ref[] }
  | { $type: 'ArrayType'; itemType: Ref }
  | { $type: 'StringType' | 'IntegerType' | 'BooleanType' | 'AnyType' | 'NullType' }
  | { $type: 'ResourceFunctionType' | 'FunctionType'; [k: string]: unknown };

/** Property flags of the bicep-types format (Azure/bicep-types src/bicep-types/src/types.ts). */
export const FLAGS = { Required: 1, ReadOnly: 2, WriteOnly: 4 } as const;

export interface TypeFile {
  source: { repository: string; commit: string; files: string[] };
  types: BicepType[];
}

export const TYPES_DIR = join(dirname(new URL(import.meta.url).pathname), 'types');

export function loadTypeFile(name: string): TypeFile {
  return JSON.parse(readFileSync(join(TYPES_DIR, name), 'utf8')) as TypeFile;
}

/** Resource types by `Type@version`, each with the list it lives in. */
export class TypeIndex {
  readonly resources = new Map<string, { list: BicepType[]; body: number }[]>();
  constructor(files: readonly TypeFile[]) {
    for (const file of files) {
      for (const t of file.types) {
        if (t.$type !== 'ResourceType') continue;
        const key = t.name.toLowerCase();
        const entry = { list: file.types, body: refIndex(t.body) };
        this.resources.set(key, [...(this.resources.get(key) ?? []), entry]);
      }
    }
  }
}

export function refIndex(ref: Ref): number {
  return Number(ref.$ref.slice(2));
}

interface Resource {
  symbol: string;
  type: string; // Microsoft.Web/sites/config@2024-04-01
  existing: boolean;
  body: Node | undefined;
  file: string;
  line: number;
}

function stringLiteral(node: Node | null | undefined): string | undefined {
  if (node?.type !== 'string') return undefined;
  const parts = node.namedChildren;
  if (parts.some((c) => c && c.type !== 'string_content')) return undefined;
  return parts.map((c) => c!.text).join('');
}

/** The object a resource or module declaration's value is: `{…}`, `if (…) {…}`, `[for … : {…}]`. */
function bodyObject(node: Node | null | undefined): Node | undefined {
  if (!node) return undefined;
  if (node.type === 'object') return node;
  if (node.type === 'if_statement' || node.type === 'for_statement') {
    const last = node.namedChildren.filter((c) => c && c.type !== 'comment').at(-1);
    return bodyObject(last);
  }
  return undefined;
}

function declarationValue(node: Node): Node | undefined {
  const named = node.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
  return bodyObject(named.at(-1));
}

/** Every resource declared in a file, nested ones with their full type name. */
export function resources(p: Parser, file: BicepFile): Resource[] {
  const tree = p.parse(file.text)!;
  const out: Resource[] = [];
  const visit = (node: Node, parentType?: string) => {
    if (node.type === 'resource_declaration') {
      const symbol = node.namedChildren.find((c) => c?.type === 'identifier')?.text ?? '?';
      const written = stringLiteral(node.namedChildren.find((c) => c?.type === 'string')) ?? '?';
      let type = written;
      if (parentType && !/^[\w.]+\/[\w]+/.test(written)) {
        // A nested resource names its type relative to the parent's, with or without a version.
        const [parentName, parentVersion] = parentType.split('@');
        const [child, version] = written.split('@');
        type = `${parentName}/${child}@${version ?? parentVersion}`;
      }
      const existing = node.children.some((c) => c?.type === 'existing');
      const body = declarationValue(node);
      out.push({ symbol, type, existing, body, file: file.path, line: node.startPosition.row + 1 });
      for (const child of body?.namedChildren ?? []) {
        const nested = child?.namedChildren.find((c) => c?.type === 'resource_declaration');
        if (child?.type === 'object_property' && nested) visit(nested, type);
      }
      return;
    }
    for (const child of node.namedChildren) if (child) visit(child, parentType);
  };
  visit(tree.rootNode);
  return out;
}

/** `key: value` properties of an object node (nested resource declarations left out). */
function objectProperties(object: Node): { key: string; value: Node; line: number }[] {
  return object.namedChildren.flatMap((child) => {
    if (child?.type !== 'object_property' || child.namedChildren.length < 2) return [];
    const [key, value] = child.namedChildren as [Node, Node];
    if (key.type === 'resource_declaration') return [];
    const name = key.type === 'string' ? (stringLiteral(key) ?? key.text) : key.text;
    return [{ key: name, value, line: child.startPosition.row + 1 }];
  });
}

/** Bicep's own keywords in a resource body, which no type definition lists. */
const BICEP_KEYWORDS = new Set(['scope', 'dependsOn', 'parent']);

class Checker {
  constructor(
    private readonly list: BicepType[],
    private readonly problems: string[],
    private readonly where: string,
  ) {}

  at(ref: Ref): BicepType {
    return this.list[refIndex(ref)]!;
  }

  /** Object-like properties of a type for an object value (a discriminated type picks its element). */
  propertiesOf(
    type: BicepType,
    value: Node | undefined,
    path: string,
  ): { props: Record<string, { type: Ref; flags: number }>; extra?: Ref } | undefined {
    if (type.$type === 'ObjectType')
      return { props: type.properties, extra: type.additionalProperties };
    if (type.$type === 'DiscriminatedObjectType') {
      const written = value
        ? objectProperties(value).find((p) => p.key === type.discriminator)
        : undefined;
      const tag = stringLiteral(written?.value);
      if (tag === undefined) return { props: type.baseProperties };
      const element = type.elements[tag];
      if (!element) {
        this.problems.push(
          `${this.where}: ${path}${type.discriminator} '${tag}' is not one of ${Object.keys(type.elements).join(', ')}`,
        );
        return undefined;
      }
      const chosen = this.at(element);
      if (chosen.$type !== 'ObjectType') return { props: type.baseProperties };
      return {
        props: { ...type.baseProperties, ...chosen.properties },
        extra: chosen.additionalProperties,
      };
    }
    if (type.$type === 'UnionType') {
      const objects = type.elements.map((e) => this.at(e)).filter((e) => /Object/.test(e.$type));
      if (objects.length === 1) return this.propertiesOf(objects[0]!, value, path);
    }
    return undefined;
  }

  /** Checks one written value against its type. */
  value(node: Node, ref: Ref, path: string, line: number, options: { top?: boolean } = {}): void {
    const type = this.at(ref);
    const here = `${this.where}:${line}: ${path}`;
    if (type.$type === 'AnyType') return;
    if (node.type === 'object') {
      const shape = this.propertiesOf(type, node, path ? `${path}.` : '');
      if (!shape) {
        if (!/Object|Union/.test(type.$type))
          this.problems.push(`${here} is an object, the type is ${describe(type)}`);
        return;
      }
      this.object(node, shape, path, options.top ?? false);
      return;
    }
    if (node.type === 'array') {
      if (type.$type === 'UnionType') return;
      if (type.$type !== 'ArrayType') {
        this.problems.push(`${here} is an array, the type is ${describe(type)}`);
        return;
      }
      for (const item of node.namedChildren) {
        if (item && item.type !== 'comment')
          this.value(item, type.itemType, `${path}[]`, item.startPosition.row + 1);
      }
      return;
    }
    const literal = stringLiteral(node);
    if (literal !== undefined) {
      const allowed = this.literals(type);
      if (allowed === 'not-a-string')
        this.problems.push(`${here} is a string, the type is ${describe(type)}`);
      else if (allowed && !allowed.includes(literal)) {
        this.problems.push(
          `${here} '${literal}' is not one of ${allowed.map((a) => `'${a}'`).join(', ')}`,
        );
      }
      return;
    }
    if (node.type === 'boolean' && !this.accepts(type, 'BooleanType'))
      this.problems.push(`${here} is a boolean, the type is ${describe(type)}`);
    if (node.type === 'number' && !this.accepts(type, 'IntegerType'))
      this.problems.push(`${here} is a number, the type is ${describe(type)}`);
  }

  /** The string values a type allows: a list for enums, undefined for any string. */
  literals(type: BicepType): string[] | undefined | 'not-a-string' {
    if (type.$type === 'StringType') return undefined;
    if (type.$type === 'StringLiteralType') return [type.value];
    if (type.$type === 'UnionType') {
      // bicep-types-az writes most Azure enums as their values plus any string (so that new
      // values deploy); Bicep warns on a value outside the list (BCP036), and so do we.
      const members = type.elements.map((e) => this.literals(this.at(e)));
      const lists = members.filter((m): m is string[] => Array.isArray(m));
      if (lists.length > 0) return lists.flat();
      return members.some((m) => m === undefined) ? undefined : 'not-a-string';
    }
    return 'not-a-string';
  }

  accepts(type: BicepType, kind: string): boolean {
    if (type.$type === kind || type.$type === 'AnyType') return true;
    if (type.$type === 'UnionType')
      return type.elements.some((e) => this.accepts(this.at(e), kind));
    return false;
  }

  object(
    node: Node,
    shape: { props: Record<string, { type: Ref; flags: number }>; extra?: Ref },
    path: string,
    top: boolean,
  ): void {
    const written = objectProperties(node);
    for (const { key, value, line } of written) {
      const at = path ? `${path}.${key}` : key;
      if (top && BICEP_KEYWORDS.has(key)) continue;
      const prop = shape.props[key];
      if (!prop) {
        if (shape.extra) this.value(value, shape.extra, at, line);
        else {
          const known = Object.keys(shape.props).filter(
            (k) => !(shape.props[k]!.flags & FLAGS.ReadOnly),
          );
          this.problems.push(
            `${this.where}:${line}: ${at} is not a property (known: ${known.join(', ')})`,
          );
        }
        continue;
      }
      if (prop.flags & FLAGS.ReadOnly) {
        this.problems.push(`${this.where}:${line}: ${at} is read-only`);
        continue;
      }
      this.value(value, prop.type, at, line);
    }
    for (const [key, prop] of Object.entries(shape.props)) {
      if (
        prop.flags & FLAGS.Required &&
        !(prop.flags & FLAGS.ReadOnly) &&
        !written.some((w) => w.key === key)
      ) {
        this.problems.push(
          `${this.where}:${node.startPosition.row + 1}: ${path ? `${path}.` : ''}${key} is required`,
        );
      }
    }
  }

  /** Checks a read `symbol.a.b.c` against the type: every step must be a property. */
  read(bodyRef: Ref, steps: string[], line: number, expression: string): void {
    let type = this.at(bodyRef);
    for (const step of steps) {
      const shape = this.propertiesOf(type, undefined, '');
      if (!shape) return; // a union or discriminated value: nothing more to say statically
      const prop = shape.props[step];
      if (!prop) {
        if (shape.extra) return;
        this.problems.push(
          `${this.where}:${line}: ${expression} reads ${step}, which is not a property`,
        );
        return;
      }
      if (prop.flags & FLAGS.WriteOnly) {
        this.problems.push(
          `${this.where}:${line}: ${expression} reads ${step}, which is write-only`,
        );
        return;
      }
      type = this.at(prop.type);
      if (type.$type === 'AnyType') return;
    }
  }
}

function describe(type: BicepType): string {
  return 'name' in type && typeof type.name === 'string'
    ? `${type.$type} ${type.name}`
    : type.$type;
}

/** `a.b.c` member chains in a file, with the root identifier first. */
function memberChains(node: Node, out: { steps: string[]; line: number; text: string }[] = []) {
  if (node.type === 'member_expression') {
    const steps: string[] = [];
    let current: Node | null = node;
    while (current?.type === 'member_expression') {
      const property = current.namedChildren.at(-1);
      steps.unshift(property?.text ?? '?');
      current = current.namedChildren[0] ?? null;
    }
    if (current?.type === 'identifier') {
      out.push({
        steps: [current.text, ...steps],
        line: node.startPosition.row + 1,
        text: node.text,
      });
      return out;
    }
  }
  for (const child of node.namedChildren) if (child) memberChains(child, out);
  return out;
}

/**
 * Every resource declaration in the files against the official types: the type@version exists,
 * each written property is known and not read-only, required ones are there, string literals are
 * among the allowed values; and every `resource.a.b` read names a property of that type.
 */
export function typeProblems(p: Parser, files: readonly BicepFile[], index: TypeIndex): string[] {
  const problems: string[] = [];
  for (const file of files) {
    const declared = resources(p, file);
    const bySymbol = new Map<string, { list: BicepType[]; body: number }>();
    for (const resource of declared) {
      const where = `${file.path}:${resource.line}`;
      const candidates = index.resources.get(resource.type.toLowerCase());
      if (!candidates) {
        problems.push(
          `${where}: ${resource.type} is not a resource type and version in the official definitions`,
        );
        continue;
      }
      // A type written by Azure and read only (writableScopes 0) is still declared by its parent.
      const { list, body } = candidates[0]!;
      bySymbol.set(resource.symbol, { list, body });
      if (!resource.body) continue;
      const checker = new Checker(list, problems, file.path);
      if (resource.existing) {
        // An existing resource names itself only: every written key must be a property.
        const type = list[body]!;
        const shape = checker.propertiesOf(type, resource.body, '');
        for (const prop of objectProperties(resource.body)) {
          if (!BICEP_KEYWORDS.has(prop.key) && shape && !shape.props[prop.key]) {
            problems.push(
              `${file.path}:${prop.line}: ${prop.key} is not a property of ${resource.type}`,
            );
          }
        }
        continue;
      }
      checker.value(resource.body, { $ref: `#/${body}` }, '', resource.line, { top: true });
    }
    const tree = p.parse(file.text)!;
    for (const chain of memberChains(tree.rootNode)) {
      const target = bySymbol.get(chain.steps[0]!);
      if (!target) continue;
      new Checker(target.list, problems, file.path).read(
        { $ref: `#/${target.body}` },
        chain.steps.slice(1),
        chain.line,
        chain.text.replace(/\s+/g, ' '),
      );
    }
    tree.delete();
  }
  return problems;
}

export interface ModuleUse {
  symbol: string;
  path: string;
  params: { key: string; line: number }[];
  line: number;
}

/** Parameters and outputs of a Bicep file, as the module checks need them. */
export function signature(p: Parser, file: BicepFile) {
  const tree = p.parse(file.text)!;
  const top = tree.rootNode.namedChildren.filter((n): n is Node => n !== null);
  const params = top
    .filter((n) => n.type === 'parameter_declaration')
    .map((n) => {
      const named = n.namedChildren.filter((c): c is Node => c !== null);
      const name = named.find((c) => c.type === 'identifier')?.text ?? '?';
      const typeAt = named.findIndex((c) => c.type === 'type');
      const hasDefault = typeAt >= 0 && named.length > typeAt + 1;
      return { name, required: !hasDefault };
    });
  const outputs = top
    .filter((n) => n.type === 'output_declaration')
    .map((n) => n.namedChildren.find((c) => c?.type === 'identifier')?.text ?? '?');
  tree.delete();
  return { params, outputs };
}

/**
 * Every `module x 'path' = { params: {…} }` against the module file: the file exists, each
 * parameter given is declared, each parameter without a default is given, and every
 * `x.outputs.y` read is an output the module declares.
 */
export function moduleProblems(p: Parser, files: readonly BicepFile[]): string[] {
  const problems: string[] = [];
  for (const file of files) {
    const tree = p.parse(file.text)!;
    const modules = new Map<string, ReturnType<typeof signature>>();
    for (const node of tree.rootNode.namedChildren) {
      if (node?.type !== 'module_declaration') continue;
      const symbol = node.namedChildren.find((c) => c?.type === 'identifier')?.text ?? '?';
      const path = stringLiteral(node.namedChildren.find((c) => c?.type === 'string')) ?? '?';
      const line = node.startPosition.row + 1;
      const target = join(dirname(file.path), path).replace(/^\.\//, '');
      const module = files.find((f) => f.path === target);
      if (!module) {
        problems.push(
          `${file.path}:${line}: module ${symbol} points at ${path}, which is not in infra/`,
        );
        continue;
      }
      const sig = signature(p, module);
      modules.set(symbol, sig);
      const body = declarationValue(node);
      const paramsNode = body && objectProperties(body).find((q) => q.key === 'params')?.value;
      const given = paramsNode?.type === 'object' ? objectProperties(paramsNode) : [];
      for (const param of given) {
        if (!sig.params.some((s) => s.name === param.key))
          problems.push(
            `${file.path}:${param.line}: module ${symbol} has no parameter ${param.key}`,
          );
      }
      for (const param of sig.params.filter((s) => s.required)) {
        if (!given.some((g) => g.key === param.name))
          problems.push(`${file.path}:${line}: module ${symbol} needs parameter ${param.name}`);
      }
    }
    for (const chain of memberChains(tree.rootNode)) {
      const sig = modules.get(chain.steps[0]!);
      if (!sig || chain.steps[1] !== 'outputs') continue;
      const output = chain.steps[2];
      if (output && !sig.outputs.includes(output))
        problems.push(
          `${file.path}:${chain.line}: module ${chain.steps[0]} has no output ${output}`,
        );
    }
    tree.delete();
  }
  return problems;
}
