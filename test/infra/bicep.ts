import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Language, type Node, Parser } from 'web-tree-sitter';

export const INFRA = fileURLToPath(new URL('../../infra/', import.meta.url));

export interface BicepFile {
  path: string;
  text: string;
}

/** Every .bicep file under infra/, read from disk. */
export function readBicepFiles(dir = INFRA): BicepFile[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return readBicepFiles(path);
    return entry.name.endsWith('.bicep')
      ? [{ path: relative(INFRA, path), text: readFileSync(path, 'utf8') }]
      : [];
  });
}

let parser: Parser | undefined;

/** tree-sitter-bicep, loaded once from its bundled WebAssembly grammar. */
export async function bicepParser(): Promise<Parser> {
  if (parser) return parser;
  await Parser.init();
  const require = createRequire(import.meta.url);
  const wasm = join(
    require.resolve('tree-sitter-bicep/package.json'),
    '..',
    'tree-sitter-bicep.wasm',
  );
  const language = await Language.load(wasm);
  parser = new Parser();
  parser.setLanguage(language);
  return parser;
}

/**
 * Syntax problems of one file. The grammar does not know `extension <name>` lines (Microsoft Graph
 * Bicep extension): such a line is accepted only if it is exactly that and the extension is
 * declared in bicepconfig.json — every other ERROR or MISSING node is a problem.
 */
export function syntaxProblems(
  p: Parser,
  file: BicepFile,
  extensions: readonly string[],
): string[] {
  const tree = p.parse(file.text);
  if (!tree) return [`${file.path}: could not be parsed`];
  const lines = file.text.split('\n');
  const problems: string[] = [];
  const visit = (node: Node) => {
    if (node.isError || node.isMissing) {
      const row = node.startPosition.row;
      const line = (lines[row] ?? '').trim();
      const extension = /^extension\s+(\w+)$/.exec(line);
      const onlyThisLine = node.endPosition.row === row;
      if (!(extension && onlyThisLine && extensions.includes(extension[1]!))) {
        problems.push(`${file.path}:${row + 1}: syntax error near "${line.slice(0, 60)}"`);
      }
      return;
    }
    for (const child of node.children) if (child) visit(child);
  };
  visit(tree.rootNode);
  tree.delete();
  return problems;
}

/** `name: value` pairs of every object in a file, as written (value text trimmed). */
export function properties(
  p: Parser,
  file: BicepFile,
): { key: string; value: string; line: number }[] {
  const tree = p.parse(file.text)!;
  const out: { key: string; value: string; line: number }[] = [];
  const visit = (node: Node) => {
    if (node.type === 'object_property' && node.namedChildren.length >= 2) {
      const [key, value] = node.namedChildren;
      out.push({
        key: key!.text.replace(/^'|'$/g, ''),
        value: value!.text.trim(),
        line: node.startPosition.row + 1,
      });
    }
    for (const child of node.children) if (child) visit(child);
  };
  visit(tree.rootNode);
  tree.delete();
  return out;
}

/** Parameters with whether a @description decorator stands before them. */
export function parameters(
  p: Parser,
  file: BicepFile,
): { name: string; described: boolean; hasDefault: boolean }[] {
  const tree = p.parse(file.text)!;
  const out: { name: string; described: boolean; hasDefault: boolean }[] = [];
  const top = tree.rootNode.namedChildren.filter((n): n is Node => n !== null);
  top.forEach((node, i) => {
    if (node.type !== 'parameter_declaration') return;
    const before = top[i - 1];
    const described =
      (before?.type === 'decorators' && /@description\(/.test(before.text)) ||
      node.namedChildren.some((c) => c?.type === 'decorators' && /@description\(/.test(c.text));
    const hasDefault = /=/.test(node.text.split('\n')[0] ?? '');
    out.push({
      name: node.namedChildren.find((c) => c?.type === 'identifier')?.text ?? '?',
      described,
      hasDefault,
    });
  });
  tree.delete();
  return out;
}

/** Outputs: name and value text. */
export function outputs(p: Parser, file: BicepFile): { name: string; text: string }[] {
  const tree = p.parse(file.text)!;
  const out = tree.rootNode.namedChildren
    .filter((n): n is Node => n?.type === 'output_declaration')
    .map((n) => ({
      name: n.namedChildren.find((c) => c?.type === 'identifier')?.text ?? '?',
      text: n.text,
    }));
  tree.delete();
  return out;
}
