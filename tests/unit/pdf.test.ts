import { readFileSync } from 'node:fs';
import { constants, deflateSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { inflateBudget, inspectPdf, PDF_CHECKS, type PdfVerdict } from '../../functions/lib/pdf';
import { pdfCheckLabels, pdfRefusalMessages } from '../../functions/lib/pdf-messages';

// PDFs are built here, object by object, with a correct xref table: each test shows the bytes it is about.

const MiB = 1024 * 1024;
const latin1 = (text: string) => Buffer.from(text, 'latin1');
type Obj = string | { dict: string; data: Uint8Array | string };

/** Objects are numbered from 1 in order; object 1 should be the catalog. */
function pdf(objects: readonly Obj[], options: { trailer?: string; head?: string; eof?: boolean } = {}): Buffer {
  const parts: Buffer[] = [latin1(options.head ?? '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n')];
  let size = parts[0]?.length ?? 0;
  const offsets: number[] = [];
  const push = (b: Buffer) => {
    parts.push(b);
    size += b.length;
  };
  objects.forEach((obj, i) => {
    offsets.push(size);
    if (typeof obj === 'string') push(latin1(`${i + 1} 0 obj\n${obj}\nendobj\n`));
    else {
      const data = typeof obj.data === 'string' ? latin1(obj.data) : Buffer.from(obj.data);
      push(latin1(`${i + 1} 0 obj\n<< ${obj.dict} /Length ${data.length} >>\nstream\n`));
      push(data);
      push(latin1('\nendstream\nendobj\n'));
    }
  });
  const xref = size;
  const rows = offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  push(latin1(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${rows}`));
  push(latin1(`trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${options.trailer ?? ''} >>\nstartxref\n${xref}\n`));
  if (options.eof !== false) push(latin1('%%EOF\n'));
  return Buffer.concat(parts);
}

const PAGE = '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>';
const FONT = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
const PAGES = '<< /Type /Pages /Kids [3 0 R] /Count 1 >>';
const TEXT = 'BT /F1 12 Tf 72 720 Td (Shokumu keirekisho) Tj ET';

/** A one-page document; `catalog` adds entries to the catalog, `more` adds objects from number 6. */
function onePage(catalog = '', more: readonly Obj[] = [], content: Obj = { dict: '', data: TEXT }): Buffer {
  return pdf([`<< /Type /Catalog /Pages 2 0 R ${catalog} >>`, PAGES, PAGE, content, FONT, ...more]);
}

/** An object stream holding these objects, numbered from `firstNumber`. */
function objectStream(
  objects: readonly string[],
  firstNumber: number,
  filter = '/FlateDecode',
  encode: (data: Buffer) => Uint8Array = deflateSync,
): Obj {
  let body = '';
  const pairs: string[] = [];
  objects.forEach((text, i) => {
    pairs.push(`${firstNumber + i} ${body.length}`);
    body += `${text}\n`;
  });
  const header = `${pairs.join(' ')}\n`;
  return { dict: `/Type /ObjStm /N ${objects.length} /First ${header.length} /Filter ${filter}`, data: encode(latin1(header + body)) };
}

async function refused(bytes: Uint8Array, reason: string): Promise<PdfVerdict> {
  const verdict = await inspectPdf(bytes);
  expect(verdict, JSON.stringify(verdict)).toMatchObject({ ok: false, reason });
  return verdict;
}

async function accepted(bytes: Uint8Array): Promise<PdfVerdict> {
  const verdict = await inspectPdf(bytes);
  expect(verdict, JSON.stringify(verdict)).toMatchObject({ ok: true });
  return verdict;
}

/** LZW with EarlyChange 1 (PDF 32000-1, 7.4.4), for inputs too short to fill the table. */
function lzw(data: Uint8Array): Buffer {
  const table = new Map<string, number>();
  const out: number[] = [];
  let next = 258;
  let width = 9;
  let acc = 0;
  let bits = 0;
  const put = (code: number) => {
    acc = (acc << width) | code;
    bits += width;
    while (bits >= 8) {
      out.push((acc >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
    acc &= (1 << bits) - 1;
  };
  const codeOf = (s: string) => (s.length === 1 ? s.charCodeAt(0) : (table.get(s) ?? 0));
  put(256);
  let w = '';
  for (const byte of data) {
    const wc = w + String.fromCharCode(byte);
    if (w === '' || table.has(wc)) w = wc;
    else {
      put(codeOf(w));
      table.set(wc, next++);
      if (next >= 1 << width && width < 12) width++;
      w = String.fromCharCode(byte);
    }
  }
  if (w) put(codeOf(w));
  put(257);
  if (bits) out.push((acc << (8 - bits)) & 0xff);
  return Buffer.from(out);
}

/** LZW codes for a run of 'A' that grows by one byte a code until the table is full, then repeats the longest. */
function lzwRun(repeats: number): Buffer {
  const codes = [256, 65];
  for (let c = 258; c < 4096; c++) codes.push(c);
  for (let r = 0; r < repeats; r++) codes.push(4095);
  codes.push(257);
  const out: number[] = [];
  let acc = 0;
  let bits = 0;
  let width = 9;
  let next = 258;
  codes.forEach((code, i) => {
    acc = (acc << width) | code;
    bits += width;
    while (bits >= 8) {
      out.push((acc >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
    acc &= (1 << bits) - 1;
    if (i >= 2 && next < 4096) {
      next++;
      if (next + 1 >= 1 << width && width < 12) width++;
    }
  });
  if (bits) out.push((acc << (8 - bits)) & 0xff);
  return Buffer.from(out);
}

describe('inspectPdf: files people make', () => {
  it('accepts a minimal one-page PDF and lists what it checked', async () => {
    const verdict = await accepted(onePage());
    expect(verdict).toEqual({ ok: true, checks: PDF_CHECKS, inflatedBytes: 0 });
  });

  it('accepts a compressed page whose text and content operators say JavaScript, /JS and /Launch', async () => {
    const content = `BT /F1 12 Tf 72 720 Td (Skills: JavaScript, Node/JS) Tj /JavaScript BMC /Launch gs EMC ET\n${TEXT}`;
    const file = pdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      PAGES,
      PAGE,
      { dict: '/Filter /FlateDecode', data: deflateSync(latin1(content)) },
      FONT,
      '<< /Title (Node/JS engineer - JavaScript) /Producer (Writer) >>',
    ]);
    const verdict = await accepted(file);
    expect(verdict.inflatedBytes).toBe(content.length);
  });

  it('accepts a PDF printed by Chromium (Japanese text, embedded fonts, https and mailto links)', async () => {
    // Made by tests/fixtures/pdf/make-chromium-cv.mjs ("印刷→PDF").
    const file = readFileSync(new URL('../fixtures/pdf/chromium-cv.pdf', import.meta.url));
    const verdict = await accepted(file);
    expect(verdict.inflatedBytes).toBeGreaterThan(0);
  });

  it('accepts an /OpenAction that only sets the view: a destination, or a GoTo action', async () => {
    await accepted(onePage('/OpenAction [3 0 R /Fit]'));
    await accepted(onePage('/OpenAction 6 0 R', ['<< /S /GoTo /D [3 0 R /XYZ 0 842 1] /Next << /S /GoTo /D [3 0 R /Fit] >> >>']));
  });

  it('accepts an object stream (the catalog inside, as most current producers write it)', async () => {
    const file = pdf([
      objectStream(['<< /Type /Catalog /Pages 2 0 R /OpenAction [3 0 R /Fit] >>', FONT], 6),
      PAGES,
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 7 0 R >> >> >>',
      { dict: '', data: TEXT },
    ]).toString('latin1');
    await accepted(latin1(file.replace('/Root 1 0 R', '/Root 6 0 R')));
  });

  it('decodes LZW object streams: a harmless one passes, a JavaScript action inside one is found', async () => {
    const harmless = objectStream(['<< /S /GoTo /D [3 0 R /Fit] >>', FONT], 7, '/LZWDecode', lzw);
    await accepted(onePage('/OpenAction 7 0 R', [harmless]));
    const hidden = objectStream(
      ['<< /S /GoTo /D [3 0 R /Fit] /Next 8 0 R >>', '<< /S /JavaScript /JS (app.alert(1)) >>'],
      7,
      '/LZWDecode',
      lzw,
    );
    const verdict = await refused(onePage('/OpenAction 7 0 R', [hidden]), 'active_content');
    expect(verdict).toMatchObject({ detail: expect.stringContaining('JavaScript') });
  });

  it('accepts a broken content stream (readers show what they can) but not a broken object stream', async () => {
    const data = deflateSync(latin1(TEXT.repeat(50)));
    data.fill(0xff, 10, 20);
    await accepted(onePage('', [], { dict: '/Filter /FlateDecode', data }));
    const stream = objectStream(['<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>'], 7);
    if (typeof stream === 'string') throw new Error('an object stream is a stream');
    const broken = Buffer.from(stream.data);
    broken.fill(0xff, 4, 12);
    await refused(onePage('', [{ dict: stream.dict, data: broken }]), 'malformed');
  });

  it('accepts links to web pages, mail and phone, not javascript:, file: or network paths', async () => {
    const link = (uri: string) => onePage('', [`<< /Type /Annot /Subtype /Link /Rect [0 0 10 10] /A << /S /URI /URI ${uri} >> >>`]);
    await accepted(link('(https://example.jp/a?b=\\(c\\))'));
    await accepted(link('(mailto:hanako@example.jp)'));
    await accepted(link('<FEFF00740065006C003A00300033>')); // tel:03 in UTF-16
    await refused(link('(javascript:app.alert\\(1\\))'), 'active_content');
    await refused(link('( JavaScript:alert\\(1\\))'), 'active_content');
    await refused(link('(file:///C:/Windows/System32/calc.exe)'), 'active_content');
    await refused(link('(\\\\\\\\attacker.example\\\\share\\\\cv.pdf)'), 'active_content');
    await refused(link('<66696C653A2F2F612F62>'), 'active_content'); // file://a/b in hex
  });
});

describe('inspectPdf: active content', () => {
  it('refuses an /OpenAction that runs JavaScript', async () => {
    const verdict = await refused(onePage('/OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >>'), 'active_content');
    expect(verdict).toMatchObject({ detail: expect.stringMatching(/object 1 0: \/(JavaScript|JS)/) });
  });

  it('refuses the same action hidden in a compressed object stream', async () => {
    const file = onePage('/OpenAction 7 0 R', [objectStream(['<< /S /JavaScript /JS (app.alert\\(1\\)) >>'], 7)]);
    expect(file.toString('latin1')).not.toContain('JavaScript');
    const verdict = await refused(file, 'active_content');
    expect(verdict).toMatchObject({ detail: expect.stringContaining('in object 6 0') });
  });

  it('refuses names written with #xx escapes', async () => {
    await refused(onePage('/OpenAction << /S /J#61v#61Script /J#53 (app.alert\\(1\\)) >>'), 'active_content');
    await refused(onePage('/OpenAction << /S /#4C#61#75#6E#63#68 /F (calc.exe) >>'), 'active_content');
    const hidden = objectStream(['<< /S /J#61vaScript /J#53 (x) >>'], 7);
    await refused(onePage('/OpenAction 7 0 R', [hidden]), 'active_content');
  });

  it('refuses /Launch, embedded files, XFA forms, RichMedia, SubmitForm, ImportData and GoToR', async () => {
    await refused(onePage('/OpenAction << /S /Launch /F (cmd.exe) >>'), 'active_content');
    await refused(
      onePage('/Names << /EmbeddedFiles << /Names [(a.exe) 6 0 R] >> >>', [
        '<< /Type /Filespec /F (a.exe) /EF << /F 7 0 R >> >>',
        { dict: '/Type /EmbeddedFile', data: 'MZ' },
      ]),
      'active_content',
    );
    // An embedded file stream may leave out its /Type: the file specification's /EF still gives it away.
    await refused(
      onePage('', [
        '<< /Type /Annot /Subtype /Link /Rect [0 0 1 1] /A << /S /GoTo /D [3 0 R /Fit] >> /FS << /EF << /F 7 0 R >> >> >>',
        { dict: '', data: 'MZ' },
      ]),
      'active_content',
    );
    await refused(
      onePage('/AcroForm << /Fields [] /XFA 6 0 R >>', [{ dict: '', data: '<xdp:xdp xmlns:xdp="http://ns.adobe.com/xdp/"/>' }]),
      'active_content',
    );
    await refused(onePage('', ['<< /Type /Annot /Subtype /RichMedia /Rect [0 0 1 1] >>']), 'active_content');
    await refused(onePage('', ['<< /Type /Annot /Subtype /Widget /A << /S /SubmitForm /F (https://x.example/) >> >>']), 'active_content');
    await refused(onePage('', ['<< /S /ImportData /F (data.fdf) >>']), 'active_content');
    await refused(
      onePage('', ['<< /Type /Annot /Subtype /Link /A << /S /GoToR /F (\\\\\\\\host\\\\share\\\\x.pdf) /D [0 /Fit] >> >>']),
      'active_content',
    );
  });

  it('refuses an /OpenAction or /AA that does anything but move within the document', async () => {
    await refused(onePage('/OpenAction << /S /URI /URI (https://example.jp/) >>'), 'active_content');
    await refused(onePage('/OpenAction << /S /Named /N /Print >>'), 'active_content');
    await refused(onePage('/OpenAction << /S /GoTo /D [3 0 R /Fit] /Next << /S /Named /N /Print >> >>'), 'active_content');
    await refused(onePage('/AA << /WC << /S /Named /N /Quit >> >>'), 'active_content');
    await refused(onePage('/OpenAction 99 0 R'), 'active_content');
  });

  it('refuses /AA and /Next lists too long to check, and a /Filter list too long to read', async () => {
    const events = Array.from({ length: 70 }, (_, k) => `/E${k} << /S /GoTo /D [3 0 R /Fit] >>`).join(' ');
    await refused(onePage(`/AA << ${events} >>`), 'active_content');
    const next = Array.from({ length: 70 }, () => '<< /S /GoTo /D [3 0 R /Fit] >>').join(' ');
    await refused(onePage(`/OpenAction << /S /GoTo /D [3 0 R /Fit] /Next [${next}] >>`), 'active_content');
    await refused(onePage('', [{ dict: `/Filter [${'/ASCIIHexDecode '.repeat(70)}]`, data: '41>' }]), 'malformed');
  });

  it('refuses an object hidden where a simple reader would not look: inside a string, inside stream data', async () => {
    // A string left open would swallow the next object for a reader that goes through the file in order;
    // a reader that jumps to "6 0 obj" through the xref runs it.
    const swallowed = onePage('/OpenAction 6 0 R', ['(an open string'])
      .toString('latin1')
      .replace('(an open string\nendobj', '(an open string\nendobj\n6 0 obj << /S /JavaScript /JS (1) >> endobj');
    await refused(latin1(swallowed), 'active_content');
    const inStream = onePage('/OpenAction 7 0 R', [{ dict: '', data: 'q Q\n7 0 obj << /S /Launch /F (calc) >> endobj\n' }]);
    await refused(inStream, 'active_content');
  });
});

describe('inspectPdf: polyglots and headers', () => {
  it('refuses HTML before the first object, in any case', async () => {
    await refused(pdf(['<< /Type /Catalog /Pages 2 0 R >>', PAGES], { head: '%PDF-1.7\n%<HTML><Script>alert(1)</script>\n' }), 'polyglot');
    await refused(pdf(['<< /Type /Catalog /Pages 2 0 R >>', PAGES], { head: '%PDF-1.4\n<!DOCTYPE html>\n' }), 'polyglot');
  });

  it('refuses HTML or SVG anywhere, stream data included (an HTML parser reads those bytes too)', async () => {
    await refused(onePage('', [{ dict: '/Filter /FlateDecode', data: '<svg onload=alert(1)>' }]), 'polyglot');
    await refused(onePage('', [{ dict: '', data: 'x<iframe/src=//x>' }]), 'polyglot');
    await refused(onePage('', ['(<body onload=alert\\(1\\)>)']), 'polyglot');
  });

  it('does not mistake hex strings, dictionaries or XMP metadata for HTML', async () => {
    const xmp =
      '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><dc:title>CV</dc:title></rdf:RDF></x:xmpmeta><?xpacket end="w"?>';
    await accepted(onePage('/Metadata 6 0 R', [{ dict: '/Type /Metadata /Subtype /XML', data: xmp }, '<< /ID [<abcdef0123> <ABCDEF>] >>']));
  });

  it('refuses a file that does not start with %PDF-n.n at byte 0', async () => {
    const file = onePage();
    await refused(Buffer.concat([latin1(' '), file]), 'not_pdf');
    await refused(Buffer.concat([latin1('\ufeff'), file]), 'not_pdf');
    await refused(latin1('PK\x03\x04 not a pdf'), 'not_pdf');
    await refused(new Uint8Array(0), 'not_pdf');
    await refused(latin1('%PDF-'), 'not_pdf');
  });
});

describe('inspectPdf: broken and encrypted files', () => {
  it('refuses, without throwing, a file cut short in a stream or before %%EOF', async () => {
    const file = onePage('', [{ dict: '/Filter /FlateDecode', data: deflateSync(latin1(TEXT.repeat(200))) }]);
    const cut = file.indexOf('endstream', file.indexOf('/Filter')) - 20;
    await refused(file.subarray(0, cut), 'malformed');
    await refused(pdf(['<< /Type /Catalog /Pages 2 0 R >>', PAGES], { eof: false }), 'malformed');
    await refused(latin1('%PDF-1.7\n1 0 obj << /Type /Catalog'), 'malformed');
  });

  it('refuses a file without a catalog, or nested beyond reason', async () => {
    await refused(pdf(['<< /Type /Pages /Kids [] /Count 0 >>']), 'malformed');
    await refused(onePage('', [`${'['.repeat(5000)}${']'.repeat(5000)}`]), 'malformed');
  });

  it('refuses an encrypted file, asking for one without a password', async () => {
    const file = pdf(['<< /Type /Catalog /Pages 2 0 R >>', PAGES, '<< /Filter /Standard /V 2 /R 3 /O <00> /U <00> /P -4 >>'], {
      trailer: '/Encrypt 3 0 R /ID [<01><01>]',
    });
    await refused(file, 'encrypted');
  });

  it('stays fast on structures built to make a parser slow', async () => {
    const started = performance.now();
    // Half a million hex strings that never close, and as many open arrays.
    await inspectPdf(onePage('', ['< '.repeat(500_000)]));
    expect(await inspectPdf(onePage('', ['['.repeat(1_000_000)]))).toMatchObject({ ok: false, reason: 'malformed' });
    // Actions whose /Next lists the next one twice, 30 deep (2^30 paths), and references defined many times over.
    const actions = Array.from({ length: 30 }, (_, k) => `<< /S /GoTo /D [3 0 R /Fit] /Next [${k + 7} 0 R ${k + 7} 0 R] >>`);
    await accepted(onePage('/OpenAction 6 0 R', [...actions, 'null']));
    const twice = onePage('/OpenAction 6 0 R', ['7 0 R', '8 0 R', '6 0 R']).toString('latin1');
    const redefined = twice.replace('\nxref', `\n${'6 0 obj 7 0 R endobj\n7 0 obj 6 0 R endobj\n'.repeat(5000)}xref`);
    await inspectPdf(latin1(redefined));
    // An object stream that declares 99,000 objects (100,000 is the limit).
    const many = Array.from({ length: 99_000 }, () => 'null');
    await accepted(onePage('', [objectStream(many, 7)]));
    // …and one whose objects all claim the same large offset.
    const same = `${Array.from({ length: 50_000 }, (_, k) => `${k + 7} 0`).join(' ')}\n`;
    const sameData = deflateSync(latin1(`${same}<< ${'/A 1 '.repeat(100_000)}>>`));
    await accepted(onePage('', [{ dict: `/Type /ObjStm /N 50000 /First ${same.length} /Filter /FlateDecode`, data: sameData }]));
    expect(performance.now() - started).toBeLessThan(5000);
  }, 20_000);

  it('never throws on garbage', async () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed >>> 24;
    };
    for (let n = 0; n < 30; n++) {
      const junk = Uint8Array.from({ length: 4000 }, random);
      const file = Buffer.concat([latin1('%PDF-1.7\n'), junk, latin1('\n1 0 obj << /Type /Catalog >> stream\n'), junk]);
      const verdict = await inspectPdf(file);
      expect(typeof verdict.ok).toBe('boolean');
    }
  });
});

describe('inspectPdf: decompression bombs', () => {
  it('has a budget of 100× the file, at least 16 MiB, at most 64 MiB', () => {
    expect(inflateBudget(50_000)).toBe(16 * MiB);
    expect(inflateBudget(300_000)).toBe(30_000_000);
    expect(inflateBudget(5 * MiB)).toBe(64 * MiB);
    expect(inflateBudget(5 * MiB, { maxInflatedBytes: MiB })).toBe(MiB);
  });

  it('refuses a small file that inflates to 50 MB, quickly, having inflated no more than the budget', async () => {
    const file = onePage('', [{ dict: '/Filter /FlateDecode', data: deflateSync(Buffer.alloc(50 * MiB, 0x20)) }]);
    expect(file.length).toBeLessThan(100_000);
    const started = performance.now();
    const verdict = await refused(file, 'bomb');
    expect(performance.now() - started).toBeLessThan(2000);
    expect(verdict.inflatedBytes).toBeGreaterThan(inflateBudget(file.length));
    expect(verdict.inflatedBytes).toBeLessThanOrEqual(inflateBudget(file.length) + MiB);
  });

  it('counts all streams together, and refuses a stream compressed twice', async () => {
    const fiveMegabytes = deflateSync(Buffer.alloc(5 * MiB));
    const parts = Array.from({ length: 10 }, () => ({ dict: '/Filter /FlateDecode', data: fiveMegabytes }));
    await refused(onePage('', parts), 'bomb');
    const twice = deflateSync(deflateSync(Buffer.alloc(MiB)));
    await refused(onePage('', [{ dict: '/Filter [/FlateDecode /FlateDecode]', data: twice }]), 'bomb');
  });

  it('refuses a bomb in an object stream, in ASCII85 around Flate, and in LZW', async () => {
    await refused(onePage('', [objectStream([`(${' '.repeat(20 * MiB)})`], 7)]), 'bomb');
    const a85 = (data: Buffer) => {
      let out = '';
      for (let i = 0; i < data.length; i += 4) {
        const group = data.subarray(i, i + 4);
        let value = 0;
        for (let k = 0; k < 4; k++) value = value * 256 + (group[k] ?? 0);
        const digits: string[] = [];
        for (let k = 0; k < 5; k++) {
          digits.unshift(String.fromCharCode(33 + (value % 85)));
          value = Math.floor(value / 85);
        }
        out += digits.slice(0, group.length + 1).join('');
      }
      return `${out}~>`;
    };
    const wrapped = a85(deflateSync(Buffer.alloc(20 * MiB)));
    await refused(onePage('', [{ dict: '/Filter [/ASCII85Decode /FlateDecode]', data: wrapped }]), 'bomb');
    await refused(onePage('', [{ dict: '/Filter /LZWDecode', data: lzwRun(3000) }]), 'bomb');
  }, 20_000);

  it('counts exactly what streams inflate to, whatever the compressor did, and what a cut stream still gives', async () => {
    let seed = 3;
    const random = (n: number) => {
      seed = (seed * 1664525 + 1013904223) >>> 0;
      return (seed >>> 16) % n;
    };
    const words = ['職務', 'keireki', ' ', '\n', 'BT /F1 12 Tf', '(2026) Tj', 'ET', '0 0 1 rg'];
    const sample = (size: number) => {
      const parts: Buffer[] = [];
      let length = 0;
      while (length < size) {
        const kind = random(3);
        const part =
          kind === 0
            ? Buffer.from(words[random(words.length)] ?? '')
            : kind === 1
              ? Buffer.alloc(random(600), random(256))
              : Buffer.from(Uint8Array.from({ length: random(40) }, () => random(256)));
        parts.push(part);
        length += part.length;
      }
      return Buffer.concat(parts).subarray(0, size);
    };
    const { Z_DEFAULT_STRATEGY, Z_FILTERED, Z_HUFFMAN_ONLY, Z_RLE, Z_FIXED, Z_SYNC_FLUSH } = constants;
    for (const size of [0, 1, 300, 20_000, 200_000])
      for (const level of [0, 1, 6, 9])
        for (const strategy of [Z_DEFAULT_STRATEGY, Z_FILTERED, Z_HUFFMAN_ONLY, Z_RLE, Z_FIXED]) {
          const text = sample(size);
          const data = deflateSync(text, { level, strategy });
          const whole = await inspectPdf(onePage('', [{ dict: '/Filter /FlateDecode', data }]));
          expect(whole, `size ${size}, level ${level}, strategy ${strategy}`).toMatchObject({ ok: true, inflatedBytes: size });
          const cut = data.subarray(0, Math.floor(data.length * 0.6));
          const partial = await inspectPdf(onePage('', [{ dict: '/Filter /FlateDecode', data: cut }]));
          // zlib's own answer; the runtime's DecompressionStream may drop its last chunk (16 KiB) of a cut stream.
          const expected = cut.length > 2 ? inflateSync(cut, { finishFlush: Z_SYNC_FLUSH }).length : 0;
          expect(partial, `cut: size ${size}, level ${level}, strategy ${strategy}`).toMatchObject({ ok: true });
          expect(partial.inflatedBytes).toBeLessThanOrEqual(expected);
          expect(partial.inflatedBytes).toBeGreaterThanOrEqual(expected - 16 * 1024);
        }
  }, 30_000);

  it('refuses object streams holding more than 8 MiB of objects, even within the budget', async () => {
    const big = objectStream([`(${'x'.repeat(9 * MiB)})`], 7);
    const verdict = await refused(onePage('', [big]), 'bomb');
    expect(verdict).toMatchObject({ detail: expect.stringContaining('object streams hold more than') });
  });

  it('honours a lower limit given by the caller', async () => {
    const file = onePage('', [{ dict: '/Filter /FlateDecode', data: deflateSync(Buffer.alloc(2 * MiB)) }]);
    expect(await inspectPdf(file)).toMatchObject({ ok: true });
    expect(await inspectPdf(file, { maxInflatedBytes: MiB })).toMatchObject({ ok: false, reason: 'bomb' });
  });

  it('inspects a 5 MB PDF with forty compressed pages and images in well under a second of CPU', async () => {
    let seed = 1;
    const noise = (length: number, spread: number) =>
      Uint8Array.from({ length }, () => {
        seed = (seed * 1664525 + 1013904223) >>> 0;
        return 128 + ((seed >>> 24) % spread);
      });
    const objects: Obj[] = ['<< /Type /Catalog /Pages 2 0 R >>', ''];
    const kids: string[] = [];
    for (let p = 0; p < 40; p++) {
      const n = objects.length + 1;
      kids.push(`${n} 0 R`);
      objects.push(
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents ${n + 1} 0 R /Resources << /Font << /F1 ${n + 3} 0 R >> /XObject << /Im1 ${n + 2} 0 R >> >> >>`,
        { dict: '/Filter /FlateDecode', data: deflateSync(latin1(`${TEXT} (page ${p}) Tj\n`.repeat(300))) },
        {
          dict: '/Type /XObject /Subtype /Image /Width 500 /Height 400 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode',
          data: deflateSync(noise(500 * 400, 12)),
        },
        FONT,
      );
    }
    objects[1] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count 40 >>`;
    objects.push({ dict: '/Type /XObject /Subtype /Image /Width 1000 /Height 1000 /Filter /DCTDecode', data: noise(1_000_000, 256) });
    const file = pdf(objects);
    expect(file.length).toBeGreaterThan(4.5 * MiB);
    expect(file.length).toBeLessThan(5.2 * MiB);
    const cpu = process.cpuUsage();
    const verdict = await accepted(file);
    const { user, system } = process.cpuUsage(cpu);
    expect((user + system) / 1000).toBeLessThan(1000);
    expect(verdict.inflatedBytes).toBeGreaterThan(8_000_000);
  });
});

describe('the Japanese words', () => {
  it('has a message for every refusal and a label for every check', () => {
    for (const text of Object.values(pdfRefusalMessages)) expect(text).toMatch(/PDF/);
    expect(Object.keys(pdfCheckLabels)).toEqual([...PDF_CHECKS]);
  });
});
