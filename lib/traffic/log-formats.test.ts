/** Table-driven tests of every access-log syntax beyond combined/common: custom format strings, Caddy, W3C. */
import { describe, expect, it } from 'vitest';
import { parseCaddyLine } from './caddy-json';
import { createLineParser, detectLogKind } from './line-parsers';
import { compileLogFormat, parseWithFormat } from './log-format';
import type { LogHit } from './log-line';
import { parseLogTime } from './log-time';
import { createW3cParser } from './w3c-log';

const UA = 'Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0';
const utc = (s: string) => Date.parse(s);

describe('parseLogTime: any offset, English month names only', () => {
  it.each([
    ['17/May/2015:10:05:03 +0000', '2015-05-17T10:05:03Z'],
    ['[17/May/2015:10:05:03 +0200]', '2015-05-17T08:05:03Z'],
    ['17/May/2015:23:30:00 -0700', '2015-05-18T06:30:00Z'],
    ['01/Jan/2024:00:10:00 +0545', '2023-12-31T18:25:00Z'],
    ['2015-05-17T10:05:03+02:00', '2015-05-17T08:05:03Z'],
    ['2015-05-17T10:05:03.250Z', '2015-05-17T10:05:03.250Z'],
    ['2015-05-17T10:05:03-0330', '2015-05-17T13:35:03Z'],
    ['2015-05-17 10:05:03', '2015-05-17T10:05:03Z'],
    ['1431857103.123', '2015-05-17T10:05:03.123Z'],
    ['1431857103', '2015-05-17T10:05:03Z'],
    ['1431857103000', '2015-05-17T10:05:03Z'],
  ])('%s', (text, iso) => {
    expect(parseLogTime(text)).toBe(utc(iso));
  });

  it.each(['17/Mai/2015:10:05:03 +0200', '31/Apr/2015:10:05:03 +0000', '2015-02-30T00:00:00Z', 'yesterday', ''])(
    '%j is not a time',
    (text) => {
      expect(parseLogTime(text)).toBeNaN();
    },
  );
});

