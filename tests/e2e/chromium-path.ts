import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** CHROME_PATH first, then the usual install locations; a missing browser is one clear line, not a stack. */
export function chromiumPath(): string {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    fail(`CHROME_PATH is set to ${fromEnv}, but no browser is there.`);
  }
  const found = CANDIDATES.find((p) => existsSync(p));
  if (!found) fail('No Chromium found. Install it (Debian: apt-get install -y chromium) or set CHROME_PATH.');
  return found;
}

function fail(message: string): never {
  console.error(`error: ${message}`);
  process.exit(2);
}

/** Flags that keep headless Chromium quiet on a machine without internet. */
export const QUIET_FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--no-default-browser-check',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-default-apps',
  '--disable-features=DisableLoadExtensionCommandLineSwitch,Translate,OptimizationHints,MediaRouter',
];
