import { describe, expect, it } from 'vitest';
import { percentile, summarize } from './stats';

describe('bench statistics', () => {
  it('gives the median, the nearest-rank p95 and the maximum', () => {
    const values = Array.from({ length: 200 }, (_, i) => 200 - i);
    expect(summarize(values)).toEqual({ count: 200, median: 100.5, p95: 190, max: 200, mean: 100.5 });
    expect(percentile([1, 2, 3], 95)).toBe(3);
    expect(summarize([]).median).toBe(0);
  });
});
