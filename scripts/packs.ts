/**
 * Authoring tools for pack writers: `npm run packs -- <command>`.
 *   validate FILE…                 exit 0 when every file is a valid pack; else file:line:col path message
 *   lint [--strict] FILE…          tone and quality findings (errors fail; warnings fail only with --strict)
 *   build CSV -o OUT --id ID --name NAME --version X.Y.Z [--locale en] [--description …] [--author …] [--locked]
 *   diff OLD NEW                   phrases added, removed and changed
 *   schema -o FILE                 the pack schema, for editors to use offline ("$schema": "./pack.schema.json")
 *   schema --update                rewrite public/packs/pack.schema.json's parts made from the validator (maintainers)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseCsv } from '../src/core/csv';
import { lintPackText } from '../src/core/pack/lint';
import { diffPacks, describeDiff } from '../src/core/pack/merge';
import type { Pack, Phrase, PackError } from '../src/core/pack/types';
import { parsePack, validatePack } from '../src/core/pack/validate';
import { withDerivedParts } from '../src/core/pack/schema';
import { DEFAULT_STEPS } from '../src/core/steps';

const USAGE = `Usage: npm run packs -- <command>
  validate FILE...                      check packs; prints file:line:col path message per problem
  lint [--strict] FILE...               style findings: placeholders, duplicates, chat length, blaming words
  build CSV -o OUT --id ID --name NAME --version X.Y.Z [--locale en] [--description TEXT] [--author NAME] [--locked]
                                        make a pack from a spreadsheet export with columns step,text,channels,tags,id,title,when
  diff OLD NEW                          phrases added, removed and changed between two versions
  schema -o FILE                        write the pack schema, so "$schema": "./pack.schema.json" works offline`;

/** The schema the extension ships (packs/pack.schema.json in the package). */
export const SCHEMA_FILE = resolve(import.meta.dirname, '..', 'public', 'packs', 'pack.schema.json');
const schemaText = () => readFileSync(SCHEMA_FILE, 'utf8');

