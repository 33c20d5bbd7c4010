/**
 * Finds the i18n keys the code uses, with the TypeScript compiler API (parser and type checker):
 *
 * - `t('key')`, `i18n.t("key")`, `something.t(\`key\`)`: a literal key;
 * - `t(\`prefix.${x}\`)`: if the checker knows `x` as a union of string literals (a status enum,
 *   the language list), every resulting key; otherwise only the static prefix, which must name a
 *   section of the catalog;
 * - `t(cond ? 'a' : 'b')`, `t(key)` where `key` has a literal-union type: each literal;
 * - `i18nKey="key"` props (react-i18next's <Trans>);
 * - string literals of the `validation.` namespace anywhere (zod messages are i18n keys).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { hasKey, hasSection, type Catalog } from './i18nCatalogCheck';

export type KeyUsage =
  | { kind: 'key'; key: string; file: string; line: number }
  | { kind: 'prefix'; prefix: string; file: string; line: number }
  | { kind: 'dynamic'; expression: string; file: string; line: number };

export const isTestFile = (file: string) =>
  /\.(test|spec)\.[cm]?[jt]sx?$/.test(file) || /(^|[\\/])(__tests__|__fixtures__|__mocks__)[\\/]/.test(file);

export function listSourceFiles(dir: string, extensions: RegExp): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && extensions.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .filter((f) => !isTestFile(f))
    .sort();
}

export function compilerOptions(tsconfigPath: string): ts.CompilerOptions {
  const config = ts.readConfigFile(tsconfigPath, (f) => ts.sys.readFile(f));
  if (config.error) throw new Error(ts.flattenDiagnosticMessageText(config.error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, path.dirname(tsconfigPath));
  return { ...parsed.options, noEmit: true };
}

/** A program whose files are given as text (for fixtures); everything else comes from disk. */
export function programFromSources(
  sources: Record<string, string>,
  options: ts.CompilerOptions = {},
): ts.Program {
  const merged: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    jsx: ts.JsxEmit.ReactJSX,
    strict: true,
    noEmit: true,
    ...options,
  };
  const host = ts.createCompilerHost(merged);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.fileExists = (f) => f in sources || ts.sys.fileExists(f);
  host.readFile = (f) => sources[f] ?? readFile(f);
  host.getSourceFile = (f, lang, onError, create) =>
    f in sources ? ts.createSourceFile(f, sources[f]!, lang, true) : getSourceFile(f, lang, onError, create);
  return ts.createProgram(Object.keys(sources), merged, host);
}

function stringLiterals(type: ts.Type): string[] | null {
  const parts = type.isUnion() ? type.types : [type];
  const values: string[] = [];
  for (const part of parts) {
    if (!part.isStringLiteral()) return null;
    values.push(part.value);
  }
  return values;
}

/** The keys an expression can evaluate to, when the checker knows them all; null otherwise. */
function possibleKeys(node: ts.Expression, checker: ts.TypeChecker): string[] | null {
  if (ts.isStringLiteralLike(node)) return [node.text];
  if (ts.isParenthesizedExpression(node)) return possibleKeys(node.expression, checker);
  if (ts.isConditionalExpression(node)) {
    const a = possibleKeys(node.whenTrue, checker);
    const b = possibleKeys(node.whenFalse, checker);
    return a && b ? [...a, ...b] : null;
  }
  if (ts.isTemplateExpression(node)) {
    let keys = [node.head.text];
    for (const span of node.templateSpans) {
      const values = stringLiterals(checker.getTypeAtLocation(span.expression));
      if (!values) return null;
      keys = keys.flatMap((k) => values.map((v) => k + v + span.literal.text));
    }
    return keys;
  }
  return stringLiterals(checker.getTypeAtLocation(node));
}

function isTranslateCall(node: ts.CallExpression): boolean {
  const callee = node.expression;
  if (ts.isIdentifier(callee)) return callee.text === 't';
  return ts.isPropertyAccessExpression(callee) && callee.name.text === 't';
}

export function findKeyUsages(program: ts.Program, files: readonly string[], root = ''): KeyUsage[] {
  const checker = program.getTypeChecker();
  const usages: KeyUsage[] = [];
  for (const file of files) {
    const source = program.getSourceFile(file);
    if (!source) throw new Error(`not in the program: ${file}`);
    const where = (node: ts.Node) => ({
      file: root ? path.relative(root, file) : file,
      line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1,
    });
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && isTranslateCall(node) && node.arguments[0]) {
        const arg = node.arguments[0];
        const keys = possibleKeys(arg, checker);
        if (keys) for (const key of keys) usages.push({ kind: 'key', key, ...where(arg) });
        else if (ts.isTemplateExpression(arg))
          usages.push({ kind: 'prefix', prefix: arg.head.text, ...where(arg) });
        else usages.push({ kind: 'dynamic', expression: arg.getText(source), ...where(arg) });
      } else if (ts.isJsxAttribute(node) && node.name.getText(source) === 'i18nKey' && node.initializer) {
        const init = node.initializer;
        const expr = ts.isJsxExpression(init) ? init.expression : init;
        const keys = expr ? possibleKeys(expr, checker) : null;
        if (keys) for (const key of keys) usages.push({ kind: 'key', key, ...where(init) });
        else usages.push({ kind: 'dynamic', expression: init.getText(source), ...where(init) });
      } else if (ts.isStringLiteralLike(node) && /^validation\.[\w-]+$/.test(node.text)) {
        usages.push({ kind: 'key', key: node.text, ...where(node) });
        return;
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  // A literal seen twice (t('validation.x') is both a call and a validation literal) counts once.
  const seen = new Set<string>();
  return usages.filter((u) => {
    const id = JSON.stringify(u);
    return seen.has(id) ? false : (seen.add(id), true);
  });
}

/** Usages that name no string (or plural family) of the catalog, or a prefix naming no section. */
export function unknownKeyUsages(usages: readonly KeyUsage[], catalog: Catalog, language = 'en'): string[] {
  const problems: string[] = [];
  for (const u of usages) {
    if (u.kind === 'key' && !hasKey(catalog, u.key, language)) problems.push(`${u.file}:${u.line} ${u.key}`);
    if (u.kind === 'prefix') {
      const section = u.prefix.replace(/\.$/, '');
      if (!u.prefix.endsWith('.') || !hasSection(catalog, section))
        problems.push(`${u.file}:${u.line} \`${u.prefix}\${…}\` (no section "${section}")`);
    }
  }
  return problems;
}
