import { describe, expect, it } from 'vitest';
import { inflateBudget, inspectPdf } from '../../functions/lib/pdf';

// The CV inspection inside workerd, with the DecompressionStream production uses (tests/unit/pdf.test.ts has
// the full set in Node). The streams here are large enough to go through DecompressionStream, not the counter.

const MiB = 1024 * 1024;
const bytes = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

async function deflate(data: Uint8Array): Promise<Uint8Array> {
  const compressed = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('deflate'));
  return new Uint8Array(await new Response(compressed).arrayBuffer());
}

/** Numbered from 1; object 1 is the catalog. Readers need the xref table, this inspection does not. */
function pdf(objects: readonly (string | { dict: string; data: Uint8Array })[]): Uint8Array {
  const parts: Uint8Array[] = [bytes('%PDF-1.7\n')];
  objects.forEach((obj, i) => {
    if (typeof obj === 'string') parts.push(bytes(`${i + 1} 0 obj\n${obj}\nendobj\n`));
    else
      parts.push(bytes(`${i + 1} 0 obj\n<< ${obj.dict} /Length ${obj.data.length} >>\nstream\n`), obj.data, bytes('\nendstream\nendobj\n'));
  });
  parts.push(bytes(`trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\n%%EOF\n`));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

const PAGE = ['<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>'];

/** Bytes that deflate does not shrink much. */
function noise(length: number): Uint8Array {
  let seed = 5;
  return Uint8Array.from({ length }, () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed >>> 24;
  });
}

describe('inspectPdf in workerd', () => {
  it('accepts a page with a large compressed image and counts it exactly', async () => {
    const image = await deflate(noise(300_000));
    expect(image.length).toBeGreaterThan(64 * 1024);
    const file = pdf(['<< /Type /Catalog /Pages 2 0 R >>', ...PAGE, { dict: '/Filter /FlateDecode', data: image }]);
    expect(await inspectPdf(file)).toMatchObject({ ok: true, inflatedBytes: 300_000 });
  });

  it('tolerates a large content stream cut short, without throwing', async () => {
    const image = await deflate(noise(300_000));
    const file = pdf(['<< /Type /Catalog /Pages 2 0 R >>', ...PAGE, { dict: '/Filter /FlateDecode', data: image.subarray(0, 100_000) }]);
    const verdict = await inspectPdf(file);
    expect(verdict.ok).toBe(true);
    expect(verdict.inflatedBytes).toBeLessThan(300_000);
  });

  it('finds a JavaScript action in a compressed object stream', async () => {
    const header = '5 0\n';
    const packed = await deflate(bytes(`${header}<< /S /JavaScript /JS (app.alert(1)) >>\n`));
    const file = pdf([
      '<< /Type /Catalog /Pages 2 0 R /OpenAction 5 0 R >>',
      ...PAGE,
      'null',
      { dict: `/Type /ObjStm /N 1 /First ${header.length} /Filter /FlateDecode`, data: packed },
    ]);
    expect(await inspectPdf(file)).toMatchObject({ ok: false, reason: 'active_content' });
  });

  it('refuses a 50 MB deflate bomb having inflated no more than the budget', async () => {
    const bomb = await deflate(new Uint8Array(50 * MiB));
    expect(bomb.length).toBeGreaterThan(16 * 1024);
    const file = pdf(['<< /Type /Catalog /Pages 2 0 R >>', ...PAGE, { dict: '/Filter /FlateDecode', data: bomb }]);
    const verdict = await inspectPdf(file);
    expect(verdict).toMatchObject({ ok: false, reason: 'bomb' });
    expect(verdict.inflatedBytes).toBeLessThanOrEqual(inflateBudget(file.length) + MiB);
  });
});
