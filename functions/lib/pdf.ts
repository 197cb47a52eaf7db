/**
 * What an uploaded CV must pass before it is stored. A bounded scanner of our own rather than pdf-lib or
 * pdfjs-dist: both decode the streams they touch with no limit on the output (a bomb is inflated before
 * anything could refuse it) and are heavy for a Worker (pdfjs-dist is megabytes and wants a worker thread;
 * pdf-lib is unmaintained since 2021). This reads the syntax only, and inflates within one budget per file.
 *
 * The policy, decided here:
 * - `%PDF-n.n` at byte 0. The standard allows junk before the header (readers look in the first 1024 bytes);
 *   refusing it is stricter and closes a polyglot trick, and every real producer writes it at byte 0.
 * - HTML/SVG: the whole file, stream data included (a browser parsing the file as HTML would see those bytes
 *   too), is searched case-insensitively for tags that run script or load content (`<script`, `<html`, `<svg`,
 *   `<iframe`, `<!doctype`…). A tag name counts only when followed by space, `/`, `>` or `:`, and the 3-letter
 *   ones (`<svg`, `<img`) only when an attribute or `>` follows: random compressed bytes then practically
 *   never match (about once in 10^5 full 5 MB files).
 * - Active content: names are decoded (`/J#61vaScript` is `/JavaScript`) and a file is refused if its object
 *   syntax anywhere holds `/JavaScript`, `/JS`, `/Launch`, `/EmbeddedFile(s)`, `/EF`, `/FileAttachment`,
 *   `/XFA`, `/RichMedia…`, `/SubmitForm`, `/ImportData`, `/GoToR`, `/GoToE` (links that open other files: the
 *   usual way to make a reader send the user's Windows credentials) or `/3D`, `/3DD` (3D models carry scripts).
 *   The long names are compared case-insensitively. Links (`/URI`) are allowed to http, https, mailto and tel
 *   only (no `javascript:`, `file:`, `\\server\share`).
 * - `/OpenAction` and `/AA` (actions a reader runs by itself) are allowed only when they navigate: a
 *   destination, or `/S /GoTo` actions (and their `/Next` chain). Anything else (a URI opened on open, a
 *   named action such as Print, …) is refused, and so is one that points to an object not in the file.
 * - Where the syntax is read: outside stream data in the file itself, object by object (the scan restarts at
 *   every `N G obj`, so a string cannot hide the next object), and inside object streams (`/Type /ObjStm`),
 *   which are decoded and read the same way, restarting at every object's offset. Other streams (page
 *   content, images, fonts) are decoded only to count their bytes: their data is never read as syntax, so a
 *   CV whose text mentions "JavaScript" is fine.
 * - Bombs: every decodable stream (Flate, LZW, RunLength, after ASCIIHex/ASCII85) is decoded or counted
 *   against one budget for the file: its size × `maxRatio` (100), at least `minInflatedBytes` (16 MiB) and at
 *   most `maxInflatedBytes` (64 MiB). Past it the file is refused, having inflated at most the budget plus a
 *   fraction of a MiB. A 5 MB scanned CV may well inflate to 30–50 MB; a 50 KB file that inflates to 50 MB
 *   is a bomb. Two compression filters on one stream (Flate of Flate) are refused outright, and so are object
 *   streams holding more than 8 MiB of objects in all (a CV's hold well under 1 MiB). Small Flate
 *   streams are counted without inflating them (see `inflatedSize`), large ones and object streams go
 *   through DecompressionStream.
 * - Encrypted files (`/Encrypt` in the trailer, even with an empty open password) cannot be inspected inside:
 *   refused, asking for a copy saved without a password or restrictions.
 * - Malformed: a stream without `endstream`, no `%%EOF` (a file cut short), no document catalog, an object
 *   stream that cannot be decoded (unsupported filter, predictor, broken data), nesting deeper than 100 levels,
 *   or more than 20,000 streams, 1,000 object streams or 100,000 objects (there only to keep the scan fast: a
 *   one-page CV has tens to a few hundred streams, and one or a few object streams). A broken content or
 *   image stream is tolerated, as readers tolerate it: only object streams can hold objects.
 * - Memory stays small: the parser keeps at most 64 items of an array or dictionary (and the few keys the
 *   checks read), 10,000 per top-level value; every name is still checked. An /AA dictionary or /Next list
 *   longer than that is refused as active content, a /Filter list longer than that as malformed.
 * Nothing here throws: any unexpected failure is reported as `malformed`.
 */

export type PdfRefusal = 'not_pdf' | 'polyglot' | 'malformed' | 'encrypted' | 'active_content' | 'bomb';

/** The checks a file passed, in order, for the staff area (Japanese labels in `pdf-messages.ts`). */
export const PDF_CHECKS = [
  'pdf_header',
  'html_polyglot',
  'structure',
  'encryption',
  'active_content',
  'object_streams',
  'decompression_bomb',
  'automatic_actions',
  'link_targets',
] as const;
export type PdfCheck = (typeof PDF_CHECKS)[number];

export type PdfVerdict =
  | { ok: true; checks: readonly PdfCheck[]; inflatedBytes: number }
  | { ok: false; reason: PdfRefusal; detail: string; inflatedBytes: number };

export interface PdfInspectOptions {
  /** The most any file may inflate to, in bytes (default 64 MiB). */
  maxInflatedBytes?: number;
  /** How many times its own size a file may inflate to (default 100)… */
  maxRatio?: number;
  /** …but never less than this many bytes (default 16 MiB, capped by `maxInflatedBytes`). */
  minInflatedBytes?: number;
}

const MiB = 1024 * 1024;

export const PDF_LIMITS = {
  maxInflatedBytes: 64 * MiB,
  maxRatio: 100,
  minInflatedBytes: 16 * MiB,
  maxStreams: 20_000,
  maxObjectStreams: 1000,
  maxObjects: 100_000,
  maxObjectStreamBytes: 8 * MiB,
  maxDepth: 100,
} as const;

/** The inflation budget for a file of this size: size × ratio, within [min, max]. */
export function inflateBudget(fileBytes: number, opts: PdfInspectOptions = {}): number {
  const ceiling = opts.maxInflatedBytes ?? PDF_LIMITS.maxInflatedBytes;
  const floor = Math.min(opts.minInflatedBytes ?? PDF_LIMITS.minInflatedBytes, ceiling);
  const ratio = opts.maxRatio ?? PDF_LIMITS.maxRatio;
  return Math.max(floor, Math.min(ceiling, Math.floor(fileBytes * ratio)));
}

export async function inspectPdf(bytes: Uint8Array, opts: PdfInspectOptions = {}): Promise<PdfVerdict> {
  const inspector = new Inspector(bytes, inflateBudget(bytes.length, opts));
  try {
    await inspector.run();
    return { ok: true, checks: PDF_CHECKS, inflatedBytes: inspector.used };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, reason: error.reason, detail: error.message, inflatedBytes: inspector.used };
    const detail = error instanceof RangeError ? 'structure too deep or too large to read' : 'the file could not be read';
    return { ok: false, reason: 'malformed', detail, inflatedBytes: inspector.used };
  }
}

