import { describe, expect, it } from 'vitest';
import { serialQueue } from '../../src/core/serial';

const later = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('serialQueue', () => {
  it('runs each job only after the one before it has settled, in call order', async () => {
    const run = serialQueue();
    const log: string[] = [];
    const job = (name: string, ms: number) => async () => {
      log.push(`${name} start`);
      await later(ms);
      log.push(`${name} end`);
      return name;
    };
    const results = await Promise.all([run(job('a', 20)), run(job('b', 0)), run(job('c', 5))]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end', 'c start', 'c end']);
  });

  it('gives a failed job its error and still runs the next one', async () => {
    const errors: unknown[] = [];
    const run = serialQueue((err) => errors.push(err));
    const failed = run(async () => {
      throw new Error('disk full');
    });
    const next = run(async () => 'ran');
    await expect(failed).rejects.toThrow('disk full');
    await expect(next).resolves.toBe('ran');
    expect(errors.map((e) => (e as Error).message)).toEqual(['disk full']);
  });
});
