/**
 * Reads a submission in any of the forms a browser or an island sends (URL-encoded, multipart with a file,
 * JSON) into one plain object, refusing what is too big, of the wrong type or unreadable with a 4xx.
 */
import { FieldNameConflict, unflatten } from '../../src/lib/unflatten';
import { Problem } from './problem';

export interface Submission {
  /** How to answer: a page for a form post, JSON for JSON. */
  kind: 'form' | 'json';
  fields: Record<string, unknown>;
  files: Record<string, File>;
}

const FORM = 'application/x-www-form-urlencoded';
const MULTIPART = 'multipart/form-data';
const JSON_TYPE = 'application/json';

export function mediaType(request: Request): string {
  return (request.headers.get('Content-Type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** JSON callers get JSON back; everything else is a browser form. */
export const answersInJson = (request: Request) =>
  mediaType(request) === JSON_TYPE || (request.headers.get('Accept') ?? '').startsWith(JSON_TYPE);

/** A byte limit as a person reads it: 4KB, 32KB, 5.3MB. */
export function sizeText(bytes: number): string {
  const mb = bytes / 1024 / 1024;
  if (mb >= 1) return `${Number.isInteger(mb) ? mb : mb.toFixed(1)}MB`;
  return `${Math.floor(bytes / 1024)}KB`;
}

/** The 413 message, true to the route: its real limit, and an attachment only where the form has one. */
export const tooLargeMessage = (maxBytes: number, withFile: boolean) =>
  withFile
    ? `送信内容が大きすぎます（上限 ${sizeText(maxBytes)}）。添付ファイルを小さくしてから、もう一度送信してください`
    : `送信内容が大きすぎます（上限 ${sizeText(maxBytes)}）。入力した内容を短くしてから、もう一度送信してください`;

/** The whole body, refused with 413 as soon as it passes `maxBytes` (from Content-Length before reading anything). */
async function readLimited(request: Request, maxBytes: number, withFile: boolean): Promise<Uint8Array> {
  const tooBig = new Problem(413, 'too_large', tooLargeMessage(maxBytes, withFile));
  const declared = Number(request.headers.get('Content-Length') ?? 'NaN');
  if (Number.isFinite(declared) && declared > maxBytes) throw tooBig;
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooBig;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

const unreadable = () => new Problem(400, 'unreadable', '送信内容を読み取れませんでした。ページを読み込み直して、もう一度送信してください');

export async function readSubmission(
  request: Request,
  { maxBytes, fileFields = [] }: { maxBytes: number; fileFields?: string[] },
): Promise<Submission> {
  const type = mediaType(request);
  if (type !== FORM && type !== MULTIPART && type !== JSON_TYPE) {
    throw new Problem(415, 'unsupported_type', '送信形式に対応していません。フォームから送信してください');
  }
  const body = await readLimited(request, maxBytes, fileFields.length > 0);

  if (type === JSON_TYPE) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(body));
    } catch {
      throw unreadable();
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw unreadable();
    return { kind: 'json', fields: parsed as Record<string, unknown>, files: {} };
  }

  let form: FormData;
  try {
    form = await new Response(body, { headers: { 'Content-Type': request.headers.get('Content-Type') ?? type } }).formData();
  } catch {
    throw unreadable();
  }
  // The form parser replaces bytes that are not UTF-8 with U+FFFD; refuse rather than store a changed text.
  if (type === FORM && !isUtf8Form(body)) throw unreadable();
  const flat: Record<string, unknown> = {};
  const files: Record<string, File> = {};
  for (const [key, value] of form.entries()) {
    if (key in flat || key in files)
      throw new Problem(400, 'duplicate_field', `項目「${key.slice(0, 40)}」が重複して送信されました。ページを読み込み直してください`);
    if (fileFields.includes(key) && value === '') continue; // an empty file input arrives as an empty string part
    if (typeof value === 'string') {
      if (type === MULTIPART && value.includes('\uFFFD') && !containsReplacementChar(body)) throw unreadable();
      flat[key] = value;
    } else if (fileFields.includes(key)) {
      // An empty file input still sends a part with no name and no bytes.
      if (value.size > 0 || value.name) files[key] = value;
    } else throw new Problem(400, 'unexpected_file', `項目「${key.slice(0, 40)}」にはファイルを添付できません`);
  }
  try {
    return { kind: 'form', fields: unflatten(flat), files };
  } catch (e) {
    if (e instanceof FieldNameConflict)
      throw new Problem(400, 'field_conflict', `項目「${e.field.slice(0, 40)}」の名前が正しくありません。ページを読み込み直してください`);
    throw e;
  }
}

/** Whether every percent-escaped value of a URL-encoded body is valid UTF-8. */
function isUtf8Form(body: Uint8Array): boolean {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const text = new TextDecoder('latin1').decode(body);
  for (const piece of text.split(/[&=]/)) {
    const bytes: number[] = [];
    const plain = piece.replaceAll('+', ' ');
    for (let i = 0; i < plain.length; i++) {
      if (plain[i] === '%' && /^[0-9a-fA-F]{2}$/.test(plain.slice(i + 1, i + 3))) {
        bytes.push(Number.parseInt(plain.slice(i + 1, i + 3), 16));
        i += 2;
      } else bytes.push(plain.charCodeAt(i));
    }
    try {
      decoder.decode(new Uint8Array(bytes));
    } catch {
      return false;
    }
  }
  return true;
}

/** Whether the raw body really carries U+FFFD (EF BF BD), as opposed to one the parser put in. */
function containsReplacementChar(body: Uint8Array): boolean {
  for (let i = 0; i + 2 < body.length; i++) if (body[i] === 0xef && body[i + 1] === 0xbf && body[i + 2] === 0xbd) return true;
  return false;
}
