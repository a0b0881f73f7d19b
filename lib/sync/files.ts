/**
 * Finding a sync source's files: globs with `*` and `?` in the file-name part only (`/var/log/nginx/access.log*`),
 * which is what log rotation needs; folders of exports. Rotated logs are ordered oldest first (`access.log.3.gz`,
 * `access.log.2.gz`, `access.log.1`, `access.log`) so days are filled in order.
 */
import fs from 'node:fs';
import path from 'node:path';

/** A glob pattern for one path segment as a RegExp (`*` = any run, `?` = one character, the rest literal). */
export function segmentPattern(glob: string): RegExp {
  const re = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${re}$`);
}

/** Rotation number of a log name (`access.log.2.gz` -> 2, `access.log` -> 0). */
export function rotationIndex(file: string): number {
  const m = /\.(\d+)(\.gz)?$/.exec(path.basename(file));
  return m ? Number(m[1]) : 0;
}

/**
 * Expand file paths and globs to existing regular files, oldest rotation first, each once.
 * @throws Error naming the pattern when a glob's folder does not exist (a literal path that is missing is skipped:
 *   rotated files come and go).
 */
export function expandLogPaths(patterns: string[]): string[] {
  const out = new Set<string>();
  for (const p of patterns) {
    const base = path.basename(p);
    const dir = path.dirname(p);
    if (/[*?]/.test(dir)) throw new Error(`${p}: wildcards are only allowed in the file name, not in folders`);
    if (!/[*?]/.test(base)) {
      if (fs.existsSync(p) && fs.statSync(p).isDirectory())
        throw new Error(`${p}: is a folder; name the log files in it, e.g. ${path.join(p, 'access.log*')}`);
      if (fs.existsSync(p) && fs.statSync(p).isFile()) out.add(path.resolve(p));
      continue;
    }
    if (!fs.existsSync(dir)) throw new Error(`${p}: the folder ${dir} does not exist`);
    const re = segmentPattern(base);
    for (const f of fs.readdirSync(dir)) {
      const full = path.join(dir, f);
      if (re.test(f) && fs.statSync(full).isFile()) out.add(path.resolve(full));
    }
  }
  return [...out].sort((a, b) => rotationIndex(b) - rotationIndex(a) || (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Regular files under a folder (two levels deep, so an unzipped export's own folder is found), matching `pattern`
 * on the file name when given; hidden files skipped; sorted by path.
 * @throws Error naming the folder when it does not exist.
 */
export function listExportFiles(folder: string, pattern?: string): string[] {
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) throw new Error(`${folder}: no such folder`);
  const re = pattern ? segmentPattern(pattern) : null;
  const out: string[] = [];
  const walk = (dir: string, depth: number) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.name.startsWith('.')) continue;
      const full = path.join(dir, e.name);
      if (e.isDirectory() && depth < 2) walk(full, depth + 1);
      else if (e.isFile() && (!re || re.test(e.name))) out.push(full);
    }
  };
  walk(folder, 0);
  return out.sort();
}