const out = (line: string) => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    out(`${file}:0:0 / Cannot read the file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    return undefined;
  }
}

function problemLine(file: string, e: PackError): string {
  return `${file}:${e.line}:${e.column} ${e.path || '/'} ${e.message}`;
}

function loadPack(file: string, severity = ''): Pack | undefined {
  const text = readText(file);
  if (text === undefined) return undefined;
  const result = parsePack(text);
  if (result.ok) return result.pack;
  for (const e of result.errors) out(problemLine(file, severity ? { ...e, message: `${severity}: ${e.message}` } : e));
  return undefined;
}

function validate(files: string[]): number {
  if (!files.length) return usage('validate needs at least one file.');
  let bad = 0;
  for (const file of files) {
    const pack = loadPack(file);
    if (pack) err(`${file}: ok (${pack.id} ${pack.version}, ${pack.phrases.length} phrases)`);
    else bad++;
  }
  return bad ? 1 : 0;
}

function lint(args: string[]): number {
  const strict = args.includes('--strict');
  const files = args.filter((a) => a !== '--strict');
  if (!files.length) return usage('lint needs at least one file.');
  let failed = false;
  for (const file of files) {
    // A pack that does not validate is reported as lint reports errors: same line format.
    const pack = loadPack(file, 'error');
    if (!pack) {
      failed = true;
      continue;
    }
    const issues = lintPackText(readText(file) ?? '', pack);
    for (const issue of issues) {
      out(`${file}:${issue.line}:${issue.column} ${issue.path || '/'} ${issue.severity}: ${issue.message}`);
      if (issue.severity === 'error' || strict) failed = true;
    }
    if (!issues.length) err(`${file}: no findings`);
  }
  return failed ? 1 : 0;
}

function flags(args: string[]): { positional: string[]; opts: Map<string, string | true> } {
  const positional: string[] = [];
  const opts = new Map<string, string | true>();
  for (let k = 0; k < args.length; k++) {
    const a = args[k]!;
    if (a === '-o') opts.set('out', args[++k] ?? '');
    else if (a.startsWith('--')) {
      const [name, inline] = a.slice(2).split(/=(.*)/s, 2);
      if (name === 'locked' || name === 'update') opts.set(name, true);
      else opts.set(name!, inline ?? args[++k] ?? '');
    } else positional.push(a);
  }
  return { positional, opts };
}

export function slug(text: string, words = 5): string {
  return (
    text
      .replace(/\{\{[^{}]*\}\}/g, ' ')
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/['’]/g, '')
      .split(/[^a-z0-9]+/)
      .filter(Boolean)
      .slice(0, words)
      .join('-') || 'phrase'
  );
}

/** Accepts step ids and titles as people type them in a spreadsheet: "Follow through", "EMPATHIZE". */
function stepFromCell(cell: string): string {
  const c = cell.trim().toLowerCase().replace(/[\s_]+/g, '-');
  const byTitle = DEFAULT_STEPS.find((s) => s.title.toLowerCase().replace(/\s+/g, '-') === c);
  return byTitle ? byTitle.id : c;
}

const splitList = (cell: string | undefined) =>
  (cell ?? '')
    .split(/[;|]/)
    .map((s) => s.trim())
    .filter(Boolean);

function build(args: string[]): number {
  const { positional, opts } = flags(args);
  const csvFile = positional[0];
  const outFile = opts.get('out');
  const get = (k: string) => (typeof opts.get(k) === 'string' ? (opts.get(k) as string) : undefined);
  const missing = ['id', 'name', 'version'].filter((k) => !get(k));
  if (!csvFile || typeof outFile !== 'string' || !outFile || missing.length) {
    return usage(`build needs a CSV file, -o OUT${missing.length ? ` and --${missing.join(', --')}` : ''}.`);
  }
  const text = readText(csvFile);
  if (text === undefined) return 1;
  const rows = parseCsv(text);
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  const col = (name: string) => header.indexOf(name);
  for (const required of ['step', 'text']) {
    if (col(required) < 0) {
      out(`${csvFile}:1:1 / The header row needs a "${required}" column (columns: step,text,channels,tags,id,title,when).`);
      return 1;
    }
  }
  const known = new Set(['step', 'text', 'channels', 'tags', 'id', 'title', 'when']);
  const unknownCols = header.filter((h) => h && !known.has(h));
  if (unknownCols.length) err(`${csvFile}: ignoring unknown column(s): ${unknownCols.join(', ')}`);

  const phrases: Phrase[] = [];
  const rowOf: number[] = [];
  let badWhen = false;
  const used = new Set<string>();
  // Explicit ids first, so generated ones never take an id a later row asks for.
  for (const row of rows.slice(1)) {
    const id = row[col('id')]?.trim();
    if (col('id') >= 0 && id) used.add(id);
  }
  rows.slice(1).forEach((row, k) => {
    if (row.every((c) => c.trim() === '')) return;
    const cell = (name: string) => (col(name) >= 0 ? row[col(name)] : undefined);
    const step = stepFromCell(cell('step') ?? '');
    const body = (cell('text') ?? '').replace(/\r\n?/g, '\n').trim();
    let id = cell('id')?.trim();
    if (!id) {
      const base = `${step}-${slug(body)}`.slice(0, 90);
      id = base;
      for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
      used.add(id);
    }
    const phrase = { id, step, text: body } as Phrase;
    const channels = splitList(cell('channels')).map((c) => c.toLowerCase());
    if (channels.length) phrase.channels = channels as Phrase['channels'];
    const tags = splitList(cell('tags'));
    if (tags.length) phrase.tags = tags;
    const title = cell('title')?.trim();
    if (title) phrase.title = title;
    // Conditions as JSON, as in a pack: {"contacts": ">=2"}. The validator checks what is inside.
    const when = cell('when')?.trim();
    if (when) {
      try {
        phrase.when = JSON.parse(when) as Phrase['when'];
      } catch {
        out(`${csvFile}:${k + 2}:${col('when') + 1} when The "when" cell is not JSON; write it like {"contacts": ">=2"} or {"waited": true}.`);
        badWhen = true;
      }
    }
    phrases.push(phrase);
    rowOf.push(k + 2);
  });

  const pack: Record<string, unknown> = { schema: 1, id: get('id'), name: get('name'), version: get('version'), locale: get('locale') ?? 'en' };
  if (get('description')) pack.description = get('description');
  if (get('author')) pack.author = get('author');
  if (opts.get('locked') === true) pack.locked = true;
  pack.phrases = phrases;

  if (badWhen) return 1;
  const result = validatePack(pack);
  if (!result.ok) {
    for (const e of result.errors) {
      const m = /^\/phrases\/(\d+)(?:\/(\w+))?/.exec(e.path);
      if (m) out(`${csvFile}:${rowOf[Number(m[1])] ?? 0}:${Math.max(1, col(m[2] ?? 'text') + 1)} ${m[2] ?? 'row'} ${e.message}`);
      else out(`${csvFile}:0:0 ${e.path || '/'} ${e.message}`);
    }
    return 1;
  }
  writeFileSync(outFile, `${JSON.stringify({ $schema: './pack.schema.json', ...result.pack }, null, 2)}\n`);
  err(`${outFile}: wrote ${result.pack.id} ${result.pack.version} with ${result.pack.phrases.length} phrases`);
  // The pack names "./pack.schema.json": put it there, so an editor completes and checks it offline.
  const schemaOut = join(dirname(outFile), 'pack.schema.json');
  if (resolve(schemaOut) !== SCHEMA_FILE) {
    writeFileSync(schemaOut, schemaText());
    err(`${schemaOut}: wrote the pack schema beside it`);
  }
  return 0;
}

function schema(args: string[]): number {
  const { opts } = flags(args);
  if (opts.has('update')) {
    writeFileSync(SCHEMA_FILE, `${JSON.stringify(withDerivedParts(JSON.parse(schemaText())), null, 2)}\n`);
    err(`${SCHEMA_FILE}: derived parts rewritten`);
    return 0;
  }
  const outFile = opts.get('out');
  if (typeof outFile !== 'string' || !outFile) return usage('schema needs -o FILE, like -o packs/pack.schema.json.');
  writeFileSync(outFile, schemaText());
  err(`${outFile}: wrote the pack schema; point a pack at it with "$schema": "./${outFile.split(/[\\/]/).pop()}" when they sit side by side`);
  return 0;
}

function diff(files: string[]): number {
  if (files.length !== 2) return usage('diff needs two files: OLD NEW.');
  const older = loadPack(files[0]!);
  const newer = loadPack(files[1]!);
  if (!older || !newer) return 1;
  const d = diffPacks(older, newer);
  out(`${newer.name}: ${older.version} → ${newer.version}: ${describeDiff(d)}`);
  for (const id of d.added) out(`+ ${id}`);
  for (const id of d.removed) out(`- ${id}`);
  for (const id of d.changed) out(`~ ${id}`);
  return 0;
}

function usage(problem?: string): number {
  if (problem) err(problem);
  err(USAGE);
  return 2;
}

export function run(argv: string[]): number {
  const [command, ...rest] = argv;
  switch (command) {
    case 'validate':
      return validate(rest);
    case 'lint':
      return lint(rest);
    case 'build':
      return build(rest);
    case 'diff':
      return diff(rest);
    case 'schema':
      return schema(rest);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      return usage();
    default:
      return usage(`Unknown command "${command}".`);
  }
}

process.exitCode = run(process.argv.slice(2));
