import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { packageVersion, releaseProblems, zipBuild } from '../../scripts/package';

const dirs: string[] = [];
function build(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'pf-release-'));
  dirs.push(dir);
  for (const [name, body] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), body);
  }
  return dir;
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const manifest = (version: string) => JSON.stringify({ manifest_version: 3, name: 'x', version, key: 'MIIB…' });

describe('the store package', () => {
  it('has one version: manifest.json says what package.json says', () => {
    const source = JSON.parse(readFileSync('manifest.json', 'utf8')) as { version: string };
    expect(source.version).toBe(packageVersion());
  });

  it('refuses a build with a source map, a map reference, the test hook or another version', () => {
    expect(releaseProblems(build({ 'manifest.json': manifest('1.2.3'), 'a.js': 'x()' }), '1.2.3')).toEqual([]);
    const bad = build({
      'manifest.json': manifest('1.2.2'),
      'assets/a.js.map': '{}',
      'assets/b.js': 'x()\n//# sourceMappingURL=b.js.map',
      'c.js': 'globalThis.__personFirstFollowups = {}',
    });
    const problems = releaseProblems(bad, '1.2.3').join('\n');
    expect(problems).toMatch(/source map: assets\/a\.js\.map/);
    expect(problems).toMatch(/source map reference: assets\/b\.js/);
    expect(problems).toMatch(/test-only code: .*c\.js/);
    expect(problems).toMatch(/version 1\.2\.2.*1\.2\.3/);
  });

  it('refuses a name or description longer than the store shows, in any locale', () => {
    const long = build({
      'manifest.json': manifest('1.0.0'),
      '_locales/en/messages.json': JSON.stringify({ extName: { message: 'Person First' }, extDescription: { message: 'x'.repeat(132) } }),
      '_locales/de/messages.json': JSON.stringify({ extName: { message: 'x'.repeat(76) }, extDescription: { message: 'y'.repeat(133) } }),
    });
    expect(releaseProblems(long, '1.0.0')).toEqual([
      '_locales/de/messages.json: extName is 76 characters; the store allows 75',
      '_locales/de/messages.json: extDescription is 133 characters; the store allows 132',
    ]);
  });

  it('zips every file, the manifest without "key", the same bytes every time', () => {
    const dir = build({ 'manifest.json': manifest('1.0.0'), 'src/panel/index.html': '<p>hi</p>', 'icons/i.png': 'png' });
    const zip = zipBuild(dir);
    const back = unzipSync(zip);
    expect(Object.keys(back).sort()).toEqual(['icons/i.png', 'manifest.json', 'src/panel/index.html']);
    expect(JSON.parse(Buffer.from(back['manifest.json']!).toString())).toEqual({ manifest_version: 3, name: 'x', version: '1.0.0' });
    expect(Buffer.from(zipBuild(dir)).equals(Buffer.from(zip))).toBe(true);
  });
});
