import { quantile } from '../../src/core/measure';

export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

export function summary(values: number[]) {
  return { n: values.length, median: round(quantile(values, 0.5)), p95: round(quantile(values, 0.95)), max: round(Math.max(...values)) };
}
