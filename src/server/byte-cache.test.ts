import { describe, expect, it } from 'vitest';
import { ByteBoundedCache } from './byte-cache.js';

describe('ByteBoundedCache', () => {
  it('evicts the least recently used entries once the byte budget is passed, whatever their count', () => {
    const c = new ByteBoundedCache<string, string>(100, (v) => v.length);
    c.set('a', 'x'.repeat(40));
    c.set('b', 'x'.repeat(40));
    expect(c.get('a')).toBeDefined(); // a is now the most recent
    c.set('c', 'x'.repeat(40));
    expect(c.get('b')).toBeUndefined();
    expect(c.get('a')).toBeDefined();
    expect(c.bytes).toBe(80);
    for (let i = 0; i < 1000; i++) c.set(`tiny${i}`, 'x');
    expect(c.bytes).toBeLessThanOrEqual(100);
  });

  it('keeps the newest entry even when it alone is over the budget', () => {
    const c = new ByteBoundedCache<string, string>(10, (v) => v.length);
    c.set('a', 'small');
    c.set('big', 'x'.repeat(50));
    expect(c.size).toBe(1);
    expect(c.get('big')).toHaveLength(50);
    c.set('big', 'y');
    expect(c.bytes).toBe(1);
  });
});
