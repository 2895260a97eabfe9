// One broken part never blanks the panel (security review F4).
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(cleanup);
import type { Pack } from '../../src/core/pack/types';
import { SectionBoundary } from '../../src/panel/SectionBoundary';
import { usablePacks } from '../../src/packs/merged-set';
import type { InstalledPack } from '../../src/packs/install';

function Broken(): never {
  throw new TypeError("Cannot read properties of undefined (reading 'slice')");
}

describe('SectionBoundary', () => {
  it('replaces only the broken part with a message naming it; the rest renders', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    render(
      <main>
        <SectionBoundary name="Cues"><Broken /></SectionBoundary>
        <SectionBoundary name="Phrases"><p>Hi Maria, thanks for getting in touch.</p></SectionBoundary>
      </main>,
    );
    expect(screen.getByRole('alert').textContent).toMatch(/^Cues could not be shown \(Cannot read properties/);
    expect(screen.getByText('Hi Maria, thanks for getting in touch.')).toBeTruthy();
    warn.mockRestore();
  });

  it('tries again when its reset key changes', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    let fail = true;
    const Part = () => (fail ? <Broken /> : <p>Working again</p>);
    const view = render(<SectionBoundary name="Notes" resetKey={1}><Part /></SectionBoundary>);
    expect(screen.getByRole('alert')).toBeTruthy();
    fail = false;
    view.rerender(<SectionBoundary name="Notes" resetKey={2}><Part /></SectionBoundary>);
    expect(screen.getByText('Working again')).toBeTruthy();
    warn.mockRestore();
  });
});

describe('usablePacks', () => {
  const good: Pack = { schema: 1, id: 'good', name: 'Good pack', version: '1.0.0', locale: 'en', phrases: [{ id: 'a', step: 'greet', text: 'Hello' }] };
  it('leaves out, by name, a stored pack that no longer validates (a "toString" signal from before the rule)', () => {
    const bad = { ...good, id: 'bad', name: 'Old hostile pack', cues: { happy: { signals: { toString: { reason: 'x', patterns: ['thanks'] } } } } } as unknown as Pack;
    const installed: InstalledPack[] = [
      { pack: good, source: 'imported', installedAt: 1, updatedAt: 1 },
      { pack: bad, source: 'subscribed', installedAt: 1, updatedAt: 1 },
    ];
    const { usable, left } = usablePacks(installed);
    expect(usable.map((e) => e.pack.id)).toEqual(['good']);
    expect(left).toEqual([expect.stringMatching(/^The pack “Old hostile pack” was left out: .*toString/)]);
  });
});
