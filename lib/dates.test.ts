import { describe, expect, it } from 'vitest';
import { parseFeedDate } from './dates';

describe('parseFeedDate', () => {
  // [raw, site zone, expected iso]
  const ok: [string, string, string][] = [
    ['Thu, 30 Apr 2015 08:57:00 MEST', 'UTC', '2015-04-30T06:57:00.000Z'],
    ['Thu, 30 Apr 2015 08:57:00 +0000', 'America/New_York', '2015-04-30T08:57:00.000Z'],
    ['Thu, 30 Apr 2015 08:57:00 GMT', 'Europe/Berlin', '2015-04-30T08:57:00.000Z'],
    ['Thu, 30 Apr 2015 08:57:00 UT', 'UTC', '2015-04-30T08:57:00.000Z'],
    ['Thu, 30 Apr 2015 08:57:00 Z', 'UTC', '2015-04-30T08:57:00.000Z'],
    ['Mon, 05 Jan 2015 10:00:00 EST', 'UTC', '2015-01-05T15:00:00.000Z'],
    ['Mon, 06 Jul 2015 10:00:00 EDT', 'UTC', '2015-07-06T14:00:00.000Z'],
    ['Mon, 05 Jan 2015 10:00:00 PST', 'UTC', '2015-01-05T18:00:00.000Z'],
    ['Mon, 06 Jul 2015 10:00:00 PT', 'UTC', '2015-07-06T17:00:00.000Z'],
    ['Mon, 05 Jan 2015 10:00:00 PT', 'UTC', '2015-01-05T18:00:00.000Z'],
    ['Mon, 05 Jan 2015 10:00:00 CET', 'UTC', '2015-01-05T09:00:00.000Z'],
    ['Mon, 06 Jul 2015 10:00:00 CEST', 'UTC', '2015-07-06T08:00:00.000Z'],
    ['Mon, 06 Jul 2015 10:00:00 +0530', 'UTC', '2015-07-06T04:30:00.000Z'],
    ['Mon, 06 Jul 2015 10:00:00 -03:00', 'UTC', '2015-07-06T13:00:00.000Z'],
    ['Mon, 06 Jul 2015 10:00:00 GMT+2', 'UTC', '2015-07-06T08:00:00.000Z'],
    ['Mon, 06 Jul 2015 10:00:00 +0000 (UTC)', 'UTC', '2015-07-06T10:00:00.000Z'],
    ['Thu, 03 Sep 15 10:00:00 GMT', 'UTC', '2015-09-03T10:00:00.000Z'],
    ['03 Sep 99 10:00 GMT', 'UTC', '1999-09-03T10:00:00.000Z'],
    ['Thu, 03 Sep 2015 10:00 +0100', 'UTC', '2015-09-03T09:00:00.000Z'],
    ['Thu,\n   03 Sep 2015\n  10:00:00 GMT', 'UTC', '2015-09-03T10:00:00.000Z'],
    ['3 September 2015 10:00:00 GMT', 'UTC', '2015-09-03T10:00:00.000Z'],
    ['Thu, 03 Sep 2015 10:00:00', 'Europe/London', '2015-09-03T09:00:00.000Z'],
    ['2015-09-03T10:00:00.123Z', 'Asia/Tokyo', '2015-09-03T10:00:00.123Z'],
    ['2015-09-03T10:00:00+02:00', 'UTC', '2015-09-03T08:00:00.000Z'],
    ['2015-09-03T10:00:00.5-0700', 'UTC', '2015-09-03T17:00:00.500Z'],
    ['2015-09-03T10:00', 'UTC', '2015-09-03T10:00:00.000Z'],
    ['2018-10-20 20:03:48', 'America/Los_Angeles', '2018-10-21T03:03:48.000Z'],
    ['2015-09-03', 'UTC', '2015-09-03T00:00:00.000Z'],
    ['2015-09-03', 'America/New_York', '2015-09-03T04:00:00.000Z'],
    ['2015-09-03', 'Australia/Sydney', '2015-09-02T14:00:00.000Z'],
    ['September 25, 2025 14:32', 'UTC', '2025-09-25T14:32:00.000Z'],
    ['September 25, 2025 2:32 PM', 'UTC', '2025-09-25T14:32:00.000Z'],
    ['Sep 25, 2025', 'UTC', '2025-09-25T00:00:00.000Z'],
  ];
  it.each(ok)('%j in %s → %s', (raw, zone, iso) => {
    expect(parseFeedDate(raw, zone)).toEqual({ iso });
  });

  const bad: [string, RegExp][] = [
    ['Sat, 31 Feb 2015 10:00:00 GMT', /impossible/],
    ['Thu, 03 Sep 2015 25:00:00 GMT', /impossible/],
    ['Thu, 03 Sep 2015 10:61:00 GMT', /impossible/],
    ['2015-13-01', /impossible/],
    ['0000-00-00 00:00:00', /impossible/],
    ['13:00 PM, 3 Sep 2015', /unreadable/],
    ['03 Foo 2015 10:00 GMT', /unreadable/],
    ['yesterday', /unreadable/],
    ['', /empty/],
    ['   \n ', /empty/],
  ];
  it.each(bad)('%j → null with a warning', (raw, why) => {
    const r = parseFeedDate(raw, 'UTC');
    expect(r.iso).toBeNull();
    expect(r.warning).toMatch(why);
  });

  it('reads an unknown zone abbreviation in the site zone, with a warning', () => {
    const r = parseFeedDate('Thu, 03 Sep 2015 10:00:00 XYZ', 'Europe/Paris');
    expect(r.iso).toBe('2015-09-03T08:00:00.000Z');
    expect(r.warning).toMatch(/unknown zone "XYZ"/);
  });

  it('fails clearly on an unknown site zone rather than guessing', () => {
    expect(parseFeedDate('2015-09-03', 'Mars/Olympus').iso).toBeNull();
  });
});
