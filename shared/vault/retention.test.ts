import { describe, expect, it } from 'vitest';
import { listPastRetention } from './retention';

const now = new Date('2025-03-01T12:00:00Z');

describe('listPastRetention', () => {
  it('lists records five years after their last activity, oldest first', () => {
    const records = [
      { id: 'recent', lastActivityAt: '2024-06-01T00:00:00Z' },
      { id: 'just-due', lastActivityAt: '2020-03-01T12:00:00Z' },
      { id: 'not-yet', lastActivityAt: '2020-03-01T12:00:01Z' },
      { id: 'old', lastActivityAt: new Date('2015-01-01T00:00:00Z') },
    ];
    const { due, undated } = listPastRetention(records, now);
    expect(due.map((d) => d.record.id)).toEqual(['old', 'just-due']);
    expect(due[1]!.expiredAt.toISOString()).toBe('2025-03-01T12:00:00.000Z');
    expect(undated).toEqual([]);
  });

  it('keeps calendar dates: 29 February plus five years is 28 February', () => {
    const { due } = listPastRetention([{ id: 'leap', lastActivityAt: '2020-02-29T10:00:00Z' }], now);
    expect(due[0]!.expiredAt.toISOString()).toBe('2025-02-28T10:00:00.000Z');
  });

  it('skips legal holds, honours per-record periods and a custom default', () => {
    const records = [
      { id: 'hold', lastActivityAt: '2001-01-01', legalHold: true },
      { id: 'ten-years', lastActivityAt: '2018-01-01', retentionYears: 10 },
      { id: 'one-year', lastActivityAt: '2024-01-01', retentionYears: 1 },
      { id: 'plain', lastActivityAt: '2021-06-01' },
    ];
    expect(listPastRetention(records, now).due.map((d) => d.record.id)).toEqual(['one-year']);
    expect(listPastRetention(records, now, { years: 3 }).due.map((d) => d.record.id)).toEqual([
      'plain',
      'one-year',
    ]);
  });

  it('never lists a record whose date cannot be read; reports it instead', () => {
    const broken = { id: 'broken', lastActivityAt: 'last spring' };
    expect(listPastRetention([broken], now)).toEqual({ due: [], undated: [broken] });
  });
});
