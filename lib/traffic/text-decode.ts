/**
 * Decode an export file's bytes to text whatever its encoding: UTF-8 (with or without BOM), or UTF-16 with a BOM
 * (Matomo's TSV export and Excel's "Unicode text" are UTF-16LE with `FF FE`), or UTF-16LE without a BOM (detected by
 * the zero bytes of ASCII text). iconv-lite does the decoding.
 */
import iconv from 'iconv-lite';
import { decodeText as decodeFile } from '../posts/decode';

/** Which encoding {@link decodeText} found. */
export type TextEncoding = 'utf8' | 'utf16le' | 'utf16be';

/** Guess the encoding from the first bytes (BOM first, then the zero-byte pattern of UTF-16 ASCII). */
export function sniffEncoding(buf: Uint8Array): TextEncoding {
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return 'utf16le';
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return 'utf16be';
  const n = Math.min(buf.length, 512) & ~1;
  if (n < 4) return 'utf8';
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) evenZeros++;
    if (buf[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf16be';
  return 'utf8';
}

/**
 * Decode bytes to a string without BOM: UTF-16 as sniffed above, otherwise through the posts importers' decoder
 * (lib/posts/decode.ts: strict UTF-8, else windows-1252 with a warning), so a Latin-1 CSV keeps its `é` instead of
 * turning into U+FFFD.
 * @returns the text, the encoding used, and a warning when the encoding was a guess.
 */
export function decodeText(buf: Buffer): { text: string; encoding: TextEncoding | string; warning?: string } {
  const encoding = sniffEncoding(buf);
  if (encoding !== 'utf8') {
    const text = iconv.decode(buf, encoding, { stripBOM: true });
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, encoding };
  }
  const d = decodeFile(buf);
  return d.encoding === 'utf-8' ? { text: d.text, encoding: 'utf8' } : d;
}
