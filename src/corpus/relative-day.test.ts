import { describe, expect, it } from 'vitest';
import type { ArticleMeta } from '../store/store.js';
import type { PairLink } from './families.js';
import { orderByRelativeDay, relativeDay } from './relative-day.js';

const link = (from: number, to: number): PairLink => ({
  from,
  to,
  directed: true,
  verdict: 'rewrite',
  strength: 0.8,
  confidence: 0.7,
  fromCovered: 0.9,
  toCovered: 0.6,
});
const meta = (id: number, published: string | null) => ({ id, published }) as ArticleMeta;

describe('relativeDay', () => {
  it('reads the day a text was written from its relative day words', () => {
    expect(relativeDay('The jury at Leeds Crown Court was sent out today.')).toBe('same-day');
    expect(relativeDay('The council will vote THIS  EVENING on the plan.')).toBe('same-day');
    expect(relativeDay('The jury was sent out yesterday after a three-week trial.')).toBe('next-day');
    expect(relativeDay('Firefighters were called last night.')).toBe('next-day');
  });

  it('tells nothing when a text uses neither, or both, or only a longer word', () => {
    expect(relativeDay('The jury was sent out after a three-week trial.')).toBeNull();
    expect(relativeDay('He was arrested yesterday and appears in court today.')).toBeNull();
    expect(relativeDay("Today's hearing")).toBe('same-day');
    expect(relativeDay('A todaybook of yesterdays')).toBeNull();
  });
});

describe('orderByRelativeDay', () => {
  // Content read the wire take (1, "today") as copied from the paper (2, "yesterday").
  const days = new Map([
    [1, 'same-day' as const],
    [2, 'next-day' as const],
    [3, null],
  ]);

  it('turns a link so that the text written the next day copied from the one written the same day', () => {
    const [l] = orderByRelativeDay([link(1, 2)], new Map(), days);
    expect(l).toMatchObject({ from: 2, to: 1, directed: true, fromCovered: 0.6, toCovered: 0.9 });
    expect(orderByRelativeDay([link(2, 1)], new Map(), days)[0]).toMatchObject({ from: 2, to: 1 });
  });

  it('leaves a link alone when dates ordered it or a side says nothing', () => {
    const dated = new Map([
      [1, meta(1, '2000-01-27')],
      [2, meta(2, '2000-01-26')],
    ]);
    expect(orderByRelativeDay([link(1, 2)], dated, days)[0]).toMatchObject({ from: 1, to: 2 });
    expect(orderByRelativeDay([link(1, 3)], new Map(), days)[0]).toMatchObject({ from: 1, to: 3 });
  });
});