describe('custom log formats (nginx log_format, GoAccess)', () => {
  const cases: [string, string, string, Partial<LogHit>][] = [
    [
      'nginx main with extras',
      '$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent" $request_time "$host"',
      `192.0.2.1 - alice [02/Mar/2024:09:00:01 -0500] "GET /x?ref=\\x22y\\x22 HTTP/1.1" 200 512 "-" "${UA}" 0.004 "example.com"`,
      {
        ip: '192.0.2.1',
        time: utc('2024-03-02T14:00:01Z'),
        method: 'GET',
        target: '/x?ref="y"',
        status: 200,
        bytes: 512,
        referrer: '-',
        userAgent: UA,
      },
    ],
    [
      'nginx ISO time, host first, braces',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: nginx's own ${variable} syntax, not a JS template.
      '${host} $remote_addr [$time_iso8601] "$request_method $request_uri $server_protocol" $status "${http_user_agent}"',
      `example.com 192.0.2.2 [2024-03-02T10:00:00+01:00] "GET /posts/a/ HTTP/2.0" 304 "${UA}"`,
      {
        ip: '192.0.2.2',
        time: utc('2024-03-02T09:00:00Z'),
        method: 'GET',
        target: '/posts/a/',
        protocol: 'HTTP/2.0',
        status: 304,
        bytes: 0,
      },
    ],
    [
      'nginx $msec and $uri + $args',
      '$msec $remote_addr $uri $args $status',
      '1709373600.250 192.0.2.3 /posts/a utm=1 200',
      {
        time: utc('2024-03-02T10:00:00.250Z'),
        method: 'GET',
        target: '/posts/a?utm=1',
        userAgent: null,
        referrer: null,
      },
    ],
    [
      'nginx escaped quote inside the user agent',
      '$remote_addr [$time_local] "$request" $status "$http_user_agent"',
      '192.0.2.4 [02/Mar/2024:10:00:00 +0000] "GET / HTTP/1.1" 200 "Bot \\"quoted\\" 1.0"',
      { target: '/', userAgent: 'Bot "quoted" 1.0' },
    ],
    [
      'GoAccess combined with the zone honoured',
      '%h %^[%d:%t %^] "%r" %s %b "%R" "%u"',
      `192.0.2.5 - - [02/Mar/2024:12:00:00 +0200] "GET /posts/b HTTP/1.1" 200 100 "https://news.example/" "${UA}"`,
      {
        ip: '192.0.2.5',
        time: utc('2024-03-02T10:00:00Z'),
        target: '/posts/b',
        referrer: 'https://news.example/',
        userAgent: UA,
      },
    ],
    [
      'GoAccess VCOMBINED (virtual host first)',
      '%v:%^ %h %^[%d:%t %^] "%r" %s %b "%R" "%u"',
      `example.com:443 192.0.2.6 - - [02/Mar/2024:12:00:00 +0000] "GET /c HTTP/1.1" 301 0 "-" "${UA}"`,
      { ip: '192.0.2.6', target: '/c', status: 301 },
    ],
    [
      'GoAccess separate date and time (ISO)',
      '%d %t %h %m %U %s',
      '2024-03-02 10:00:00 192.0.2.7 GET /d?x=1 200',
      { time: utc('2024-03-02T10:00:00Z'), method: 'GET', target: '/d?x=1' },
    ],
    [
      'a request line of "-"',
      '$remote_addr [$time_local] "$request" $status',
      '192.0.2.8 [02/Mar/2024:10:00:00 +0000] "-" 408',
      { method: '', target: '', status: 408 },
    ],
  ];
  it.each(cases)('%s', (_name, format, line, expected) => {
    const hit = parseWithFormat(compileLogFormat(format), line);
    expect(typeof hit).toBe('object');
    expect(hit).toMatchObject(expected);
  });

  it.each([
    [
      'a line of another format',
      '$remote_addr [$time_local] "$request" $status',
      '{"ts":1,"request":{}}',
      /no " \[" after the ip/,
    ],
    [
      'an unterminated quote',
      '$remote_addr [$time_local] "$request" $status',
      '192.0.2.1 [02/Mar/2024:10:00:00 +0000] "GET / HTTP/1.1 200',
      /unterminated quoted request/,
    ],
    [
      'a bad status',
      '$remote_addr [$time_local] $request_uri $status',
      '192.0.2.1 [02/Mar/2024:10:00:00 +0000] / OK',
      /invalid status/,
    ],
    [
      'a bad time',
      '$remote_addr [$time_local] $request_uri $status',
      '192.0.2.1 [02/Mai/2024:10:00:00 +0000] / 200',
      /invalid timestamp/,
    ],
    [
      'a prefix that does not match',
      '[$time_local] $remote_addr $request_uri',
      'x [02/Mar/2024:10:00:00 +0000] 1 /',
      /does not start with/,
    ],
  ])('rejects %s', (_name, format, line, reason) => {
    expect(parseWithFormat(compileLogFormat(format), line)).toMatch(reason);
  });

  it.each([
    ['no variables', 'just text', /no \$variable/],
    ['adjacent fields', '$remote_addr$status', /nothing between/],
    ['no time', '$remote_addr "$request"', /no time field/],
    ['no request', '$remote_addr [$time_local]', /no request line/],
    ['unknown GoAccess specifier', '%h [%x] "%r" %Z', /unsupported GoAccess specifier %Z/],
  ])('refuses a format with %s', (_name, format, re) => {
    expect(() => compileLogFormat(format)).toThrow(re);
  });
});

describe('Caddy JSON log lines', () => {
  const req = (extra: object) =>
    JSON.stringify({
      level: 'info',
      ts: 1709373600.5,
      logger: 'http.log.access',
      msg: 'handled request',
      status: 200,
      size: 10,
      ...extra,
    });
  it.each([
    [
      'client_ip, headers, epoch ts',
      req({
        request: {
          client_ip: '192.0.2.1',
          remote_ip: '10.0.0.1',
          method: 'GET',
          uri: '/a?b=1',
          proto: 'HTTP/2.0',
          headers: { 'User-Agent': [UA], Referer: ['https://x.example/'] },
        },
      }),
      {
        ip: '192.0.2.1',
        time: utc('2024-03-02T10:00:00.500Z'),
        method: 'GET',
        target: '/a?b=1',
        userAgent: UA,
        referrer: 'https://x.example/',
      },
    ],
    [
      'old Caddy: remote_ip only, no headers (no UA = a script)',
      req({ request: { remote_ip: '192.0.2.2', method: 'GET', uri: '/' } }),
      { ip: '192.0.2.2', userAgent: '-', referrer: '-' },
    ],
    [
      'formatted ts with an offset',
      req({ ts: '2024-03-02T12:00:00+02:00', request: { client_ip: '192.0.2.3', method: 'GET', uri: '/' } }),
      { time: utc('2024-03-02T10:00:00Z') },
    ],
    [
      'status 0 means 200',
      req({ status: 0, request: { client_ip: '192.0.2.4', method: 'GET', uri: '/' } }),
      { status: 200 },
    ],
  ])('%s', (_name, line, expected) => {
    expect(parseCaddyLine(line)).toMatchObject(expected);
  });

  it('skips non-request entries and blank lines, rejects broken JSON', () => {
    expect(parseCaddyLine('{"level":"info","msg":"server running"}')).toBeNull();
    expect(parseCaddyLine('   ')).toBeNull();
    expect(parseCaddyLine('{"level":"info","ts":1,"request":')).toMatch(/invalid JSON/);
    expect(parseCaddyLine('plain text')).toMatch(/not a JSON object/);
  });
});

