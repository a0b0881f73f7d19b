/**
 * Looking at the start of a traffic file without reading it all: its first KB as text (inflated when gzip, decoded
 * from UTF-16 when it has the BOM), for format detection; and a log's identity, the hash of its first line, which
 * names the log's rows (`origin`) and follows the file through rotation (`access.log` -> `access.log.1` -> `.2.gz`).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { firstNonBlankLine, isGzipFile, openMaybeGzip } from '../bounded-read';
import { decodeText } from './text-decode';

/**
 * Up to `maxBytes` of the file's content as text: inflated first when gzip, decoded (UTF-8 or UTF-16, BOM removed).
 * A multi-byte character or line cut at the end is left for the caller to drop.
 */
export async function readHeadText(file: string, maxBytes = 65_536): Promise<string> {
  if (!isGzipFile(file)) {
    const fd = fs.openSync(file, 'r');
    try {
      const buf = Buffer.alloc(maxBytes);
      const n = fs.readSync(fd, buf, 0, maxBytes, 0);
      return decodeText(buf.subarray(0, n)).text;
    } finally {
      fs.closeSync(fd);
    }
  }
  const opened = openMaybeGzip(file, true);
  const parts: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of opened.input) {
      parts.push(chunk as Buffer);
      size += (chunk as Buffer).length;
      if (size >= maxBytes) break;
    }
  } finally {
    opened.close();
  }
  return decodeText(Buffer.concat(parts).subarray(0, maxBytes)).text;
}

/** sha256 of a log's first non-blank line, hex, first 16 characters (64 bits: unique among one blog's logs). */
export function headHashOf(firstLine: string): string {
  return createHash('sha256').update(firstLine).digest('hex').slice(0, 16);
}

/** The `origin` under which a log's rows are stored: `log:` + {@link headHashOf} its first line. */
export function logOrigin(headHash: string): string {
  return `log:${headHash}`;
}

/**
 * A log file's identity: the hash of its first line that is neither blank nor a `#` comment (inflated when gzip), or
 * null when it has none (empty, or headers only). `#` lines are W3C headers (`#Version: 1.0`), the same in every
 * CloudFront or IIS file, so they cannot tell two logs apart. The nightly sync waits for that line's newline before
 * trusting it.
 * @returns also `legacyHeadHash`: when the file starts with `#` lines, the identity Tend gave such a file before
 *   (the hash of its very first line), so rows filed under it can be replaced; null otherwise.
 * @throws Error from lib/bounded-read.ts for a line past the length limit or a gzip bomb.
 */
export async function logIdentity(
  file: string,
): Promise<{ headHash: string | null; firstLine: string; legacyHeadHash: string | null }> {
  // Most logs start with a data line: one read. Only a file starting with `#` is read again, past its headers.
  const rawFirst = await firstNonBlankLine(file);
  const legacy = rawFirst.trim().startsWith('#');
  const firstLine = legacy ? await firstNonBlankLine(file, undefined, true) : rawFirst;
  const legacyHeadHash = legacy ? headHashOf(rawFirst) : null;
  if (firstLine === '') return { headHash: null, firstLine, legacyHeadHash };
  return { headHash: headHashOf(firstLine), firstLine, legacyHeadHash };
}
