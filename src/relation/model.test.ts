import { describe, expect, it } from 'vitest';
import { CLASSES, fit, predict } from './model.js';

describe('relation model', () => {
  it('learns a separable three-class problem', () => {
    // One feature: high → wholly, middle → partially, low → non.
    const xs: number[][] = [];
    const ys: number[] = [];
    for (let i = 0; i < 60; i++) {
      const v = i / 60;
      xs.push([v, 0.5]);
      ys.push(v > 0.66 ? 0 : v > 0.33 ? 1 : 2);
    }
    const model = fit(xs, ys, { l2: 0.001, steps: 3000, rate: 1 });
    const cls = (v: number) => CLASSES[predict(model, [v, 0.5]).reduce((b, p, i, ps) => (p > ps[b] ? i : b), 0)];
    expect(cls(0.95)).toBe('wholly');
    expect(cls(0.5)).toBe('partially');
    expect(cls(0.05)).toBe('non');
  });

  it('returns probabilities that sum to one', () => {
    const model = fit([[0], [1]], [0, 2], { steps: 10 });
    const p = predict(model, [0.3]);
    expect(p).toHaveLength(3);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
  });
});
