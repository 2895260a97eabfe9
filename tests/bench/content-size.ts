// The content script's shipped size: the loader the manifest names plus every chunk it imports,
// followed transitively, each gzipped as the browser would fetch it from disk.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export function contentScriptSize(dist: string) {
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as { content_scripts?: { js?: string[] }[] };
  const seen = new Set<string>();
  const queue = (manifest.content_scripts ?? []).flatMap((c) => c.js ?? []);
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
    goalGzipBytes: 10 * 1024,
  };
}