class Refusal extends Error {
  constructor(
    readonly reason: PdfRefusal,
    detail: string,
  ) {
    super(detail);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Bytes

const bytesOf = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));
const OBJ = bytesOf('obj');
const ENDSTREAM = bytesOf('endstream');
const EOF_MARK = bytesOf('%%EOF');

/** 1: white space, 2: delimiter, 0: regular (PDF 32000-1, 7.2.2). */
const CLASS = new Uint8Array(256);
for (const b of [0, 9, 10, 12, 13, 32]) CLASS[b] = 1;
for (const c of '()<>[]{}/%') CLASS[c.charCodeAt(0)] = 2;

const at = (src: Uint8Array, i: number): number => src[i] ?? -1;
const isRegular = (b: number): boolean => b >= 0 && CLASS[b] === 0;
const isSpace = (b: number): boolean => b >= 0 && CLASS[b] === 1;
const isDigit = (b: number): boolean => b >= 0x30 && b <= 0x39;
const isLetter = (b: number): boolean => (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7a;

function hexValue(b: number): number {
  if (b >= 0x30 && b <= 0x39) return b - 0x30;
  const l = b | 0x20;
  return l >= 0x61 && l <= 0x66 ? l - 0x57 : -1;
}

function indexOfBytes(hay: Uint8Array, needle: Uint8Array, from: number): number {
  const first = needle[0] ?? 0;
  const last = hay.length - needle.length;
  for (let i = hay.indexOf(first, from); i >= 0 && i <= last; i = hay.indexOf(first, i + 1)) {
    let k = 1;
    while (k < needle.length && hay[i + k] === needle[k]) k++;
    if (k === needle.length) return i;
  }
  return -1;
}

function allIndexes(hay: Uint8Array, needle: Uint8Array): number[] {
  const found: number[] = [];
  for (let i = indexOfBytes(hay, needle, 0); i >= 0; i = indexOfBytes(hay, needle, i + needle.length)) found.push(i);
  return found;
}

/** The first value in a sorted list at or after `from`, or -1. */
function nextAtOrAfter(sorted: readonly number[], from: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? 0) < from) lo = mid + 1;
    else hi = mid;
  }
  return sorted[lo] ?? -1;
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  let size = 0;
  for (const c of chunks) size += c.length;
  const out = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// HTML and SVG inside the file

const TAGS = [
  '!doctype',
  'html',
  'head',
  'body',
  'script',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'svg',
  'img',
  'style',
  'meta',
  'link',
  'base',
  'form',
  'math',
  'title',
].map(bytesOf);

