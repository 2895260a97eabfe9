// No user-visible English hard-coded in the panel or the options page: every word goes through
// t() and public/_locales. When this fails, the message names the file, line and text to move into
// public/_locales/<lang>/messages.json (all five locales). `node --import tsx scripts/ui-strings.ts`
// lists the same findings.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findAllUiStrings, findMessageCalls, findUiStrings, UI_DIRS } from '../../scripts/ui-strings';

const en: Record<string, { message: string; placeholders?: Record<string, unknown> }> = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../public/_locales/en/messages.json'), 'utf8'),
);

describe('hard-coded UI strings', () => {
  const findings = findAllUiStrings();
  for (const dir of UI_DIRS) {
    it(`${dir} has none`, () => {
      expect(findings.filter((f) => f.file.startsWith(`${dir}/`)).map((f) => `${f.file}:${f.line}: ${f.text}`)).toEqual([]);
    });
  }

  it('finds JSX text, literals shown as children, and the attributes people read', () => {
    const source = `
      const a = <p title="Open it" class="x">Hello <b>there</b>{' '}{n}</p>;
      const b = <input aria-label={'Search'} placeholder={\`Find \${x}\`} alt={ok ? 'Yes' : t('no')} />;
      const c = <div>{cond ? 'Shown' : null}{name ?? 'nobody'}{flag && 'Flagged'}</div>;
      const d = <option label="Choice">{t('x')}</option>;`;
    expect(findUiStrings('x.tsx', source).map((f) => f.text)).toEqual(['Open it', 'Hello', 'there', 'Search', 'Find …', 'Yes', 'Shown', 'nobody', 'Flagged', 'Choice']);
  });

  it('leaves alone what people do not read: ids, classes, keys, punctuation, entities', () => {
    const source = `
      const a = <p id="notes-title" class="muted small" key="k" data-x="Hello" role="status">·{' · '}&lt;{x}&gt; — 42</p>;
      const b = <input type="search" name="story-kind" aria-describedby="hint" />;`;
    expect(findUiStrings('x.tsx', source)).toEqual([]);
  });
});

describe('t() calls', () => {
  const calls = findMessageCalls();

  it('are found across the UI', () => {
    expect(calls.length).toBeGreaterThan(100);
  });

  it('pass as many substitutions as the English message has placeholders', () => {
    const wrong = calls
      .filter((c) => Object.hasOwn(en, c.key))
      .filter((c) => Object.keys(en[c.key]!.placeholders ?? {}).length !== c.args)
      .map((c) => `${c.file}:${c.line}: t('${c.key}') with ${c.args} substitution(s), the message has ${Object.keys(en[c.key]!.placeholders ?? {}).length}`);
    expect(wrong).toEqual([]);
  });
});
