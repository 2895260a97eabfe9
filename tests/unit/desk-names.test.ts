import { describe, expect, it } from 'vitest';
import { DESKS } from '../../src/desks';
import { DESK_NAMES } from '../../src/desks/names';

describe('desk names for the panel', () => {
  it('name every built-in desk exactly as its adapter does, in the same order', () => {
    expect(Object.entries(DESK_NAMES)).toEqual(DESKS.map((d) => [d.id, d.name]));
  });
});
