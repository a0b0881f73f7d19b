import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultConfigPath, loadSyncConfig, validateSyncConfig } from './config';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tend-cfg-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const write = (name: string, text: string) => {
  const f = path.join(dir, name);
  fs.writeFileSync(f, text);
  return f;
};

describe('loadSyncConfig', () => {
  it('reads JSON, fills defaults, resolves relative paths against the config file', () => {
    const f = write(
      'tend.sync.json',
      JSON.stringify({
        sources: [
          { name: 'nginx', type: 'access-log', paths: 'logs/access.log*' },
          { name: 'exports', type: 'folder', path: './exports' },
          { name: 'plausible', type: 'plausible-api', siteId: 'example.com', apiKeyEnv: 'PLAUSIBLE_API_KEY' },
        ],
      }),
    );
    const c = loadSyncConfig(f);
    expect(c.lockStaleHours).toBe(6);
    expect(c.priority).toBeUndefined();
    expect(c.sources[0]).toMatchObject({ paths: [path.join(dir, 'logs/access.log*')] });
    expect(c.sources[1]).toMatchObject({ path: path.join(dir, 'exports') });
    expect(c.sources[2]).toMatchObject({ baseUrl: 'https://plausible.io', days: 7, timeoutSeconds: 30 });
  });

  it('reads YAML', () => {
    const f = write(
      'tend.sync.yaml',
      `priority: [plausible, access-log]\nsources:\n  - name: web\n    type: access-log\n    paths:\n      - /var/log/nginx/access.log\n    format: caddy\n`,
    );
    const c = loadSyncConfig(f);
    expect(c.priority).toEqual(['plausible', 'access-log']);
    expect(c.sources[0]).toMatchObject({ name: 'web', format: 'caddy', paths: ['/var/log/nginx/access.log'] });
  });

  it.each([
    ['no sources', { sources: [] }, /sources: list at least one source/],
    ['a missing key', { sources: [{ name: 'a', type: 'access-log' }] }, /sources\[0\]\.paths: /],
    ['an unknown type', { sources: [{ name: 'a', type: 'ftp', path: '/' }] }, /sources\[0\]\.type: /],
    [
      'an unknown key',
      { sources: [{ name: 'a', type: 'folder', path: '/', colour: 'red' }] },
      /sources\[0\]: .*colour/,
    ],
    [
      'a duplicate name',
      {
        sources: [
          { name: 'a', type: 'folder', path: '/' },
          { name: 'a', type: 'folder', path: '/x' },
        ],
      },
      /sources\[1\]\.name: duplicate name "a"/,
    ],
    [
      'an API key in place of a variable name',
      { sources: [{ name: 'p', type: 'plausible-api', siteId: 'x', apiKeyEnv: 'sk-123 abc' }] },
      /sources\[0\]\.apiKeyEnv: an environment variable name/,
    ],
    [
      'a bad base URL',
      { sources: [{ name: 'p', type: 'plausible-api', siteId: 'x', apiKeyEnv: 'K', baseUrl: 'ftp://x' }] },
      /sources\[0\]\.baseUrl/,
    ],
    [
      'custom-log without its format',
      { sources: [{ name: 'a', type: 'access-log', paths: '/x', format: 'custom-log' }] },
      /sources\[0\]\.logFormat: required/,
    ],
    ['a bad name', { sources: [{ name: 'my logs!', type: 'folder', path: '/' }] }, /sources\[0\]\.name: letters/],
  ])('names the key: %s', (_name, raw, re) => {
    expect(() => validateSyncConfig(raw, 'tend.sync.json', dir)).toThrow(re);
  });

  it('every message starts with the file name', () => {
    try {
      validateSyncConfig({ sources: [{ type: 'folder' }] }, '/etc/tend.sync.json', dir);
      expect.unreachable();
    } catch (err) {
      const lines = (err as Error).message.split('\n').slice(1);
      expect(lines.length).toBeGreaterThan(1);
      for (const l of lines) expect(l.startsWith('/etc/tend.sync.json: sources[0].')).toBe(true);
    }
  });

  it('a missing file and broken JSON are clear errors', () => {
    expect(() => loadSyncConfig(path.join(dir, 'nope.json'))).toThrow(/no sync config here.*--config/);
    expect(() => loadSyncConfig(write('bad.json', '{"sources": ['))).toThrow(/bad\.json: not valid JSON/);
  });

  it('the default config sits next to the database (json, else an existing yaml)', () => {
    const sub = fs.mkdtempSync(path.join(dir, 'db-'));
    expect(defaultConfigPath(path.join(sub, 'tend.db'))).toBe(path.join(sub, 'tend.sync.json'));
    fs.writeFileSync(path.join(sub, 'tend.sync.yml'), 'sources: []');
    expect(defaultConfigPath(path.join(sub, 'tend.db'))).toBe(path.join(sub, 'tend.sync.yml'));
  });
});
