import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePack } from '../../src/core/pack/validate';

const F = 'tests/fixtures/packs';

function packs(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/packs.ts', ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run packs', () => {
  it('validate: exit 0 when every file is valid', () => {
    const r = packs('validate', `${F}/good.json`, 'public/packs/default.en.json');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('ok (acme-support 2.1.0, 4 phrases)');
  });

  it('validate: one file:line:col path message line per problem, exit 1', () => {
    const r = packs('validate', `${F}/good.json`, `${F}/bad-malformed.json`, `${F}/bad-types.json`, `${F}/missing.json`);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^tests\/fixtures\/packs\/bad-malformed\.json:5:3 \/ This is not valid JSON: .*comma/);
    expect(lines.slice(1, 5).map((l) => l.split(' ').slice(0, 2).join(' '))).toEqual([
      `${F}/bad-types.json:5:14 /version`,
      `${F}/bad-types.json:7:13 /locked`,
      `${F}/bad-types.json:9:43 /phrases/0/text`,
      `${F}/bad-types.json:10:64 /phrases/1/channels`,
    ]);
    expect(lines[5]).toBe(`${F}/missing.json:0:0 / Cannot read the file: ENOENT`);
    expect(lines).toHaveLength(6);
  });

  it('lint: prints findings with positions; errors fail, warnings only with --strict', () => {
    const r = packs('lint', `${F}/lint-issues.json`);
    expect(r.code).toBe(1);
    // An unknown placeholder makes the pack invalid: lint says so in its own line format.
    expect(r.stdout).toContain(`${F}/lint-issues.json:8:44 /phrases/0/text error: Unknown placeholder {{company.name}}`);
    const fixed = join(mkdtempSync(join(tmpdir(), 'packs-')), 'lint-issues.json');
    writeFileSync(fixed, readFileSync(`${F}/lint-issues.json`, 'utf8').replace('{{company.name}}', 'ACME'));
    expect(packs('lint', fixed).stdout).toMatch(/\/phrases\/3\/text warning: "as i said"/);
    const clean = packs('lint', `${F}/good-v2.json`);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toMatch(/warning/);
    expect(packs('lint', '--strict', `${F}/good-v2.json`).code).toBe(1);
    expect(packs('lint', '--strict', 'public/packs/default.en.json').code).toBe(0);
    // Four CLI processes: a busy machine needs more than the default five seconds.
  }, 30_000);

  it('build: makes a valid pack from CSV, generating unique ids', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'packs-')), 'pack.json');
    const r = packs('build', `${F}/phrases.csv`, '-o', out, '--id', 'team', '--name', 'Team voice', '--version', '1.0.0', '--locked');
    expect(r.stderr).toContain('wrote team 1.0.0 with 5 phrases');
    expect(r.code).toBe(0);
    const result = parsePack(readFileSync(out, 'utf8'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.pack.locked).toBe(true);
    expect(result.pack.phrases).toEqual([
      { id: 'greet-hi-thanks-for-waiting', step: 'greet', text: 'Hi {{customer.firstName|there}}, thanks for waiting!', channels: ['chat', 'messaging'], tags: ['waiting', 'hello'], title: 'Hi' },
      { id: 'empathize-that-sounds-really-frustrating', step: 'empathize', text: 'That sounds "really" frustrating.' },
      { id: 'empathize-that-sounds-really-frustrating-2', step: 'empathize', text: 'That sounds really frustrating.', channels: ['email'] },
      { id: 'ft-thanks', step: 'follow-through', text: 'Thanks, {{customer.firstName|there}}.\nTake care!', channels: ['email'], tags: ['closing'] },
      { id: 'solve-i-will-look-into-it', step: 'solve', text: 'I will look into it now.' },
    ]);
  });

  it('build writes the schema beside the pack, and schema -o writes it anywhere, so "$schema" works offline', () => {
    const dir = mkdtempSync(join(tmpdir(), 'packs-'));
    const r = packs('build', `${F}/phrases.csv`, '-o', join(dir, 'pack.json'), '--id', 'team', '--name', 'Team voice', '--version', '1.0.0');
    expect(r.code).toBe(0);
    const shipped = readFileSync('public/packs/pack.schema.json', 'utf8');
    expect(JSON.parse(readFileSync(join(dir, 'pack.json'), 'utf8')).$schema).toBe('./pack.schema.json');
    expect(readFileSync(join(dir, 'pack.schema.json'), 'utf8')).toBe(shipped);
    const s = packs('schema', '-o', join(dir, 'team.schema.json'));
    expect(s.code).toBe(0);
    expect(readFileSync(join(dir, 'team.schema.json'), 'utf8')).toBe(shipped);
    expect(packs('schema').code).toBe(2);
  }, 30_000);

  it('validate: an unknown placeholder is an error, with its place', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'packs-')), 'typo.json');
    writeFileSync(file, JSON.stringify({ schema: 1, id: 'x', name: 'X', version: '1.0.0', locale: 'en', phrases: [{ id: 'a', step: 'greet', text: 'Hi {{custmer.firstName|there}}' }] }, null, 2));
    const r = packs('validate', file);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${file}:11:15 /phrases/0/text Unknown placeholder {{custmer.firstName|there}}: it would never be filled. Did you mean {{customer.firstName}}?`);
  });

  it('build: reports bad rows by CSV row and refuses to write', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'packs-')), 'pack.json');
    const r = packs('build', `${F}/bad-phrases.csv`, '-o', out, '--id', 'team', '--name', 'T', '--version', '1.0.0');
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(new RegExp(`^${F}/bad-phrases\\.csv:3:1 step Unknown step "empathise"`));
    expect(lines.some((l) => l.startsWith(`${F}/bad-phrases.csv:4:2 text`))).toBe(true);
    expect(lines.some((l) => l.startsWith(`${F}/bad-phrases.csv:4:3 channels Unknown channel "fax"`))).toBe(true);
    expect(lines).toHaveLength(3);
    expect(() => readFileSync(out)).toThrow();
  });

  it('build: reads conditions from a "when" column, and says which row and why when one is wrong', () => {
    const dir = mkdtempSync(join(tmpdir(), 'packs-'));
    const csv = (rows: string) => {
      const file = join(dir, `p${rows.length}.csv`);
      writeFileSync(file, `step,text,when\n${rows}`);
      return file;
    };
    const good = csv('empathize,"Sorry you had to write again.","{""contacts"": "">=2""}"\ngreet,Hello!,\n');
    const r = packs('build', good, '-o', join(dir, 'pack.json'), '--id', 'team', '--name', 'T', '--version', '1.0.0');
    expect(r.code).toBe(0);
    const built = parsePack(readFileSync(join(dir, 'pack.json'), 'utf8'));
    expect(built.ok && built.pack.phrases.map((p) => p.when)).toEqual([{ contacts: '>=2' }, undefined]);
    const bad = csv('greet,Hi,{contacts: 2}\nempathize,"Sorry for the wait.","{""waited"": ""yes""}"\n');
    const b = packs('build', bad, '-o', join(dir, 'bad.json'), '--id', 'team', '--name', 'T', '--version', '1.0.0');
    expect(b.code).toBe(1);
    expect(b.stdout).toContain(`${bad}:2:3 when The "when" cell is not JSON`);
    expect(() => readFileSync(join(dir, 'bad.json'))).toThrow();
    const wrong = csv('empathize,"Sorry for the wait.","{""waited"": ""yes""}"\n');
    expect(packs('build', wrong, '-o', join(dir, 'w.json'), '--id', 'team', '--name', 'T', '--version', '1.0.0').stdout).toContain(`${wrong}:2:3 when "waited" must be true or false`);
    // Three CLI processes: a busy machine needs more than the default five seconds.
  }, 30_000);

  it('build: needs its options', () => {
    const r = packs('build', `${F}/phrases.csv`);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('build needs a CSV file, -o OUT and --id, --name, --version');
  });

  it('diff: summarises what changed', () => {
    const r = packs('diff', `${F}/good.json`, `${F}/good-v2.json`);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual([
      'ACME support voice: 2.1.0 → 2.2.0: 1 phrase added, 2 phrases removed, 1 phrase changed',
      '+ follow-check',
      '- solve-html',
      '- solve-order',
      '~ greet-hi',
    ]);
  });

  it('unknown command: usage, exit 2', () => {
    const r = packs('frobnicate');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Unknown command "frobnicate"');
  });
});
