/**
 * Hostile text for the Worker tests: the Big List of Naughty Strings, Japanese-specific cases, HTML and SQL
 * injection, and JSON values of the wrong type.
 */
// `import blns from 'big-list-of-naughty-strings/blns.json'` fails in workerd with "SyntaxError: Invalid or
// unexpected token": entry 144 is " test " wrapped in U+2029 (PARAGRAPH SEPARATOR), and the JSON module the
// plugin hands to workerd does not survive it. The raw text, parsed here, has every entry.
import blnsText from 'big-list-of-naughty-strings/blns.json?raw';

export const blns: readonly string[] = JSON.parse(blnsText) as string[];

export interface Case {
  label: string;
  value: string;
}

const c = (label: string, value: string): Case => ({ label, value });

/** Text a Japanese applicant, a Japanese input method or a hostile client can produce. */
export const japanese: readonly Case[] = [
  c('full-width latin and digits', 'ＡＢＣ　ｘｙｚ　１２３'),
  c('half-width katakana', 'ｶﾀｶﾅ ﾃｽﾄ'),
  c('half-width katakana with voiced marks', 'ﾔﾏﾀﾞ ｼﾞﾛｳ'),
  c('NFD kana (か + combining dakuten)', 'か\u3099'),
  c('NFD katakana name', 'ヤマタ\u3099 シ\u3099ロウ'),
  c('NFC kana', 'が'),
  c('compatibility kanji U+FA19', '\uFA19田 一郎'),
  c('surrogate-pair kanji 𠮷', '𠮷野 家子'),
  c('ideographic variation sequence 葛󠄀', '葛\u{E0100}飾 花子'),
  c('wave dash and full-width tilde', '〜～'),
  c('zero-width space inside', '練馬\u200B花子'),
  c('BOM at start', '\uFEFF練馬 花子'),
  c('BOM inside', '練\uFEFF馬'),
  c('zero-width joiner / non-joiner', 'a\u200Db\u200Cc'),
  c('bidi override U+202E', '\u202E子花 馬練'),
  c('bidi isolates', '\u2067練馬\u2069 abc'),
  c('emoji', '😀🎌🗾'),
  c('emoji ZWJ family', '👩\u200D👩\u200D👧\u200D👦'),
  c('flag (regional indicators)', '🇯🇵'),
  c('emoji with skin tone and variation selector', '👍🏽✌️'),
  c('lone high surrogate', 'a\uD800b'),
  c('lone low surrogate', 'a\uDC00b'),
  c('high surrogate at the end', '練馬\uD83D'),
  c('reversed pair', '\uDE00\uD83D'),
  c('NUL', 'a\u0000b'),
  c('C1 control', 'a\u0085b'),
  c('DEL', 'a\u007Fb'),
  c('tab', 'a\tb'),
  c('LF', '一行目\n二行目'),
  c('CR', '一行目\r二行目'),
  c('CRLF', '一行目\r\n二行目'),
  c('CR/LF mix', 'a\r\nb\nc\rd\n\re\r\r\n'),
  c('trailing CRLF', '志望動機です。\r\n'),
  c('line and paragraph separators', 'a\u2028b\u2029c'),
  c('ideographic space only', '\u3000'),
  c('ideographic spaces around', '\u3000練馬 花子\u3000'),
  c('very long furigana (10,000 chars)', 'ア'.repeat(10_000)),
  c('very long text (10,000 chars)', '練'.repeat(10_000)),
  c('exactly 50 kanji', '練'.repeat(50)),
  c('50 emoji (surrogate pairs)', '😀'.repeat(50)),
];

/** Injection attempts: HTML, script, attributes, SQL, template and format strings. */
export const injection: readonly Case[] = [
  c('script tag', '<script>alert(1)</script>'),
  c('attribute break-out with onerror', '"><img src=x onerror=alert(1)>'),
  c('single-quote break-out', "'><svg onload=alert(1)>"),
  c('javascript: URL', 'javascript:alert(1)'),
  c('closing textarea/title', '</textarea></title><script>alert(1)</script>'),
  c('HTML comment', '<!-- x --><script>alert(1)</script>'),
  c('entity-encoded', '&lt;script&gt;alert(1)&lt;/script&gt;'),
  c('SQL: drop table', "'; DROP TABLE applications; --"),
  c('SQL: or 1=1', "' OR '1'='1"),
  c('SQL: union', '1 UNION SELECT payload FROM registrations --'),
  c('SQL: json_extract', "x', json_extract(payload, '$.email')) --"),
  c('SQL: comment and quote', '"; /* */ --'),
  c('replacement pattern $&', '氏名$&です'),
  c("replacement pattern $'", "氏名$'です"),
  c('replacement pattern $`', '氏名$`です'),
  c('replacement pattern $$', '$$'),
  c('placeholder text', '__WORKER_BODY__ __WORKER_TITLE__'),
  // biome-ignore lint/suspicious/noTemplateCurlyInString: hostile text that looks like a template, on purpose
  c('template literal', '${process.env}'),
  c('printf', '%s%s%s%n'),
  c('percent-encoding', '%00%0d%0a%3Cscript%3E'),
  c('backslashes and quotes', '\\"\\\'\\\\'),
  c('CRLF header injection', 'x\r\nSet-Cookie: a=b'),
];

/** Field names that a hostile client may send (each echoed in the refusal). */
export const hostileNames: readonly string[] = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'; DROP TABLE applications; --",
  '氏名$`です',
  '氏名$&です',
  '$$',
  '__WORKER_BODY__',
  '\u202Eeman',
  '😀'.repeat(30),
];

/** JSON values of the wrong type, for every kind of field. */
export const wrongTypes: readonly unknown[] = [null, 0, -1, 1e308, true, false, [], ['a'], {}, { toString: 'x' }, [[[[]]]], '', ' '];
