import { describe, expect, it } from 'vitest';
import { makeDayOfEpoch } from './day-bucket';
import { isSkippableLine, type LogHit, parseLogLine, parseLogLineOrReason } from './log-line';

const UA = 'Mozilla/5.0 (X11; Linux x86_64; rv:123.0) Gecko/20100101 Firefox/123.0';
const T = '[03/Mar/2024:09:15:00 +0000]';
const T_MS = Date.UTC(2024, 2, 3, 9, 15, 0);

describe('parseLogLine: formats and edge cases', () => {
  const cases: Array<[string, string, Partial<LogHit>]> = [
    [
      'combined',
      `192.0.2.1 - - ${T} "GET /a?b=c HTTP/1.1" 200 512 "https://ref.example/x" "${UA}"`,
      {
        ip: '192.0.2.1',
        time: T_MS,
        method: 'GET',
        target: '/a?b=c',
        protocol: 'HTTP/1.1',
        status: 200,
        bytes: 512,
        referrer: 'https://ref.example/x',
        userAgent: UA,
      },
    ],
    [
      'common (no referrer, no user agent)',
      `192.0.2.1 - frank ${T} "GET /a HTTP/1.0" 200 2326`,
      { method: 'GET', target: '/a', status: 200, bytes: 2326, referrer: null, userAgent: null },
    ],
    ['bytes "-"', `192.0.2.1 - - ${T} "GET /a HTTP/1.1" 304 - "-" "${UA}"`, { status: 304, bytes: 0, referrer: '-' }],
    [
      'request line "-"',
      `192.0.2.1 - - ${T} "-" 408 0 "-" "-"`,
      { method: '', target: '', protocol: '', status: 408, userAgent: '-' },
    ],
    [
      'escaped quotes in referrer and user agent',
      `192.0.2.1 - - ${T} "GET /a HTTP/1.1" 200 1 "https://s.example/?q=\\"x y\\"" "Agent \\"quoted\\" \\\\ end"`,
      { referrer: 'https://s.example/?q="x y"', userAgent: 'Agent "quoted" \\ end' },
    ],
    [
      'nginx \\x22 escape',
      `192.0.2.1 - - ${T} "GET /a HTTP/1.1" 200 1 "-" "say \\x22hi\\x22"`,
      { userAgent: 'say "hi"' },
    ],
    [
      'nginx extra trailing fields',
      `192.0.2.1 - - ${T} "GET /a HTTP/1.1" 200 1 "-" "${UA}" "198.51.100.1, 10.0.0.1" rt=0.004 "x"`,
      { userAgent: UA, target: '/a' },
    ],
    [
      'IPv6 client',
      `2001:db8::1 - - ${T} "GET /a HTTP/2.0" 200 1 "-" "${UA}"`,
      { ip: '2001:db8::1', protocol: 'HTTP/2.0' },
    ],
    ['CRLF line ending', `192.0.2.1 - - ${T} "GET /a HTTP/1.1" 200 1 "-" "${UA}"\r`, { userAgent: UA }],
    ['HTTP/0.9 request (no protocol)', `192.0.2.1 - - ${T} "GET /a" 200 1 "-" "${UA}"`, { target: '/a', protocol: '' }],
    [
      'space inside the target',
      `192.0.2.1 - - ${T} "GET /a b HTTP/1.1" 400 1 "-" "${UA}"`,
      { target: '/a b', status: 400 },
    ],
    [
      'unescaped quote inside the request line (old Apache)',
      `192.0.2.1 - - ${T} "GET /a"b HTTP/1.1" 400 1 "-" "${UA}"`,
      { method: 'GET', target: '/a"b', status: 400, userAgent: UA },
    ],
    [
      'absolute-form target',
      `192.0.2.1 - - ${T} "GET http://blog.example/a HTTP/1.1" 200 1 "-" "${UA}"`,
      { target: 'http://blog.example/a' },
    ],
    [
      'lowercase month name',
      `192.0.2.1 - - [03/mar/2024:09:15:00 +0000] "GET /a HTTP/1.1" 200 1 "-" "${UA}"`,
      { time: T_MS },
    ],
  ];
  it.each(cases)('%s', (_name, line, expected) => {
    const hit = parseLogLine(line);
    expect(hit).not.toBeNull();
    expect(hit).toMatchObject(expected);
  });
});

