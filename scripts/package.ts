// `npm run package`: the production build as a store-ready zip, release/person-first-<version>.zip.
// It builds into a directory of its own (never over dist/, which may hold the E2E build), refuses
// to zip a build with source maps, test-only code or a manifest version other than package.json's,
// and leaves out the manifest's `key`: the Chrome Web Store refuses an upload that has one (the
// store gives the item its own key), while "Load unpacked" from dist/ keeps the fixed id.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { testOnlyCodeIn } from './check-release';

export const ROOT = resolve(import.meta.dirname, '..');
/** Where the package's own build goes; git-ignored (.tmp/). */
export const PACKAGE_BUILD = join(ROOT, '.tmp', 'package-build');
export const RELEASE_DIR = join(ROOT, 'release');
/** A fixed time for every entry, so the same build gives the same zip, byte for byte. */
const ENTRY_TIME = new Date(2000, 0, 1);

export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return out;
}

/** What makes a build unfit to ship, one line each; empty when it can ship. */
export function releaseProblems(dir: string, version: string): string[] {
  const problems = testOnlyCodeIn(dir).map((where) => `test-only code: ${where}`);
  for (const file of filesUnder(dir)) {
    if (file.endsWith('.map')) problems.push(`source map: ${file}`);
    else if (/\.(js|css)$/.test(file) && /[#@] sourceMappingURL=/.test(readFileSync(join(dir, file), 'utf8'))) problems.push(`source map reference: ${file}`);
  }
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { version?: string };
  if (manifest.version !== version) problems.push(`manifest.json says version ${manifest.version}, package.json says ${version}: make them the same`);
  problems.push(...storeTextProblems(dir));
  return problems;
}

/** Chrome's limits on the manifest's name and description (the store shows them), in every locale. */
const STORE_LIMITS: Record<string, number> = { extName: 75, extDescription: 132 };

function storeTextProblems(dir: string): string[] {
  const problems: string[] = [];
  for (const file of filesUnder(dir).filter((f) => /^_locales\/[^/]+\/messages\.json$/.test(f))) {
    const messages = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, { message?: string }>;
    for (const [key, limit] of Object.entries(STORE_LIMITS)) {
      const text = messages[key]?.message;
      if (text !== undefined && [...text].length > limit) problems.push(`${file}: ${key} is ${[...text].length} characters; the store allows ${limit}`);
    }
  }
  return problems;
}

/** The production build (`vite build`, no E2E hooks) into `outDir`. */
export function buildProduction(outDir = PACKAGE_BUILD): void {
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  execFileSync(process.execPath, [vite, 'build', '--mode', 'production', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
}

/** Zips a checked build: entries sorted, fixed times, the manifest without `key`. */
export function zipBuild(dir: string): Uint8Array {
  const entries: Zippable = {};
  for (const file of filesUnder(dir)) {
    let data: Uint8Array = readFileSync(join(dir, file));
    if (file === 'manifest.json') {
      const { key: _storeAssignsIt, ...manifest } = JSON.parse(Buffer.from(data).toString('utf8')) as Record<string, unknown>;
      data = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
    }
    // PNGs are compressed already; storing them saves time and nothing else.
    entries[file] = [data, { level: file.endsWith('.png') ? 0 : 9, mtime: ENTRY_TIME }];
  }
  return zipSync(entries);
}

export interface PackageResult {
  zip: string;
  version: string;
  files: number;
  bytes: number;
  sha256: string;
}

/** Builds, checks and zips; throws with every problem listed when the build cannot ship. */
export function makePackage(opts: { outDir?: string; build?: boolean } = {}): PackageResult {
  const version = packageVersion();
  if (opts.build !== false) buildProduction();
  const problems = releaseProblems(PACKAGE_BUILD, version);
  if (problems.length) throw new Error(`The build cannot ship:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  const zipped = zipBuild(PACKAGE_BUILD);
  // Read it back as any unzip tool would, so a broken archive never leaves this script.
  const back = unzipSync(zipped);
  const manifest = JSON.parse(Buffer.from(back['manifest.json']!).toString('utf8')) as { version: string; key?: string };
  if (manifest.version !== version || 'key' in manifest) throw new Error('The zip read back does not hold the expected manifest.');
  const outDir = opts.outDir ?? RELEASE_DIR;
  mkdirSync(outDir, { recursive: true });
  const zip = join(outDir, `person-first-${version}.zip`);
  rmSync(zip, { force: true });
  writeFileSync(zip, zipped);
  return { zip, version, files: Object.keys(back).length, bytes: zipped.length, sha256: createHash('sha256').update(zipped).digest('hex') };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const r = makePackage();
    console.log(`package: ${relative(ROOT, r.zip)} (version ${r.version}, ${r.files} files, ${(r.bytes / 1024).toFixed(1)} KB, sha256 ${r.sha256})`);
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
}