describe('W3C extended logs (CloudFront, IIS)', () => {
  it('reads CloudFront: tab-separated, UTC, URL-encoded (even twice) user agents, query appended', () => {
    const p = createW3cParser();
    expect(p.parse('#Version: 1.0')).toBeNull();
    expect(
      p.parse('#Fields: date time c-ip cs-method cs-uri-stem sc-status cs(Referer) cs(User-Agent) cs-uri-query'),
    ).toBeNull();
    const hit = p.parse('2024-03-02\t23:59:59\t192.0.2.1\tGET\t/a/\t200\t-\tMozilla/5.0%2520(X11)\tutm=1');
    expect(hit).toMatchObject({
      time: utc('2024-03-02T23:59:59Z'),
      target: '/a/?utm=1',
      userAgent: 'Mozilla/5.0 (X11)',
      referrer: '-',
    });
  });

  it('reads IIS: space-separated, + for spaces; a new #Fields line changes the columns', () => {
    const p = createW3cParser();
    p.parse('#Fields: date time cs-method cs-uri-stem cs-uri-query c-ip cs(User-Agent) sc-status');
    expect(p.parse('2024-03-02 08:00:00 GET /a - 192.0.2.1 Mozilla/5.0+(X11) 200')).toMatchObject({
      ip: '192.0.2.1',
      target: '/a',
      userAgent: 'Mozilla/5.0 (X11)',
      referrer: null,
    });
    p.parse('#Fields: date time sc-status cs-uri-stem');
    expect(p.parse('2024-03-02 09:00:00 404 /b')).toMatchObject({ status: 404, target: '/b', method: 'GET' });
  });

  it('rejects data before #Fields and bad values', () => {
    const p = createW3cParser();
    expect(p.parse('2024-03-02 08:00:00 GET /a 200')).toMatch(/no #Fields/);
    p.parse('#Fields: date time cs-uri-stem sc-status');
    expect(p.parse('2024-13-02 08:00:00 /a 200')).toMatch(/invalid date/);
    expect(p.parse('2024-03-02 08:00:00 /a OK')).toMatch(/invalid sc-status/);
  });
});

describe('detectLogKind', () => {
  const clf = `192.0.2.1 - - [02/Mar/2024:10:00:00 +0000] "GET / HTTP/1.1" 200 5 "-" "${UA}"`;
  it.each([
    ['combined with blank and # lines', ['# header', '', clf, clf], undefined, 'combined'],
    ['nginx combined with extra trailing fields', [`${clf} "198.51.100.1" rt=0.004`], undefined, 'combined'],
    [
      'W3C directives',
      ['#Version: 1.0', '#Fields: date time cs-uri-stem sc-status', '2024-03-02 10:00:00 / 200'],
      undefined,
      'w3c',
    ],
    [
      'Caddy with a startup line',
      ['{"msg":"server running"}', '{"ts":1,"request":{"uri":"/"},"status":200}'],
      undefined,
      'caddy',
    ],
    ['other JSON', ['{"a":1}'], undefined, null],
    [
      'a custom format that fits',
      ['192.0.2.1 [02/Mar/2024:10:00:00 +0000] /a 200'],
      '$remote_addr [$time_local] $request_uri $status',
      'custom',
    ],
    ['a custom format that does not fit', [clf], '$msec $remote_addr $request_uri $status', null],
    ['CSV', ['date,path,views', '2024-03-01,/a,1'], undefined, null],
  ])('%s', (_name, lines, format, kind) => {
    expect(detectLogKind(lines as string[], format as string | undefined)).toBe(kind);
  });

  it('the combined parser skips blank and # lines without counting them', () => {
    const p = createLineParser('combined');
    expect(p.parse('')).toBeNull();
    expect(p.parse('   # comment')).toBeNull();
    expect(p.parse(clf)).toMatchObject({ status: 200 });
  });
});