describe('parseLogLineOrReason: malformed lines', () => {
  it.each([
    [
      'truncated user agent',
      `192.0.2.1 - - ${T} "GET /a HTTP/1.1" 200 1 "-" "Mozilla/5.0 (compatible; Googlebot/2.1`,
      /unterminated quoted user agent/,
    ],
    [
      'truncated referrer',
      `192.0.2.1 - - ${T} "GET /a HTTP/1.1" 200 1 "https://x.example/`,
      /unterminated quoted referrer/,
    ],
    ['no timestamp', '192.0.2.1 - - "GET /a HTTP/1.1" 200 1', /timestamp/],
    ['bad month', `192.0.2.1 - - [03/Foo/2024:09:15:00 +0000] "GET /a HTTP/1.1" 200 1`, /invalid timestamp/],
    ['impossible day', `192.0.2.1 - - [30/Feb/2024:09:15:00 +0000] "GET /a HTTP/1.1" 200 1`, /invalid timestamp/],
    ['bad status', `192.0.2.1 - - ${T} "GET /a HTTP/1.1" 2x0 1 "-" "-"`, /request line|status/],
    ['bad byte count', `192.0.2.1 - - ${T} "GET /a HTTP/1.1" 200 12k "-" "-"`, /byte count/],
    ['referrer without user agent', `192.0.2.1 - - ${T} "GET /a HTTP/1.1" 200 1 "-"`, /without a quoted user agent/],
    ['one word', 'garbage', /one field/],
    ['JSON line', '{"remote_addr":"192.0.2.1","status":200}', /one field|timestamp/],
  ])('%s', (_name, line, reason) => {
    const r = parseLogLineOrReason(line);
    expect(typeof r).toBe('string');
    expect(r).toMatch(reason);
    expect(parseLogLine(line)).toBeNull();
  });

  it.each([
    ['', true],
    ['   \r', true],
    ['# Fields: date time', true],
    ['  # indented comment', true],
    [`192.0.2.1 - - ${T} "GET / HTTP/1.1" 200 1`, false],
  ])('isSkippableLine(%j) === %s', (line, expected) => {
    expect(isSkippableLine(line)).toBe(expected);
  });
});

describe('timestamps with offsets', () => {
  const line = (ts: string) => `192.0.2.1 - - [${ts}] "GET /a HTTP/1.1" 200 1 "-" "${UA}"`;
  const utc = makeDayOfEpoch('UTC');
  const la = makeDayOfEpoch('America/Los_Angeles');
  const berlin = makeDayOfEpoch('Europe/Berlin');
  it.each([
    // [timestamp, ISO instant, day UTC, day Los Angeles, day Berlin]
    ['03/Mar/2024:01:30:00 +0200', '2024-03-02T23:30:00.000Z', '2024-03-02', '2024-03-02', '2024-03-03'],
    ['03/Mar/2024:23:30:00 -0700', '2024-03-04T06:30:00.000Z', '2024-03-04', '2024-03-03', '2024-03-04'],
    ['03/Mar/2024:16:30:00 -0700', '2024-03-03T23:30:00.000Z', '2024-03-03', '2024-03-03', '2024-03-04'],
    ['01/Jan/2024:00:10:00 +0000', '2024-01-01T00:10:00.000Z', '2024-01-01', '2023-12-31', '2024-01-01'],
    ['05/Apr/2024:12:00:00 +0545', '2024-04-05T06:15:00.000Z', '2024-04-05', '2024-04-04', '2024-04-05'],
    // US DST starts 2024-03-10 at 02:00 PST (10:00 UTC): 06:30 UTC is still PST (-8), 2024-03-09 local.
    ['10/Mar/2024:06:30:00 +0000', '2024-03-10T06:30:00.000Z', '2024-03-10', '2024-03-09', '2024-03-10'],
    ['29/Feb/2024:23:59:59 +0000', '2024-02-29T23:59:59.000Z', '2024-02-29', '2024-02-29', '2024-03-01'],
  ])('[%s] is %s', (ts, iso, dayUtc, dayLa, dayBerlin) => {
    const hit = parseLogLine(line(ts));
    expect(hit && new Date(hit.time).toISOString()).toBe(iso);
    const t = hit?.time ?? Number.NaN;
    expect([utc(t), la(t), berlin(t)]).toEqual([dayUtc, dayLa, dayBerlin]);
  });
});

describe('makeDayOfEpoch', () => {
  it('matches Intl for every quarter hour across DST changes and odd offsets', () => {
    for (const zone of ['America/Los_Angeles', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Europe/London']) {
      const dayOf = makeDayOfEpoch(zone);
      const fmt = new Intl.DateTimeFormat('en-CA', {
        timeZone: zone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      });
      for (const start of [Date.UTC(2024, 2, 30), Date.UTC(2024, 3, 6), Date.UTC(2024, 9, 5), Date.UTC(2024, 10, 2)]) {
        for (let t = start; t < start + 3 * 86_400_000; t += 15 * 60_000)
          expect(dayOf(t), `${zone} ${t}`).toBe(fmt.format(t));
      }
    }
  });

  it('rejects an unknown zone', () => {
    expect(() => makeDayOfEpoch('Mars/Olympus_Mons')).toThrow(/Unknown time zone "Mars\/Olympus_Mons"/);
  });
});
