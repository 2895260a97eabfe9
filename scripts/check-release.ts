// Run after `npm run build`: the production dist/ must not carry anything only tests need.
// `npm run build:e2e` builds with the E2E hooks and skips this check.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Strings that only exist in code meant for tests. */
export const TEST_ONLY = ['__personFirstFollowups'];

export function testOnlyCodeIn(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(js|html|json)$/.test(name)) {
        const text = readFileSync(path, 'utf8');
        for (const s of TEST_ONLY) if (text.includes(s)) found.push(`${path}: ${s}`);
      }
    }
  };
  walk(dir);
  return found;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const found = testOnlyCodeIn(join(import.meta.dirname, '..', 'dist'));
  if (found.length) {
    console.error(`The production build contains test-only code:\n${found.join('\n')}`);
    process.exit(1);
  }
  console.log('check-release: no test-only code in dist/');
}
