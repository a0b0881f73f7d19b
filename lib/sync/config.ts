/**
 * The nightly sync's configuration file (`tend.sync.json` next to the database, or `--config FILE`), JSON or YAML,
 * validated with zod. Errors name the file and the key (`sources[1].paths: required`).
 *
 *     {
 *       "priority": ["access-log", "plausible", "goatcounter", "views-csv"],
 *       "sources": [
 *         { "name": "nginx", "type": "access-log", "paths": ["/var/log/nginx/access.log*"] },
 *         { "name": "exports", "type": "folder", "path": "~/tend-exports" },
 *         { "name": "plausible", "type": "plausible-api", "siteId": "example.com", "apiKeyEnv": "PLAUSIBLE_API_KEY" }
 *       ]
 *     }
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { z } from 'zod';

const name = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/,
    'letters, digits, ".", "_" or "-" (at most 64), starting with a letter or digit',
  );

const accessLogSource = z
  .object({
    name,
    type: z.literal('access-log'),
    /** Log files or globs (`*` and `?` in the file name part), absolute or relative to the config file. */
    paths: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)], {
      error: 'required: a file, a glob, or a list of them',
    }),
    /** `access-log` (combined/common), `caddy`, `w3c` (CloudFront, IIS), or `custom-log` with `logFormat`. */
    format: z.string().optional(),
    /** A custom log format string (nginx `log_format` or GoAccess style). */
    logFormat: z.string().min(1).optional(),
  })
  .strict();

const folderSource = z
  .object({
    name,
    type: z.literal('folder'),
    /** A folder of export files (any format Tend reads); changed files are re-imported, replacing their days. */
    path: z.string().min(1),
    /** Only files whose name matches this glob (`*.csv`); default every file. */
    pattern: z.string().min(1).optional(),
    /** Force a format for every file (else detected per file). */
    format: z.string().optional(),
    /** Digit grouping of the numbers (`de`: 1.234 = 1234). */
    locale: z.string().optional(),
  })
  .strict();

const plausibleApiSource = z
  .object({
    name,
    type: z.literal('plausible-api'),
    /** The site's domain as Plausible knows it. */
    siteId: z.string().min(1),
    /** Plausible's address: `https://plausible.io` or your self-hosted instance. */
    baseUrl: z.url({ protocol: /^https?$/ }).default('https://plausible.io'),
    /** Name of the environment variable holding the Stats API key (never the key itself). */
    apiKeyEnv: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name such as PLAUSIBLE_API_KEY'),
    /** Days to fetch, ending today (site time zone); each run replaces them. Default 7. */
    days: z.number().int().min(1).max(3660).default(7),
    /** Request timeout in seconds (default 30). */
    timeoutSeconds: z.number().positive().max(600).default(30),
  })
  .strict();

const source = z.discriminatedUnion('type', [accessLogSource, folderSource, plausibleApiSource], {
  error: (iss) => (iss.code === 'invalid_union' ? 'type must be access-log, folder or plausible-api' : undefined),
});

export const syncConfigSchema = z
  .object({
    /** Which source counts on a day several cover, highest first. Default access-log, plausible, goatcounter, ... */
    priority: z.array(z.string().min(1)).min(1).optional(),
    /** A lock older than this many hours is stale even if its process seems alive (default 6). */
    lockStaleHours: z
      .number()
      .positive()
      .max(24 * 30)
      .default(6),
    sources: z.array(source).min(1, 'list at least one source'),
  })
  .strict()
  .superRefine((c, ctx) => {
    const seen = new Set<string>();
    c.sources.forEach((s, i) => {
      if (seen.has(s.name))
        ctx.addIssue({ code: 'custom', path: ['sources', i, 'name'], message: `duplicate name "${s.name}"` });
      seen.add(s.name);
      if (s.type === 'access-log' && s.format === 'custom-log' && !s.logFormat) {
        ctx.addIssue({
          code: 'custom',
          path: ['sources', i, 'logFormat'],
          message: 'required when format is custom-log',
        });
      }
    });
  });

export type SyncConfig = z.infer<typeof syncConfigSchema>;
export type SyncSource = SyncConfig['sources'][number];

/** `sources[1].paths` from a zod issue path. */
function keyOf(p: PropertyKey[]): string {
  return (
    p.reduce<string>(
      (acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : acc ? `${acc}.${String(k)}` : String(k)),
      '',
    ) || '(top level)'
  );
}

/**
 * Validate a parsed config object; relative paths are resolved against `baseDir`, `~/` against the home folder.
 * @throws Error listing every problem as `FILE: key: message`.
 */
export function validateSyncConfig(raw: unknown, file: string, baseDir: string): SyncConfig {
  const r = syncConfigSchema.safeParse(raw);
  if (!r.success) {
    const lines = r.error.issues.map((i) => `${file}: ${keyOf(i.path)}: ${i.message}`);
    throw new Error(`invalid sync config\n${lines.join('\n')}`);
  }
  const abs = (p: string) => {
    const home = p === '~' || p.startsWith('~/') ? path.join(os.homedir(), p.slice(1)) : p;
    return path.resolve(baseDir, home);
  };
  for (const s of r.data.sources) {
    if (s.type === 'access-log') s.paths = (Array.isArray(s.paths) ? s.paths : [s.paths]).map(abs);
    if (s.type === 'folder') s.path = abs(s.path);
  }
  return r.data;
}

/**
 * Read and validate a config file: `.json` as JSON, `.yaml`/`.yml` as YAML, anything else JSON first, then YAML.
 * @throws Error naming the file when it is missing, unparsable (with the parser's line), or invalid (naming the key).
 */
export function loadSyncConfig(file: string): SyncConfig {
  if (!fs.existsSync(file)) {
    throw new Error(`${file}: no sync config here. Create it (see the README, "Nightly sync") or pass --config FILE`);
  }
  const text = fs.readFileSync(file, 'utf8');
  const ext = path.extname(file).toLowerCase();
  let raw: unknown;
  try {
    if (ext === '.yaml' || ext === '.yml') raw = YAML.parse(text);
    else if (ext === '.json') raw = JSON.parse(text);
    else {
      try {
        raw = JSON.parse(text);
      } catch {
        raw = YAML.parse(text);
      }
    }
  } catch (err) {
    throw new Error(
      `${file}: not valid ${ext === '.json' ? 'JSON' : ext === '' ? 'JSON or YAML' : 'YAML'}: ${(err as Error).message}`,
      {
        cause: err,
      },
    );
  }
  return validateSyncConfig(raw, file, path.dirname(path.resolve(file)));
}

/** The default config file: `tend.sync.json` in the database's folder (or `.yaml` / `.yml` there when that exists). */
export function defaultConfigPath(databaseFile: string): string {
  const dir = path.dirname(databaseFile);
  for (const n of ['tend.sync.json', 'tend.sync.yaml', 'tend.sync.yml']) {
    if (fs.existsSync(path.join(dir, n))) return path.join(dir, n);
  }
  return path.join(dir, 'tend.sync.json');
}
