// The shape of an E2E group's tests (see groups.spec.ts) and the one assertion helper they share.
export type E2ETest = [name: string, fn: () => Promise<void>];

export function check(cond: unknown, message: string): asserts cond {
  if (!cond) throw new Error(message);
}
