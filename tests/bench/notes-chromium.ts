// Notes at scale in real Chromium IndexedDB: 50,000 notes, then the p95 time to load one ticket's
// note and to search all notes for a word, and the database's size on disk per 1,000 notes.
// The storage code is bundled as-is and run on a routed https origin, so Chromium's own
// IndexedDB (LevelDB on disk) is what is measured.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { launch, ROOT } from '../e2e/harness';

function dirSize(dir: string): number {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    total += e.isDirectory() ? dirSize(p) : statSync(p).size;
  }
  return total;
}

export async function notesAtScale(count = 50_000) {
  const bundle = await build({
    stdin: {
      contents: `import { openPersonFirstDb } from './src/storage/db'; import { benchNotes } from './src/storage/bench';
        window.runNotesBench = async (count) => { const db = await openPersonFirstDb('bench'); const r = await benchNotes(db, { count }); db.close(); return r; };`,
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    write: false,
    target: 'chrome116',
  });
  const h = await launch();
  try {
    await h.context.route('https://bench.person-first.test/**', (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: `<!doctype html><script>${bundle.outputFiles[0]!.text}</script>` }));
    const page = await h.context.newPage();
    await page.goto('https://bench.person-first.test/');
    const result = await page.evaluate((n) => (window as any).runNotesBench(n), count);
    await page.close();
    const idbDir = join(h.userDataDir, 'Default', 'IndexedDB');
    const origin = readdirSync(idbDir).filter((d) => d.includes('bench.person-first.test'));
    const bytes = origin.reduce((s, d) => s + dirSize(join(idbDir, d)), 0);
    return { ...result, onDiskBytes: bytes, onDiskBytesPer1000Notes: Math.round((bytes / count) * 1000), goals: { loadP95Ms: 5, searchP95Ms: 150 } };
  } finally {
    await h.close();
  }
}
