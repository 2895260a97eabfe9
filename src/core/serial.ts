// Chrome delivers events concurrently with async storage: a read-modify-write that overlaps
// another loses one of the writes. Each queue runs its jobs one after another, in call order.

/** A queue whose `run(job)` starts `job` once every earlier job has settled; a failed job does not
 *  stop the ones after it (its error goes to the caller, and to `onError` when given). */
export function serialQueue(onError?: (err: unknown) => void): <T>(job: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(job: () => Promise<T>): Promise<T> => {
    const result = tail.then(job);
    tail = result.catch((err: unknown) => onError?.(err));
    return result;
  };
}
