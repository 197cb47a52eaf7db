/** Reference numbers, secret tokens and their hashes. */

// 31 symbols without 0/O, 1/I/L: nothing a person can misread or mishear.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** e.g. "K7QM-4TXA": 8 symbols from 31 (≈ 40 bits), unguessable and easy to read aloud. */
export function newReference(): string {
  // 248 = 8 × 31: bytes at or above it are skipped so every symbol is equally likely.
  let chars = '';
  while (chars.length < 8) {
    for (const b of crypto.getRandomValues(new Uint8Array(16))) if (b < 248 && chars.length < 8) chars += ALPHABET[b % ALPHABET.length];
  }
  return `${chars.slice(0, 4)}-${chars.slice(4)}`;
}

/** A URL-safe random token of 32 bytes. */
export function newToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');
}

/** Whether a value from a link or a form has the shape of a token from newToken (else it is never looked up). */
export const isToken = (value: unknown): value is string => typeof value === 'string' && /^[A-Za-z0-9_-]{40,64}$/.test(value);

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