function htmlTagIn(src: Uint8Array): string | null {
  for (let i = src.indexOf(0x3c); i >= 0; i = src.indexOf(0x3c, i + 1)) {
    for (const tag of TAGS) {
      let k = 0;
      while (k < tag.length && (at(src, i + 1 + k) | 0x20) === tag[k]) k++;
      if (k < tag.length) continue;
      let j = i + 1 + k;
      const after = at(src, j);
      if (!(isSpace(after) || after === 0x2f || after === 0x3e || after === 0x3a || after < 0)) continue;
      if (tag.length <= 3 && after !== 0x3e) {
        // `<svg onload=…`, `<img/src=…`: a letter must follow the separators.
        while (j < i + 32 && (isSpace(at(src, j)) || at(src, j) === 0x2f)) j++;
        if (!isLetter(at(src, j)) && at(src, j) !== 0x3e) continue;
      }
      return `<${String.fromCharCode(...tag)}`;
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// Tokens and values (PDF 32000-1, 7.2 and 7.3)

type Tok =
  | { k: 'num'; v: number; int: boolean }
  | { k: 'name'; v: string }
  | { k: 'str'; s: number; e: number; hex: boolean }
  | { k: 'kw'; v: string; end: number }
  | { k: '<<' | '>>' | '[' | ']' | '{' | '}' | 'eof' };

class Name {
  constructor(readonly v: string) {}
}
class Ref {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
}
class Str {
  constructor(
    readonly src: Uint8Array,
    readonly s: number,
    readonly e: number,
    readonly hex: boolean,
  ) {}
}
class Kw {
  constructor(readonly v: string) {}
}
/** What a reference resolves to when no object of that number is in the file. */
class Missing {
  constructor(readonly num: number) {}
}
type Dict = Map<string, Value>;
type Value = number | boolean | null | Name | Ref | Str | Kw | Missing | Value[] | Dict;

const EOF_TOK: Tok = { k: 'eof' };
const MAX_NAME = 256;

class Lexer {
  pos: number;
  private peeked: Tok[] = [];

  constructor(
    readonly src: Uint8Array,
    start: number,
    readonly end: number,
    private readonly onName: (name: string) => void,
  ) {
    this.pos = start;
  }

  next(): Tok {
    return this.peeked.shift() ?? this.read();
  }

  peek(n: number): Tok {
    while (this.peeked.length <= n) this.peeked.push(this.read());
    return this.peeked[n] ?? EOF_TOK;
  }

  seek(pos: number): void {
    this.pos = pos;
    this.peeked = [];
  }

  private read(): Tok {
    const { src, end } = this;
    let i = this.pos;
    for (;;) {
      while (i < end && isSpace(at(src, i))) i++;
      if (at(src, i) !== 0x25) break; // %: a comment, to the end of the line
      while (i < end && at(src, i) !== 0x0a && at(src, i) !== 0x0d) i++;
    }
    if (i >= end) {
      this.pos = end;
      return EOF_TOK;
    }
    const b = at(src, i);
    switch (b) {
      case 0x2f: // name
        return this.name(i);
      case 0x28: // (literal string)
        return this.literal(i);
      case 0x3c: // << or <hex string>
        if (at(src, i + 1) === 0x3c) {
          this.pos = i + 2;
          return { k: '<<' };
        }
        return this.hex(i);
      case 0x3e:
        if (at(src, i + 1) === 0x3e) {
          this.pos = i + 2;
          return { k: '>>' };
        }
        this.pos = i + 1;
        return this.read(); // a stray '>': skip it
      case 0x5b:
        this.pos = i + 1;
        return { k: '[' };
      case 0x5d:
        this.pos = i + 1;
        return { k: ']' };
      case 0x7b:
        this.pos = i + 1;
        return { k: '{' };
      case 0x7d:
        this.pos = i + 1;
        return { k: '}' };
      case 0x29:
        this.pos = i + 1;
        return this.read(); // a stray ')': skip it
      default:
        return this.word(i);
    }
  }

  private name(start: number): Tok {
    const { src, end } = this;
    let i = start + 1;
    let out = '';
    while (i < end && isRegular(at(src, i))) {
      let code = at(src, i);
      if (code === 0x23 && hexValue(at(src, i + 1)) >= 0 && hexValue(at(src, i + 2)) >= 0) {
        code = hexValue(at(src, i + 1)) * 16 + hexValue(at(src, i + 2));
        i += 3;
      } else i++;
      if (out.length < MAX_NAME) out += String.fromCharCode(code);
    }
    this.pos = i;
    this.onName(out);
    return { k: 'name', v: out };
  }

  private literal(start: number): Tok {
    const { src, end } = this;
    let depth = 1;
    let i = start + 1;
    while (i < end) {
      const b = at(src, i);
      if (b === 0x5c) i += 2;
      else {
        if (b === 0x28) depth++;
        else if (b === 0x29 && --depth === 0) break;
        i++;
      }
    }
    const e = Math.min(i, end);
    this.pos = Math.min(i + 1, end);
    return { k: 'str', s: start + 1, e, hex: false };
  }

  private hex(start: number): Tok {
    const close = this.src.subarray(start + 1, this.end).indexOf(0x3e);
    const e = close < 0 ? this.end : start + 1 + close;
    this.pos = Math.min(e + 1, this.end);
    return { k: 'str', s: start + 1, e, hex: true };
  }

  private word(start: number): Tok {
    const { src, end } = this;
    let i = start;
    while (i < end && isRegular(at(src, i))) i++;
    this.pos = i;
    if (i - start > 32) return { k: 'kw', v: '', end: i };
    // A number: [+-] digits [. digits], read without making a string (most tokens are numbers).
    let k = start;
    const sign = at(src, k) === 0x2d ? -1 : 1;
    if (at(src, k) === 0x2d || at(src, k) === 0x2b) k++;
    let whole = 0;
    let fraction = 0;
    let scale = 1;
    let digits = 0;
    let dot = false;
    for (; k < i; k++) {
      const b = at(src, k);
      if (isDigit(b)) {
        digits++;
        if (dot) {
          scale /= 10;
          fraction += (b - 0x30) * scale;
        } else whole = whole * 10 + (b - 0x30);
      } else if (b === 0x2e && !dot) dot = true;
      else break;
    }
    if (k === i && digits) return { k: 'num', v: sign * (whole + fraction), int: !dot };
    let text = '';
    for (let c = start; c < i; c++) text += String.fromCharCode(at(src, c));
    return { k: 'kw', v: text, end: i };
  }
}

/** Dictionary keys the checks read: always kept. */
const KEPT_KEYS = new Set([
  'Type',
  'Length',
  'Filter',
  'DecodeParms',
  'Predictor',
  'N',
  'First',
  'S',
  'Next',
  'OpenAction',
  'AA',
  'URI',
  'Encrypt',
]);
/** Beyond these, arrays and other keys are read (their names checked, their dictionaries noted) but not kept. */
const KEPT_ITEMS = 64;
const KEPT_PER_VALUE = 10_000;
/** Arrays and dictionaries that lost items to those limits. */
const cutShort = new WeakSet<object>();
const isCutShort = (value: Value | undefined): boolean => typeof value === 'object' && value !== null && cutShort.has(value);

/**
 * Builds values from tokens. Memory stays small whatever the input: a container keeps at most `KEPT_ITEMS`
 * items (dictionaries also every key in `KEPT_KEYS`), and one top-level value at most `KEPT_PER_VALUE`.
 * `onDict` sees every dictionary, kept or not, with its kept keys.
 */
class Parser {
  private depth = 0;
  private kept = 0;

  constructor(
    private readonly lex: Lexer,
    private readonly onDict: (dict: Dict) => void,
  ) {}

  /** A value at the top level: the budget of kept items starts again. */
  top(tok: Tok): Value {
    this.kept = 0;
    return this.value(tok);
  }

  private keep(size: number): boolean {
    if (size >= KEPT_ITEMS || this.kept >= KEPT_PER_VALUE) return false;
    this.kept++;
    return true;
  }

  value(tok: Tok): Value {
    const { lex } = this;
    switch (tok.k) {
      case 'num':
        if (tok.int && tok.v >= 0) {
          const gen = lex.peek(0);
          if (gen.k === 'num' && gen.int && gen.v >= 0) {
            const r = lex.peek(1);
            if (r.k === 'kw' && r.v === 'R') {
              lex.next();
              lex.next();
              return new Ref(tok.v, gen.v);
            }
          }
        }
        return tok.v;
      case 'name':
        return new Name(tok.v);
      case 'str':
        return new Str(lex.src, tok.s, tok.e, tok.hex);
      case '<<':
        return this.dict();
      case '[':
        return this.array();
      case 'kw':
        return tok.v === 'true' ? true : tok.v === 'false' ? false : tok.v === 'null' ? null : new Kw(tok.v);
      default:
        return new Kw(tok.k);
    }
  }

  private enter(): void {
    if (++this.depth > PDF_LIMITS.maxDepth) throw new Refusal('malformed', `nesting deeper than ${PDF_LIMITS.maxDepth} levels`);
  }

  private dict(): Dict {
    this.enter();
    const dict: Dict = new Map();
    for (;;) {
      const key = this.lex.next();
      if (key.k === '>>' || key.k === 'eof') break;
      if (key.k !== 'name') {
        this.value(key); // not a key: read past it
        continue;
      }
      const tok = this.lex.next();
      const value = tok.k === '>>' || tok.k === 'eof' ? null : this.value(tok);
      if (KEPT_KEYS.has(key.v) || this.keep(dict.size)) dict.set(key.v, value);
      else cutShort.add(dict);
      if (tok.k === '>>' || tok.k === 'eof') break;
    }
    this.depth--;
    this.onDict(dict);
    return dict;
  }

  private array(): Value[] {
    this.enter();
    const items: Value[] = [];
    for (;;) {
      const tok = this.lex.next();
      if (tok.k === ']' || tok.k === 'eof') break;
      const item = this.value(tok);
      if (this.keep(items.length)) items.push(item);
      else cutShort.add(items);
    }
    this.depth--;
    return items;
  }
}

/** The bytes of a string value: literal escapes (7.3.4.2) or hex digits. */
function stringBytes(str: Str): Uint8Array {
  const { src, s, e } = str;
  const out: number[] = [];
  if (str.hex) {
    let high = -1;
    for (let i = s; i < e; i++) {
      const v = hexValue(at(src, i));
      if (v < 0) continue;
      if (high < 0) high = v;
      else {
        out.push(high * 16 + v);
        high = -1;
      }
    }
    if (high >= 0) out.push(high * 16);
    return Uint8Array.from(out);
  }
  const escapes: Record<number, number> = { 110: 10, 114: 13, 116: 9, 98: 8, 102: 12 };
  for (let i = s; i < e; i++) {
    const b = at(src, i);
    if (b !== 0x5c) {
      out.push(b);
      continue;
    }
    const c = at(src, ++i);
    if (c >= 0x30 && c <= 0x37) {
      let v = c - 0x30;
      for (let n = 0; n < 2 && at(src, i + 1) >= 0x30 && at(src, i + 1) <= 0x37; n++) v = v * 8 + at(src, ++i) - 0x30;
      out.push(v & 0xff);
    } else if (c === 0x0d) {
      if (at(src, i + 1) === 0x0a) i++;
    } else if (c !== 0x0a && c >= 0) out.push(escapes[c] ?? c);
  }
  return Uint8Array.from(out);
}

/** A text string: UTF-16BE with its byte-order mark, or one byte per character. */
function stringText(str: Str): string {
  const b = stringBytes(str);
  if (b[0] === 0xfe && b[1] === 0xff) {
    let text = '';
    for (let i = 2; i + 1 < b.length; i += 2) text += String.fromCharCode(((b[i] ?? 0) << 8) | (b[i + 1] ?? 0));
    return text;
  }
  return String.fromCharCode(...b.subarray(0, 4096));
}

// ---------------------------------------------------------------------------------------------------------
// What counts as active content

const ACTIVE_EXACT = new Set(['JS', 'EF', '3D', '3DD']);
const ACTIVE_FOLDED = new Set([
  'javascript',
  'launch',
  'embeddedfile',
  'embeddedfiles',
  'fileattachment',
  'xfa',
  'submitform',
  'importdata',
  'gotor',
  'gotoe',
]);

function isActiveName(name: string): boolean {
  if (ACTIVE_EXACT.has(name)) return true;
  if (name.length < 3 || name.length > 40) return false;
  const low = name.toLowerCase();
  return ACTIVE_FOLDED.has(low) || low.startsWith('richmedia');
}

const LINK_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);

/** Why a link target is refused, or null. */
function badLink(uri: string): string | null {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: leading control characters are skipped by readers too
  const text = uri.replace(/^[\u0000-\u0020]+/, '');
  if (text.startsWith('\\\\') || text.startsWith('//')) return 'a link to a network path';
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text)?.[1]?.toLowerCase();
  if (scheme && !LINK_SCHEMES.has(scheme)) return `a link with the scheme ${scheme}:`;
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// Filters (7.4)

const FILTER_NAMES: Record<string, string> = {
  AHx: 'ASCIIHexDecode',
  A85: 'ASCII85Decode',
  LZW: 'LZWDecode',
  Fl: 'FlateDecode',
  RL: 'RunLengthDecode',
  CCF: 'CCITTFaxDecode',
  DCT: 'DCTDecode',
};
const EXPANDING = new Set(['FlateDecode', 'LZWDecode', 'RunLengthDecode']);

function asciiHex(data: Uint8Array): Uint8Array {
  const out = new Uint8Array((data.length >>> 1) + 1);
  let n = 0;
  let high = -1;
  for (const b of data) {
    if (b === 0x3e) break;
    const v = hexValue(b);
    if (v < 0) continue;
    if (high < 0) high = v;
    else {
      out[n++] = high * 16 + v;
      high = -1;
    }
  }
  if (high >= 0) out[n++] = high * 16;
  return out.subarray(0, n);
}

function ascii85(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(Math.ceil((data.length * 4) / 5) + 4 * data.length);
  let n = 0;
  let group = 0;
  let count = 0;
  const flush = (digits: number) => {
    for (let k = digits; k < 5; k++) group = group * 85 + 84;
    for (let k = 0; k < digits - 1; k++) out[n++] = (group >>> (24 - 8 * k)) & 0xff;
  };
  for (let i = 0; i < data.length; i++) {
    const b = at(data, i);
    if (b === 0x7e) break; // ~> ends the data
    if (isSpace(b)) continue;
    if (b === 0x7a && count === 0) {
      n += 4; // z: four zero bytes (already zero)
      continue;
    }
    if (b < 0x21 || b > 0x75) continue;
    group = group * 85 + (b - 0x21);
    if (++count === 5) {
      flush(5);
      group = 0;
      count = 0;
    }
  }
  if (count > 1) flush(count);
  return out.subarray(0, n);
}

// ---------------------------------------------------------------------------------------------------------
// Counting what a small Flate stream inflates to (RFC 1950/1951) without producing it

/**
 * DecompressionStream costs about 0.2–0.3 ms per stream (measured in workerd and in Node) before it inflates
 * a byte, and a Japanese document printed by Chromium has a stream per glyph (a one-page CV: 213 streams).
 * Small streams that are only counted go through this instead: it decodes the Huffman codes and adds up
 * literal and match lengths, never writing the output, so its work follows the compressed size (a bomb
 * costs no more than its own bytes). Data it cannot read is handed to the runtime's inflater, which has the
 * last word.
 */
const SMALL_FLATE = 16 * 1024;

const LENGTH_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DISTANCE_BASE = [
  1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385,
  24577,
];
const DISTANCE_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
const CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

/** A canonical Huffman code: how many codes of each length, and the symbols in code order. */
interface Huffman {
  counts: Uint16Array;
  symbols: Uint16Array;
}

function huffman(lengths: Uint8Array): Huffman | null {
  const counts = new Uint16Array(16);
  for (const length of lengths) counts[length] = (counts[length] ?? 0) + 1;
  counts[0] = 0;
  let left = 1;
  for (let length = 1; length < 16; length++) {
    left = left * 2 - (counts[length] ?? 0);
    if (left < 0) return null; // over-subscribed
  }
  const offsets = new Uint16Array(16);
  for (let length = 1; length < 15; length++) offsets[length + 1] = (offsets[length] ?? 0) + (counts[length] ?? 0);
  const symbols = new Uint16Array(lengths.length);
  lengths.forEach((length, symbol) => {
    if (!length) return;
    const slot = offsets[length] ?? 0;
    symbols[slot] = symbol;
    offsets[length] = slot + 1;
  });
  return { counts, symbols };
}

const FIXED_LITERALS = huffman(Uint8Array.from({ length: 288 }, (_, i) => (i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8)));
const FIXED_DISTANCES = huffman(new Uint8Array(30).fill(5));

class EndOfData {}
class BadData {}

/**
 * What a zlib stream inflates to, counting no further than just past `limit`: `complete` at the final block,
 * `cut` when the data ends first (readers keep what came out), `bad` when the data is not valid deflate.
 */
function inflatedSize(data: Uint8Array, limit: number): { size: number; status: 'complete' | 'cut' | 'bad' } {
  const cmf = at(data, 0);
  const flg = at(data, 1);
  if ((cmf & 0x0f) !== 8 || cmf >> 4 > 7 || ((cmf << 8) | flg) % 31 !== 0 || flg & 0x20) return { size: 0, status: 'bad' };
  let pos = 2;
  let buffer = 0;
  let count = 0;
  let size = 0;
  const bits = (n: number): number => {
    while (count < n) {
      if (pos >= data.length) throw new EndOfData();
      buffer |= (data[pos++] ?? 0) << count;
      count += 8;
    }
    const value = buffer & ((1 << n) - 1);
    buffer >>>= n;
    count -= n;
    return value;
  };
  const decode = ({ counts, symbols }: Huffman): number => {
    let code = 0;
    let first = 0;
    let index = 0;
    for (let length = 1; length < 16; length++) {
      code |= bits(1);
      const n = counts[length] ?? 0;
      if (code - first < n) return symbols[index + code - first] ?? 0;
      index += n;
      first = (first + n) << 1;
      code <<= 1;
    }
    throw new BadData();
  };
  const dynamic = (): [Huffman, Huffman] => {
    const literals = bits(5) + 257;
    const distances = bits(5) + 1;
    const codeLengths = bits(4) + 4;
    if (literals > 286 || distances > 30) throw new BadData();
    const order = new Uint8Array(19);
    for (let i = 0; i < codeLengths; i++) order[CODE_LENGTH_ORDER[i] ?? 0] = bits(3);
    const lengthCode = huffman(order);
    if (!lengthCode) throw new BadData();
    const lengths = new Uint8Array(literals + distances);
    for (let i = 0; i < lengths.length; ) {
      const symbol = decode(lengthCode);
      if (symbol < 16) lengths[i++] = symbol;
      else {
        const [repeat, value] =
          symbol === 16 ? [3 + bits(2), i ? (lengths[i - 1] ?? 0) : -1] : symbol === 17 ? [3 + bits(3), 0] : [11 + bits(7), 0];
        if (value < 0 || i + repeat > lengths.length) throw new BadData();
        lengths.fill(value, i, i + repeat);
        i += repeat;
      }
    }
    if (!lengths[256]) throw new BadData();
    const literal = huffman(lengths.subarray(0, literals));
    const distance = huffman(lengths.subarray(literals));
    if (!literal || !distance) throw new BadData();
    return [literal, distance];
  };
  try {
    for (let final = 0; !final; ) {
      final = bits(1);
      const type = bits(2);
      if (type === 0) {
        buffer = 0;
        count = 0;
        if (pos + 4 > data.length) throw new EndOfData();
        const length = at(data, pos) | (at(data, pos + 1) << 8);
        if ((length ^ (at(data, pos + 2) | (at(data, pos + 3) << 8))) !== 0xffff) throw new BadData();
        pos += 4;
        size += Math.min(length, data.length - pos);
        if (pos + length > data.length) throw new EndOfData();
        pos += length;
      } else if (type === 1 || type === 2) {
        const [literal, distance] = type === 1 && FIXED_LITERALS && FIXED_DISTANCES ? [FIXED_LITERALS, FIXED_DISTANCES] : dynamic();
        for (;;) {
          const symbol = decode(literal);
          if (symbol < 256) size++;
          else if (symbol === 256) break;
          else {
            const code = symbol - 257;
            if (code >= 29) throw new BadData();
            const length = (LENGTH_BASE[code] ?? 0) + bits(LENGTH_EXTRA[code] ?? 0);
            const d = decode(distance);
            if (d >= 30) throw new BadData();
            if ((DISTANCE_BASE[d] ?? 0) + bits(DISTANCE_EXTRA[d] ?? 0) > size) throw new BadData();
            size += length;
            if (size > limit) return { size, status: 'complete' };
          }
        }
      } else throw new BadData();
      if (size > limit) return { size, status: 'complete' };
    }
    return { size, status: 'complete' };
  } catch (error) {
    if (error instanceof EndOfData) return { size, status: 'cut' };
    if (error instanceof BadData) return { size, status: 'bad' };
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------------------
// The inspection

interface StreamRecord {
  dict: Dict;
  dataStart: number;
  /** Where the first `endstream` after the data starts. */
  firstEnd: number;
  label: string;
}

/** Where each numbered object can be read: in the file (buffer 0) or in a decoded object stream. */
class ObjectIndex {
  private readonly nums: number[] = [];
  private readonly bufs: number[] = [];
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private sorted: Float64Array | null = null;

  get size(): number {
    return this.nums.length;
  }

  add(num: number, buf: number, start: number, end: number): void {
    this.nums.push(num);
    this.bufs.push(buf);
    this.starts.push(start);
    this.ends.push(end);
    this.sorted = null;
  }

  /** Every place an object of this number is defined (an updated file defines some twice). */
  find(num: number): { buf: number; start: number; end: number }[] {
    const SHIFT = 2 ** 21;
    if (!this.sorted) this.sorted = Float64Array.from(this.nums, (n, i) => n * SHIFT + i).sort();
    const keys = this.sorted;
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((keys[mid] ?? 0) < num * SHIFT) lo = mid + 1;
      else hi = mid;
    }
    const found: { buf: number; start: number; end: number }[] = [];
    for (let k = lo; k < keys.length && Math.floor((keys[k] ?? 0) / SHIFT) === num; k++) {
      const i = (keys[k] ?? 0) % SHIFT;
      found.push({ buf: this.bufs[i] ?? 0, start: this.starts[i] ?? 0, end: this.ends[i] ?? 0 });
    }
    return found;
  }
}

const ignoreName = (): void => undefined;
const ignoreDict = (): void => undefined;

class Inspector {
  used = 0;
  private readonly buffers: Uint8Array[];
  private readonly index = new ObjectIndex();
  /** Objects held in object streams: looked up only once every object stream is read. */
  private readonly packed = new ObjectIndex();
  private packedReady = false;
  private readonly streams: StreamRecord[] = [];
  private endstreams: number[] = [];
  private readonly cache = new Map<number, Value[]>();
  private readonly openActions: { value: Value; label: string }[] = [];
  private readonly additionalActions: { value: Value; label: string }[] = [];
  private readonly links: { value: Value; label: string }[] = [];
  private readonly actionsSeen = new Set<Dict>();
  private objectStreamBytes = 0;
  private label = 'the file header';
  private encrypted = false;
  private catalog = false;

  constructor(
    private readonly src: Uint8Array,
    private readonly cap: number,
  ) {
    this.buffers = [src];
  }

  async run(): Promise<void> {
    const { src } = this;
    if (!/^%PDF-\d\.\d/.test(String.fromCharCode(...src.subarray(0, 8))))
      throw new Refusal('not_pdf', 'the file does not start with %PDF-n.n');

    const tag = htmlTagIn(src);
    if (tag) throw new Refusal('polyglot', `the file contains the HTML/SVG tag ${tag}`);

    this.readFile();
    if (indexOfBytes(src, EOF_MARK, 0) < 0) throw new Refusal('malformed', 'no %%EOF marker (the file is cut short?)');
    if (this.encrypted) throw new Refusal('encrypted', 'the trailer names an /Encrypt dictionary');

    const objectStreams = this.streams.filter((s) => this.isObjectStream(s));
    if (objectStreams.length > PDF_LIMITS.maxObjectStreams)
      throw new Refusal('malformed', `more than ${PDF_LIMITS.maxObjectStreams} object streams`);
    for (const stream of objectStreams) await this.readObjectStream(stream);
    this.packedReady = true;
    this.cache.clear();
    const read = new Set(objectStreams);
    for (const stream of this.streams) if (!read.has(stream)) await this.countStream(stream);

    if (!this.catalog) throw new Refusal('malformed', 'no document catalog (/Type /Catalog)');
    for (const { value, label } of this.openActions) this.checkOpenAction(value, label);
    for (const { value, label } of this.additionalActions) this.checkAdditionalActions(value, label);
    for (const { value, label } of this.links) this.checkLink(value, label);
  }

  // --- the file's own syntax -----------------------------------------------------------------------------

  /** Reads the syntax outside stream data, restarting at every `N G obj`, and records the streams. */
  private readFile(): void {
    const { src } = this;
    this.endstreams = allIndexes(src, ENDSTREAM);
    const headers = this.objectHeaders();
    if (headers.length > PDF_LIMITS.maxObjects) throw new Refusal('malformed', `more than ${PDF_LIMITS.maxObjects} objects`);
    this.walk(0, 0, headers[0]?.pos ?? src.length, 'the file header', true);
    headers.forEach((h, i) => {
      const end = headers[i + 1]?.pos ?? src.length;
      this.index.add(h.num, 0, h.pos, end);
      this.walk(0, h.pos, end, `object ${h.num} ${h.gen}`, true);
    });
  }

  /** Every `N G obj` in the file, wherever it is: a reader jumping to it through the xref would read it. */
  private objectHeaders(): { pos: number; num: number; gen: number }[] {
    const { src } = this;
    const found: { pos: number; num: number; gen: number }[] = [];
    for (let i = indexOfBytes(src, OBJ, 0); i >= 0; i = indexOfBytes(src, OBJ, i + 3)) {
      if (isRegular(at(src, i + 3))) continue;
      let j = i - 1;
      const digitsBack = (max: number): number => {
        let n = 0;
        while (n < max && isDigit(at(src, j))) {
          j--;
          n++;
        }
        return n;
      };
      const spacesBack = (): number => {
        let n = 0;
        while (n < 64 && isSpace(at(src, j))) {
          j--;
          n++;
        }
        return n;
      };
      if (!spacesBack()) continue;
      const genEnd = j + 1;
      const genDigits = digitsBack(5);
      if (!genDigits || isDigit(at(src, j))) continue;
      if (!spacesBack()) continue;
      const numEnd = j + 1;
      const numDigits = digitsBack(9);
      if (!numDigits || isRegular(at(src, j))) continue;
      const num = Number(String.fromCharCode(...src.subarray(j + 1, numEnd)));
      const gen = Number(String.fromCharCode(...src.subarray(genEnd - genDigits, genEnd)));
      found.push({ pos: j + 1, num, gen });
    }
    return found;
  }

  private walk(buf: number, start: number, end: number, label: string, inFile: boolean): void {
    const src = this.buffers[buf] ?? this.src;
    this.label = label;
    const lex = new Lexer(src, start, end, (name) => this.checkName(name));
    const parser = new Parser(lex, (dict) => this.noteDict(dict, inFile));
    let last: Value = null;
    for (;;) {
      const tok = lex.next();
      if (tok.k === 'eof') return;
      if (inFile && tok.k === 'kw' && tok.v === 'stream') {
        let dataStart = tok.end;
        while (at(src, dataStart) === 0x20) dataStart++;
        if (at(src, dataStart) === 0x0d) dataStart++;
        if (at(src, dataStart) === 0x0a) dataStart++;
        const firstEnd = nextAtOrAfter(this.endstreams, dataStart);
        if (firstEnd < 0) throw new Refusal('malformed', `${label}: a stream without endstream (the file is cut short?)`);
        if (last instanceof Map) {
          if (this.streams.length >= PDF_LIMITS.maxStreams) throw new Refusal('malformed', `more than ${PDF_LIMITS.maxStreams} streams`);
          this.streams.push({ dict: last, dataStart, firstEnd, label });
        }
        if (firstEnd + ENDSTREAM.length >= end) return;
        lex.seek(firstEnd + ENDSTREAM.length);
        last = null;
        continue;
      }
      last = parser.top(tok);
    }
  }

  private checkName(name: string): void {
    if (isActiveName(name)) throw new Refusal('active_content', `${this.label}: /${name}`);
  }

  private noteDict(dict: Dict, inFile: boolean): void {
    const type = dict.get('Type');
    if (type instanceof Name && type.v === 'Catalog') this.catalog = true;
    if (inFile && dict.has('Encrypt')) this.encrypted = true;
    const label = this.label;
    const openAction = dict.get('OpenAction');
    if (openAction !== undefined) this.openActions.push({ value: openAction, label });
    const aa = dict.get('AA');
    if (aa !== undefined) this.additionalActions.push({ value: aa, label });
    const uri = dict.get('URI');
    if (uri !== undefined) this.links.push({ value: uri, label });
  }

  // --- references --------------------------------------------------------------------------------------

  private lookup(num: number): Value[] {
    const cached = this.cache.get(num);
    if (cached) return cached;
    const places = [...this.index.find(num), ...(this.packedReady ? this.packed.find(num) : [])];
    const values = places.map(({ buf, start, end }) => {
      const lex = new Lexer(this.buffers[buf] ?? this.src, start, end, ignoreName);
      if (buf === 0) for (let k = 0; k < 3; k++) lex.next(); // N G obj
      return new Parser(lex, ignoreDict).value(lex.next());
    });
    this.cache.set(num, values);
    return values;
  }

  /** Every value a reference may stand for: all definitions, through chains of references, each object once. */
  private resolve(value: Value | undefined): Value[] {
    if (value === undefined) return [];
    if (!(value instanceof Ref)) return [value];
    const found: Value[] = [];
    const seen = new Set<number>();
    const queue = [value.num];
    for (let num = queue.pop(); num !== undefined; num = queue.pop()) {
      if (seen.has(num)) continue;
      seen.add(num);
      const values = seen.size > 64 ? [] : this.lookup(num);
      if (!values.length) found.push(new Missing(num));
      for (const v of values)
        if (v instanceof Ref) queue.push(v.num);
        else found.push(v);
    }
    return found;
  }

  private resolveLast(value: Value | undefined): Value | undefined {
    return this.resolve(value).at(-1);
  }

  private intOf(value: Value | undefined): number | undefined {
    const v = this.resolveLast(value);
    return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : undefined;
  }

  // --- streams -----------------------------------------------------------------------------------------

  private isObjectStream(stream: StreamRecord): boolean {
    return this.resolve(stream.dict.get('Type')).some((t) => t instanceof Name && t.v === 'ObjStm');
  }

  /** The stream's data: by its /Length when `endstream` follows it, else up to the first `endstream`. */
  private dataOf(stream: StreamRecord): Uint8Array {
    const { src } = this;
    const { dataStart, firstEnd } = stream;
    for (const length of this.resolve(stream.dict.get('Length'))) {
      if (typeof length !== 'number' || !Number.isInteger(length) || length < 0 || dataStart + length > src.length) continue;
      let p = dataStart + length;
      while (p < dataStart + length + 32 && isSpace(at(src, p))) p++;
      if (indexOfBytes(src.subarray(p, p + ENDSTREAM.length), ENDSTREAM, 0) === 0) return src.subarray(dataStart, dataStart + length);
    }
    let end = firstEnd;
    if (at(src, end - 1) === 0x0a) end--;
    if (at(src, end - 1) === 0x0d) end--;
    return src.subarray(dataStart, Math.max(dataStart, end));
  }

  private filtersOf(stream: StreamRecord): string[] | null {
    const value = this.resolveLast(stream.dict.get('Filter'));
    if (value === undefined || value === null) return [];
    if (isCutShort(value)) return null;
    const items = Array.isArray(value) ? value.map((v) => this.resolveLast(v)) : [value];
    const names: string[] = [];
    for (const item of items) {
      if (!(item instanceof Name)) return null;
      names.push(FILTER_NAMES[item.v] ?? item.v);
    }
    if (names.filter((n) => EXPANDING.has(n)).length > 1)
      throw new Refusal('bomb', `${stream.label}: a stream compressed twice (${names.join(', ')})`);
    return names;
  }

  /** Decodes an object stream whole (within the budget) and reads its objects like the file's own. */
  private async readObjectStream(stream: StreamRecord): Promise<void> {
    const { label } = stream;
    const filters = this.filtersOf(stream);
    if (!filters) throw new Refusal('malformed', `${label}: an object stream with an unreadable /Filter`);
    const parms = this.resolveLast(stream.dict.get('DecodeParms'));
    if (isCutShort(parms)) throw new Refusal('malformed', `${label}: an unreadable /DecodeParms`);
    const parmList = Array.isArray(parms) ? parms.map((p) => this.resolveLast(p)) : [parms];
    for (const p of parmList)
      if (p instanceof Map && (this.intOf(p.get('Predictor')) ?? 1) > 1)
        throw new Refusal('malformed', `${label}: an object stream with a predictor`);
    const data = await this.decode(this.dataOf(stream), filters, true, label);
    if (!data) throw new Refusal('malformed', `${label}: an object stream that cannot be decoded (${filters.join(', ') || 'no filter'})`);
    this.objectStreamBytes += data.length;
    if (this.objectStreamBytes > PDF_LIMITS.maxObjectStreamBytes)
      throw new Refusal('bomb', `${label}: object streams hold more than ${PDF_LIMITS.maxObjectStreamBytes} bytes of objects`);

    const count = this.intOf(stream.dict.get('N'));
    const first = this.intOf(stream.dict.get('First'));
    if (count === undefined || first === undefined || first > data.length)
      throw new Refusal('malformed', `${label}: an object stream without a valid /N and /First`);
    if (this.index.size + this.packed.size + count > PDF_LIMITS.maxObjects)
      throw new Refusal('malformed', `more than ${PDF_LIMITS.maxObjects} objects`);
    const buf = this.buffers.push(data) - 1;
    const lex = new Lexer(data, 0, first, ignoreName);
    const entries: { num: number; start: number }[] = [];
    for (let k = 0; k < count; k++) {
      const num = lex.next();
      const offset = lex.next();
      if (num.k !== 'num' || !num.int || num.v > 1e9 || offset.k !== 'num' || !offset.int || first + offset.v > data.length || offset.v < 0)
        throw new Refusal('malformed', `${label}: a broken object stream header`);
      entries.push({ num: num.v, start: first + offset.v });
    }
    // Read from every object's offset, as a reader would, each up to the next offset.
    const starts = [...new Float64Array([first, ...entries.map((e) => e.start)]).sort()].filter((v, i, all) => v !== all[i - 1]);
    const endOf = (start: number) => {
      const next = nextAtOrAfter(starts, start + 1);
      return next < 0 ? data.length : next;
    };
    for (const { num, start } of entries) this.packed.add(num, buf, start, endOf(start));
    const inside = new Map(entries.map((e) => [e.start, e.num]));
    for (const start of starts) {
      const num = inside.get(start);
      this.walk(buf, start, endOf(start), num === undefined ? label : `object ${num} (in ${label})`, false);
    }
  }

  private async countStream(stream: StreamRecord): Promise<void> {
    const filters = this.filtersOf(stream);
    if (!filters) throw new Refusal('malformed', `${stream.label}: a stream with an unreadable /Filter`);
    const data = this.dataOf(stream);
    if (data.length && filters.some((f) => EXPANDING.has(f))) await this.decode(data, filters, false, stream.label);
  }

  /**
   * Applies the filters in order, counting what the expanding ones produce against the budget. With `keep`,
   * returns the decoded bytes, or null when a filter is not supported or the data is broken; without it,
   * stops after the expanding filter (what follows only shrinks data or is an image codec) and returns null.
   */
  private async decode(data: Uint8Array, filters: readonly string[], keep: boolean, label: string): Promise<Uint8Array | null> {
    let current = data;
    for (const filter of filters) {
      if (filter === 'ASCIIHexDecode') current = asciiHex(current);
      else if (filter === 'ASCII85Decode') current = ascii85(current);
      else if (EXPANDING.has(filter)) {
        if (filter === 'FlateDecode' && !keep && current.length <= SMALL_FLATE) {
          const { size, status } = inflatedSize(current, this.cap - this.used);
          if (status !== 'bad') {
            this.spend(size, label);
            return null;
          }
        }
        const out =
          filter === 'FlateDecode'
            ? await this.inflate(current, keep, label)
            : filter === 'LZWDecode'
              ? this.lzw(current, keep, label)
              : this.runLength(current, keep, label);
        if (!keep || !out) return null;
        current = out;
      } else return null;
    }
    return keep ? current : null;
  }

  private spend(bytes: number, label: string): void {
    this.used += bytes;
    if (this.used > this.cap)
      throw new Refusal(
        'bomb',
        `${label}: the streams inflate to more than ${this.cap} bytes (the limit for a file of ${this.src.length} bytes)`,
      );
  }

  /** Flate through DecompressionStream, fed in slices small enough that one slice cannot overshoot the budget much. */
  private async inflate(data: Uint8Array, keep: boolean, label: string): Promise<Uint8Array | null> {
    const stream = new DecompressionStream('deflate');
    const writer = stream.writable.getWriter();
    const reader = stream.readable.getReader();
    const chunks: Uint8Array[] = [];
    let over: Refusal | null = null;
    let broken = false;
    const reading = (async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        try {
          this.spend(value.byteLength, label);
        } catch (error) {
          over = error as Refusal;
          await reader.cancel().catch(() => undefined);
          return;
        }
        if (keep) chunks.push(value);
      }
    })().catch(() => {
      broken = true;
    });
    const writing = (async () => {
      // Deflate expands at most ~1032×: a slice of (budget left)/2048 bytes stays within half the budget left.
      for (let offset = 0; offset < data.length && !over; ) {
        const size = Math.min(64 * 1024, Math.max(512, Math.floor((this.cap - this.used) / 2048)));
        await writer.write(data.subarray(offset, offset + size) as Uint8Array<ArrayBuffer>);
        offset += size;
      }
      if (!over) await writer.close();
    })().catch(() => {
      broken = true;
    });
    await Promise.all([reading, writing]);
    if (over) throw over;
    return broken ? null : concat(chunks);
  }

  /** LZW (7.4.4) with EarlyChange 1, counting each code's output against the budget before writing it. */
  private lzw(data: Uint8Array, keep: boolean, label: string): Uint8Array | null {
    const prefix = new Int32Array(4096);
    const suffix = new Uint8Array(4096);
    const first = new Uint8Array(4096);
    const length = new Uint16Array(4096);
    for (let i = 0; i < 256; i++) {
      prefix[i] = -1;
      suffix[i] = i;
      first[i] = i;
      length[i] = 1;
    }
    let out = new Uint8Array(keep ? Math.min(this.cap, data.length * 4 + 1024) : 0);
    let n = 0;
    const emit = (code: number) => {
      const len = length[code] ?? 0;
      this.spend(len, label);
      if (!keep) return;
      if (n + len > out.length) {
        const grown = new Uint8Array(Math.max(out.length * 2, n + len));
        grown.set(out.subarray(0, n));
        out = grown;
      }
      for (let c = code, k = n + len - 1; c >= 0; c = prefix[c] ?? -1, k--) out[k] = suffix[c] ?? 0;
      n += len;
    };
    let next = 258;
    let width = 9;
    let previous = -1;
    let bits = 0;
    let bitCount = 0;
    let i = 0;
    for (;;) {
      while (bitCount < width && i < data.length) {
        bits = ((bits << 8) | at(data, i++)) & 0xffffff;
        bitCount += 8;
      }
      if (bitCount < width) break;
      const code = (bits >>> (bitCount - width)) & ((1 << width) - 1);
      bitCount -= width;
      if (code === 256) {
        next = 258;
        width = 9;
        previous = -1;
        continue;
      }
      if (code === 257) break;
      if (previous < 0) {
        if (code > 255) return null;
        emit(code);
        previous = code;
        continue;
      }
      // An existing code, or the one being defined (its string is the previous one plus that one's first byte).
      if (code > next || code >= 4096) return null;
      const head = code < next ? (first[code] ?? 0) : (first[previous] ?? 0);
      if (next < 4096) {
        prefix[next] = previous;
        suffix[next] = head;
        first[next] = first[previous] ?? 0;
        length[next] = (length[previous] ?? 0) + 1;
        next++;
        if (next + 1 >= 1 << width && width < 12) width++;
      }
      emit(code);
      previous = code;
    }
    return keep ? out.subarray(0, n) : null;
  }

  /** RunLength (7.4.5), counted against the budget. */
  private runLength(data: Uint8Array, keep: boolean, label: string): Uint8Array | null {
    const chunks: Uint8Array[] = [];
    let i = 0;
    while (i < data.length) {
      const len = at(data, i++);
      if (len === 128) break;
      if (len < 128) {
        const run = data.subarray(i, i + len + 1);
        this.spend(run.length, label);
        if (keep) chunks.push(run);
        i += len + 1;
      } else {
        this.spend(257 - len, label);
        if (keep) chunks.push(new Uint8Array(257 - len).fill(at(data, i)));
        i++;
      }
    }
    return keep ? concat(chunks) : null;
  }

  // --- actions and links -------------------------------------------------------------------------------

  private checkOpenAction(value: Value, label: string): void {
    for (const target of this.resolve(value)) {
      if (target instanceof Missing)
        throw new Refusal('active_content', `${label}: /OpenAction points to object ${target.num}, not in the file`);
      if (target instanceof Map) this.checkAction(target, label, 'OpenAction', 0);
      // An array (a destination), a name or string (a named destination) or null only sets the view.
    }
  }

  private checkAdditionalActions(value: Value, label: string): void {
    for (const dict of this.resolve(value)) {
      if (dict instanceof Missing) throw new Refusal('active_content', `${label}: /AA points to object ${dict.num}, not in the file`);
      if (!(dict instanceof Map)) continue;
      if (cutShort.has(dict)) throw new Refusal('active_content', `${label}: /AA with more entries than can be checked`);
      for (const [event, action] of dict)
        for (const target of this.resolve(action)) {
          if (target instanceof Missing)
            throw new Refusal('active_content', `${label}: /AA /${event} points to object ${target.num}, not in the file`);
          if (target instanceof Map) this.checkAction(target, label, `AA /${event}`, 0);
        }
    }
  }

  /** A reader runs this by itself: only going to a place in this document is allowed, through /Next too. */
  private checkAction(action: Dict, label: string, trigger: string, depth: number): void {
    if (this.actionsSeen.has(action)) return; // shared through references: checked once
    this.actionsSeen.add(action);
    if (depth > 32) throw new Refusal('active_content', `${label}: /${trigger} chains more than 32 actions`);
    const kinds = this.resolve(action.get('S'));
    const kind = kinds.find((k) => !(k instanceof Name && k.v === 'GoTo'));
    if (!kinds.length || kind !== undefined) {
      const what = kind instanceof Name ? `/S /${kind.v}` : 'an action of unknown type';
      throw new Refusal('active_content', `${label}: /${trigger} runs ${what} by itself`);
    }
    const nexts = this.resolve(action.get('Next')).flatMap((next) => (Array.isArray(next) ? next.flatMap((v) => this.resolve(v)) : [next]));
    if (this.resolve(action.get('Next')).some(isCutShort))
      throw new Refusal('active_content', `${label}: /${trigger} /Next lists more actions than can be checked`);
    for (const next of nexts) {
      if (next instanceof Missing)
        throw new Refusal('active_content', `${label}: /${trigger} /Next points to object ${next.num}, not in the file`);
      if (next instanceof Map) this.checkAction(next, label, trigger, depth + 1);
    }
  }

  private checkLink(value: Value, label: string): void {
    for (const target of this.resolve(value)) {
      if (!(target instanceof Str)) continue;
      const why = badLink(stringText(target));
      if (why) throw new Refusal('active_content', `${label}: ${why}`);
    }
  }
}
