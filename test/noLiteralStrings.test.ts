// No user-visible text written directly in the renderer's JSX: every word goes through i18n, so
// Albanian and Serbian users never meet an English leftover. Pure punctuation and symbols
// ("·", "←", "—", "(", ")") are allowed between translated pieces.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { listSourceFiles } from './i18nKeyUsage';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Attributes whose value users read or hear. */
const TEXT_ATTRIBUTES = new Set([
  'aria-label',
  'placeholder',
  'title',
  'alt',
  'label',
  'aria-description',
  'aria-placeholder',
  'aria-roledescription',
  'aria-valuetext',
]);

interface LiteralFinding {
  line: number;
  kind: 'text' | 'attribute' | 'expression';
  text: string;
}

const ENTITY = /&(?:[a-zA-Z][a-zA-Z0-9]*|#\d+|#x[0-9a-fA-F]+);/g;
const hasLetter = (text: string) => /\p{L}/u.test(text.replace(ENTITY, ' '));

/** Literal user-visible text in the JSX of one file. */
function findLiteralStrings(fileName: string, sourceText: string): LiteralFinding[] {
  const source = ts.createSourceFile(fileName, sourceText, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const findings: LiteralFinding[] = [];
  const report = (node: ts.Node, kind: LiteralFinding['kind'], text: string) =>
    findings.push({
      line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1,
      kind,
      text: text.trim(),
    });
  const literalText = (e: ts.Expression | undefined): string | null =>
    e && (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) ? e.text : null;

  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) {
      if (hasLetter(node.text.trim())) report(node, 'text', node.text);
    } else if (ts.isJsxExpression(node) && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      // {'Some text'} as a child is text too.
      const text = literalText(node.expression);
      if (text !== null && hasLetter(text)) report(node, 'expression', text);
    } else if (
      ts.isJsxAttribute(node) &&
      TEXT_ATTRIBUTES.has(node.name.getText(source)) &&
      node.initializer
    ) {
      const init = node.initializer;
      const text = ts.isStringLiteral(init)
        ? init.text
        : ts.isJsxExpression(init)
          ? literalText(init.expression)
          : null;
      if (text !== null && hasLetter(text))
        report(node, 'attribute', `${node.name.getText(source)}="${text}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return findings;
}

describe('findLiteralStrings (fixtures)', () => {
  it('flags literal text and literal text attributes', () => {
    const fixture = [
      'export const A = () => <p>Hello</p>;',
      'export const B = () => <input placeholder="Name" />;',
      'export const C = () => <img alt={\'Map of shelters\'} src="x.png" />;',
      "export const D = () => <span>{'Inline'}</span>;",
      'export const E = () => <nav aria-label="Main" title="Tip" />;',
      'export const F = () => <Select label={`Language`} />;',
    ].join('\n');
    expect(findLiteralStrings('Fixture.tsx', fixture)).toEqual([
      { line: 1, kind: 'text', text: 'Hello' },
      { line: 2, kind: 'attribute', text: 'placeholder="Name"' },
      { line: 3, kind: 'attribute', text: 'alt="Map of shelters"' },
      { line: 4, kind: 'expression', text: 'Inline' },
      { line: 5, kind: 'attribute', text: 'aria-label="Main"' },
      { line: 5, kind: 'attribute', text: 'title="Tip"' },
      { line: 6, kind: 'attribute', text: 'label="Language"' },
    ]);
  });

  it('passes translated text, punctuation, symbols, entities and non-text attributes', () => {
    const fixture = `
      export const A = () => <p>{t('x')}</p>;
      export const B = () => (
        <p className="summary" id="x" data-testid="summary" type="button" lang="sq">
          {t('a')} · {t('b')} — ({count}) ← &nbsp; &#8212; 1/2 %
        </p>
      );
      export const C = () => <input placeholder={t('shelters.searchPlaceholder')} aria-label={label} title="" alt="·" />;
    `;
    expect(findLiteralStrings('Fixture.tsx', fixture)).toEqual([]);
  });
});

describe('renderer JSX', () => {
  it('has no literal user-visible text (translate it with t())', () => {
    const files = listSourceFiles(path.join(root, 'renderer/src'), /\.tsx$/);
    expect(files.length).toBeGreaterThan(5);
    const findings = files.flatMap((file) =>
      findLiteralStrings(file, readFileSync(file, 'utf8')).map(
        (f) => `${path.relative(root, file)}:${f.line} ${f.kind}: ${f.text}`,
      ),
    );
    expect(findings).toEqual([]);
  });
});
