/**
 * Finds user-visible English hard-coded in the panel and options TSX, so every word goes through
 * chrome.i18n (src/i18n.ts). Run `node --import tsx scripts/ui-strings.ts` for a file:line list;
 * tests/unit/i18n-lint.test.ts fails on any finding.
 *
 * What counts: JSX text with a letter in it, string and template literals written directly as a
 * JSX child, and string or template literals in the attributes a person reads or hears
 * (aria-label, title, placeholder, alt, label). Text that is not words for people (an id, a class,
 * a key) is not looked at.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';

export interface UiStringFinding {
  file: string;
  line: number;
  text: string;
}

const READ_ATTRIBUTES = new Set(['heading', 'aria-label', 'title', 'placeholder', 'alt', 'label', 'aria-description', 'aria-placeholder', 'aria-roledescription', 'aria-valuetext']);

/** Text that stays the same in every language. Keep this tiny: `file: text`. */
export const ALLOWED: ReadonlySet<string> = new Set<string>([
  // Example addresses and patterns, the same in every language.
  'src/options/DesksSection.tsx: https://desk.example.com/*',
  'src/options/DesksSection.tsx: /tickets/(\\d+)',
  'src/options/PacksSubscriptions.tsx: https://support.example.com/packs/team.json',
]);

const hasLetter = (s: string) => /\p{L}/u.test(s);

function literalText(node: ts.Node): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join('…');
  return undefined;
}

/** Literal text a JSX expression can show: `{'x'}`, `{cond ? 'a' : 'b'}`, `{a ?? 'b'}`, `{`x ${y}`}`. */
function shownLiterals(expr: ts.Expression | undefined): string[] {
  if (!expr) return [];
  const text = literalText(expr);
  if (text !== undefined) return [text];
  if (ts.isParenthesizedExpression(expr)) return shownLiterals(expr.expression);
  if (ts.isConditionalExpression(expr)) return [...shownLiterals(expr.whenTrue), ...shownLiterals(expr.whenFalse)];
  if (ts.isBinaryExpression(expr) && [ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.AmpersandAmpersandToken].includes(expr.operatorToken.kind)) {
    return expr.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken ? shownLiterals(expr.right) : [...shownLiterals(expr.left), ...shownLiterals(expr.right)];
  }
  return [];
}

export function findUiStrings(fileName: string, source: string): UiStringFinding[] {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: UiStringFinding[] = [];
  const report = (node: ts.Node, raw: string) => {
    // Character references (&lt; &nbsp;) are markup, not words.
    const text = raw.replace(/&(?:[a-z]+|#\d+|#x[0-9a-f]+);/gi, ' ').replace(/\s+/g, ' ').trim();
    if (!hasLetter(text) || ALLOWED.has(`${fileName}: ${text}`)) return;
    found.push({ file: fileName, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, text });
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) report(node, node.text);
    else if (ts.isJsxExpression(node) && node.parent && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      for (const text of shownLiterals(node.expression)) report(node, text);
    } else if (ts.isJsxAttribute(node) && READ_ATTRIBUTES.has(node.name.getText(sf)) && node.initializer) {
      const init = node.initializer;
      if (ts.isStringLiteral(init)) report(init, init.text);
      else if (ts.isJsxExpression(init)) for (const text of shownLiterals(init.expression)) report(init, text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

const ROOT = resolve(import.meta.dirname, '..');
export const UI_DIRS = ['src/panel', 'src/options'];

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return tsxFiles(path);
    return e.name.endsWith('.tsx') ? [path] : [];
  });
}

/** Every finding in the panel and options TSX, with paths relative to the repository. */
export function findAllUiStrings(): UiStringFinding[] {
  return UI_DIRS.flatMap((d) => tsxFiles(resolve(ROOT, d))).flatMap((path) =>
    findUiStrings(relative(ROOT, path).split('\\').join('/'), readFileSync(path, 'utf8')),
  );
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const found = findAllUiStrings();
  for (const f of found) process.stdout.write(`${f.file}:${f.line}: ${f.text}\n`);
  process.stderr.write(`${found.length} hard-coded UI string(s)\n`);
  process.exitCode = found.length ? 1 : 0;
}

export interface MessageCall {
  file: string;
  line: number;
  key: string;
  /** Substitutions passed after the key. */
  args: number;
}

const SRC_DIRS = ['src'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(e.name) ? [path] : [];
  });
}

/** Every `t('literalKey', …)` in src, so the number of substitutions can be checked against the message. */
export function findMessageCalls(): MessageCall[] {
  return SRC_DIRS.flatMap((d) => sourceFiles(resolve(ROOT, d))).flatMap((path) => {
    const file = relative(ROOT, path).split('\\').join('/');
    const sf = ts.createSourceFile(file, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true, path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const calls: MessageCall[] = [];
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 't') {
        const [first, ...rest] = node.arguments;
        if (first && ts.isStringLiteral(first) && !rest.some(ts.isSpreadElement)) {
          calls.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, key: first.text, args: rest.length });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
    return calls;
  });
}
