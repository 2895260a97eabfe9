import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { build as esbuild } from 'esbuild';
import manifest from './manifest.json' with { type: 'json' };

type ContentScript = { matches: string[]; js: string[]; run_at?: string; all_frames?: boolean };

/**
 * Content scripts are built as one classic, self-contained script each, outside crxjs.
 * crxjs would emit a loader that imports chunks from chrome-extension:// URLs, which must then
 * be web-accessible to every desk page (and to every custom desk's origin). A single file needs
 * no web_accessible_resources, can be registered at runtime for custom desks, and its size is
 * exactly what the browser loads.
 */
function classicContentScripts(scripts: ContentScript[], registeredAtRuntime: string[]): Plugin {
  const outName = (src: string) => `${src.replace(/^src\//, '').replace(/\/index\.ts$|\.ts$/, '').replace(/\//g, '-')}.js`;
  // The build's own outDir: `npm run package` builds into a directory of its own, never over dist/.
  let dist = resolve(import.meta.dirname, 'dist');
  return {
    name: 'person-first:classic-content-scripts',
    apply: 'build',
    configResolved(config) {
      dist = resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      for (const src of new Set([...scripts.flatMap((c) => c.js), ...registeredAtRuntime])) {
        await esbuild({
          entryPoints: [resolve(import.meta.dirname, src)],
          outfile: resolve(dist, outName(src)),
          bundle: true,
          format: 'iife',
          minify: true,
          target: 'chrome116',
          legalComments: 'none',
        });
      }
      const file = resolve(dist, 'manifest.json');
      const built = JSON.parse(readFileSync(file, 'utf8'));
      built.content_scripts = scripts.map((c) => ({ ...c, js: c.js.map(outName) }));
      writeFileSync(file, `${JSON.stringify(built, null, 2)}\n`);
    },
  };
}

/** Content scripts the service worker registers itself: custom desks' (content-custom.js, see
 *  src/background/custom-desks.ts), kept apart so the built-in desks' script carries none of their code. */
const RUNTIME_CONTENT_SCRIPTS = ['src/content/custom.ts'];

/**
 * The panel's first screen loads from a few files, not twenty: each extension file is a round trip
 * to the browser process, and twenty small shared chunks cost the panel tens of milliseconds before
 * its first line ran (npm run bench, panelRender). Every module the panel's entry reaches statically
 * is given a chunk by who else runs it: the panel alone, the panel and the options page, or also
 * the service worker (or a lazily loaded part elsewhere). Each must be named: Rollup would otherwise
 * pull a named chunk's unnamed dependencies into it, and the service worker would load the panel's
 * code. Lazily loaded parts stay chunks of their own.
 */
const PANEL_ENTRY = resolve(import.meta.dirname, 'src/panel/main.tsx');
const PANEL_DIR = resolve(import.meta.dirname, 'src/panel') + '/';
const OPTIONS_DIR = resolve(import.meta.dirname, 'src/options') + '/';
type ModuleInfoOf = (id: string) => { importers: readonly string[] } | null;
/** Per build (each build passes its own getModuleInfo). */
const rootsCaches = new WeakMap<ModuleInfoOf, Map<string, ReadonlySet<string>>>();

/** The modules without a static importer (pages' scripts, the service worker, lazily loaded parts) that reach `id`. */
function staticRoots(id: string, getModuleInfo: ModuleInfoOf): ReadonlySet<string> {
  let cache = rootsCaches.get(getModuleInfo);
  if (!cache) rootsCaches.set(getModuleInfo, (cache = new Map()));
  const known = cache.get(id);
  if (known) return known;
  const roots = new Set<string>();
  const seen = new Set<string>([id]);
  const stack = [id];
  while (stack.length) {
    const at = stack.pop()!;
    const importers = getModuleInfo(at)?.importers ?? [];
    // A page's script counts as the root, whatever HTML module Vite puts above it.
    if (!importers.length || at === PANEL_ENTRY || at.startsWith(OPTIONS_DIR) && at.endsWith('/main.tsx')) roots.add(at);
    else for (const next of importers) if (!seen.has(next)) seen.add(next), stack.push(next);
  }
  cache.set(id, roots);
  return roots;
}

function panelChunk(id: string, getModuleInfo: ModuleInfoOf): string | undefined {
  // Stylesheets stay with their page: the options page must not load the panel's.
  if (id === PANEL_ENTRY || /\.css(\?|$)/.test(id)) return undefined;
  const roots = staticRoots(id, getModuleInfo);
  if (!roots.has(PANEL_ENTRY)) return undefined;
  const others = [...roots].filter((r) => !r.startsWith(PANEL_DIR));
  if (!others.length) return 'panel-first-screen';
  if (others.every((r) => r.startsWith(OPTIONS_DIR))) return 'panel-and-options';
  return 'panel-common';
}

const { content_scripts: contentScripts = [], ...rest } = manifest as typeof manifest & { content_scripts?: ContentScript[] };

export default defineConfig({
  plugins: [preact(), crx({ manifest: rest as ManifestV3Export }), classicContentScripts(contentScripts, RUNTIME_CONTENT_SCRIPTS)],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'chrome116',
    sourcemap: false,
    // Chromium preloads modules natively: the polyfill would be one more file to fetch.
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: {
        panel: 'src/panel/index.html',
        options: 'src/options/index.html',
      },
      output: {
        manualChunks: (id, { getModuleInfo }) => panelChunk(id, getModuleInfo),
      },
    },
  },
});
