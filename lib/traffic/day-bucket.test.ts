import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../random';
import { makeDayOfEpoch } from './day-bucket';

describe('makeDayOfEpoch agrees with luxon at every kind of instant', () => {
  it.each(['UTC', 'Europe/Berlin', 'America/Los_Angeles', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'Pacific/Chatham'])(
    '%s',
    (zone) => {
      const dayOf = makeDayOfEpoch(zone);
      const rand = mulberry32(7);
      const start = Date.UTC(2023, 0, 1);
      // Random instants in time order (as in a log) plus every quarter hour around midnight and DST changes.
      const instants = Array.from({ length: 4000 }, () => start + Math.floor(rand() * 2 * 365 * 86_400_000)).sort(
        (a, b) => a - b,
      );
      for (let t = Date.UTC(2023, 2, 24); t < Date.UTC(2023, 3, 4); t += 15 * 60_000) instants.push(t);
      for (let t = Date.UTC(2023, 9, 27); t < Date.UTC(2023, 10, 7); t += 15 * 60_000) instants.push(t);
      for (const t of instants) {
        expect(dayOf(t)).toBe(DateTime.fromMillis(t, { zone }).toISODate());
      }
    },
  );
});
