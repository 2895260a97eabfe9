// The shape of an E2E group's tests (see groups.spec.ts) and the one assertion helper they share.
export type E2ETest = [name: string, fn: () => Promise<void>];

export function check(cond: unknown, message: string): asserts cond {
  if (!cond) throw new Error(message);
}

/** Polls `read` until `ok`, or fails with the last value seen. */
export async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string, timeout = 5000): Promise<T> {
  const end = Date.now() + timeout;
  let last = await read();
  while (!ok(last)) {
    if (Date.now() > end) throw new Error(`${what}: last value ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
    last = await read();
  }
  return last;
}
