/**
 * Bytes of an export file to text. Exports come from old blogs: UTF-16 from Windows tools, Latin-1 WXR
 * files from WordPress 2.x sites, UTF-8 with a BOM from editors. Charset conversion is iconv-lite's.
 */
import iconv from 'iconv-lite';

/**
 * Decode a file's bytes.
 *
 * Order: a byte-order mark (UTF-8, UTF-16 LE/BE) wins; then the XML prolog's `encoding="…"`; then strict UTF-8;
 * bytes that are not valid UTF-8 are read as windows-1252 (a superset of ISO-8859-1 for printable text) with a
 * warning, because that is what such files almost always are.
 *
 * @returns the text without BOM, the encoding used, and a warning when it was a guess.
 * @throws Error when the prolog names an encoding iconv-lite does not know.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string; warning?: string } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf)
    return { text: buf.subarray(3).toString('utf8'), encoding: 'utf-8' };
  if (buf[0] === 0xff && buf[1] === 0xfe)
    return { text: iconv.decode(buf.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  if (buf[0] === 0xfe && buf[1] === 0xff)
    return { text: iconv.decode(buf.subarray(2), 'utf-16be'), encoding: 'utf-16be' };

  // The prolog is ASCII in every encoding this handles, so it can be read before knowing the encoding.
  const head = buf.subarray(0, 200).toString('latin1');
  const declared = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head)?.[1];
  if (declared && !/^utf-?8$/i.test(declared)) {
    if (!iconv.encodingExists(declared)) throw new Error(`unknown character encoding "${declared}" in the XML prolog`);
    return { text: iconv.decode(buf, declared).replace(/^\uFEFF/, ''), encoding: declared.toLowerCase() };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'utf-8' };
  } catch {
    return {
      text: iconv.decode(buf, 'windows-1252'),
      encoding: 'windows-1252',
      warning: 'not valid UTF-8: read as windows-1252 (Latin-1)',
    };
  }
}
