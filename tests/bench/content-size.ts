// The content script's shipped size: the loader the manifest names plus every chunk it imports,
// followed transitively, each gzipped as the browser would fetch it from disk.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Registered by the service worker for custom desks only (src/background/custom-desks.ts): not what a
 *  built-in desk's page loads, so reported beside the goal's figure, not in it. */
const CUSTOM_DESK_SCRIPT = 'content-custom.js';

export function contentScriptSize(dist: string) {
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as { content_scripts?: { js?: string[] }[] };
  const custom = join(dist, CUSTOM_DESK_SCRIPT);
  return {
    ...shippedSize(dist, (manifest.content_scripts ?? []).flatMap((c) => c.js ?? [])),
    goalGzipBytes: 10 * 1024,
    customDeskScript: existsSync(custom) ? shippedSize(dist, [CUSTOM_DESK_SCRIPT]) : null,
  };
}

function shippedSize(dist: string, entries: string[]) {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(dist, file), 'utf8');
    const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
    for (const m of code.matchAll(/getURL\(\s*["']([^"']+\.js)["']\s*\)|(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+\.js)["']/g)) {
      const target = m[1] ?? new URL(m[2]!, `file:///${dir}`).pathname.slice(1);
      queue.push(target);
    }
  }
  const files = [...seen].map((f) => {
    const buf = readFileSync(join(dist, f));
    return { file: f, bytes: buf.length, gzipBytes: gzipSync(buf, { level: 9 }).length };
  });
  return {
    files,
    totalBytes: files.reduce((s, f) => s + f.bytes, 0),
    totalGzipBytes: files.reduce((s, f) => s + f.gzipBytes, 0),
  };
}
