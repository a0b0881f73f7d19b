/**
 * Writes a large synthetic access log for the crash and concurrency tests: `lines` page views spread over two years
 * (2023-01-01 onwards, UTC) across the four posts of fixtures/e2e and `extraPaths` other paths (unmatched traffic),
 * so an import of it has many (day, path) rows to write. Deterministic for a seed. Streams to disk.
 */
import fs from 'node:fs';
import { mulberry32 } from '../../lib/random';

const POSTS = [
  '/2024/03/why-i-stopped-digging/',
  '/2024/04/the-onion-that-ate-my-weekend/',
  '/2024/05/companion-planting-what-the-research-says/',
  '/2024/05/a-quiet-post-nobody-read/',
];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Write the log to `file`. */
export function writeBigLog(file: string, lines: number, extraPaths = 3000, seed = 1): void {
  const rand = mulberry32(seed);
  const fd = fs.openSync(file, 'w');
  const start = Date.UTC(2023, 0, 1);
  let buf = '';
  for (let i = 0; i < lines; i++) {
    const d = new Date(start + Math.floor((i / lines) * 730) * 86_400_000 + Math.floor(rand() * 86_400_000));
    const stamp = `${String(d.getUTCDate()).padStart(2, '0')}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}:00 +0000`;
    const p = rand() < 0.3 ? POSTS[Math.floor(rand() * POSTS.length)] : `/page-${Math.floor(rand() * extraPaths)}/`;
    buf += `198.51.100.${Math.floor(rand() * 250)} - - [${stamp}] "GET ${p} HTTP/1.1" 200 4096 "-" "Mozilla/5.0 (X11; Linux x86_64) Firefox/120.0"\n`;
    if (buf.length > 1 << 20) {
      fs.writeSync(fd, buf);
      buf = '';
    }
  }
  fs.writeSync(fd, buf);
  fs.closeSync(fd);
}
