import { inflateSync } from 'node:zlib';

/**
 * The text a PDF of ours shows, for tests: pdfmake (through PDFKit) writes each run of text as
 * glyph ids of an embedded font subset, in compressed content streams, and gives each font a
 * ToUnicode map back to the characters. This reads exactly that shape (objects, Flate streams,
 * `/Fn size Tf` then `<hex>` strings shown by Tj/TJ), not any PDF. The text objects drawn at one height
 * make a line.
 */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const objects = new Map<string, { dict: string; stream?: string }>();
  const object = /(\d+) 0 obj\s*([\s\S]*?)endobj/g;
  for (let m = object.exec(raw); m; m = object.exec(raw)) {
    const body = m[2]!;
    const at = body.indexOf('stream');
    if (at < 0) {
      objects.set(m[1]!, { dict: body });
      continue;
    }
    const dict = body.slice(0, at);
    let data = Buffer.from(body.slice(at + 'stream'.length).replace(/^\r?\n/, ''), 'latin1');
    const length = /\/Length (\d+)(?! \d+ R)/.exec(dict);
    if (length) data = data.subarray(0, Number(length[1]));
    const stream = (dict.includes('/FlateDecode') ? inflateSync(data) : data).toString('latin1');
    objects.set(m[1]!, { dict, stream });
  }

  // Each font resource name (F1, F2…) to the characters of its glyph ids.
  const fonts = new Map<string, Map<number, string>>();
  for (const { dict } of objects.values())
    for (const f of dict.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
      const font = objects.get(f[2]!);
      const toUnicode = font && /\/ToUnicode (\d+) 0 R/.exec(font.dict);
      const cmap = toUnicode && objects.get(toUnicode[1]!)?.stream;
      if (cmap && !fonts.has(f[1]!)) fonts.set(f[1]!, unicodeMap(cmap));
    }

  // pdfmake draws each word (with its space) as its own text object: those at one height make a line.
  const lines: string[] = [];
  let lastY: string | undefined;
  for (const { dict, stream } of objects.values()) {
    if (!stream || dict.includes('/Subtype') || !stream.includes('BT')) continue;
    for (const block of stream.matchAll(/BT([\s\S]*?)ET/g)) {
      const y = /([\d.-]+) Tm/.exec(block[1]!)?.[1];
      if (y === undefined || y !== lastY || lines.length === 0) lines.push('');
      lastY = y;
      let font: Map<number, string> | undefined;
      for (const token of block[1]!.matchAll(/\/(F\d+) [\d.]+ Tf|<([0-9a-fA-F]*)>/g)) {
        if (token[1]) font = fonts.get(token[1]);
        else if (font)
          for (let i = 0; i + 4 <= token[2]!.length; i += 4)
            lines[lines.length - 1] += font.get(parseInt(token[2]!.slice(i, i + 4), 16)) ?? '';
      }
    }
  }
  return lines.join('\n');
}

/** A ToUnicode CMap as PDFKit writes it: `<start> <end> [<u> <u>…]` ranges (and `bfchar` pairs). */
function unicodeMap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const chars = (hex: string) =>
    String.fromCharCode(...(hex.match(/[0-9a-fA-F]{4}/g) ?? []).map((h) => parseInt(h, 16)));
  for (const range of cmap.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*\[([^\]]*)\]/g)) {
    const start = parseInt(range[1]!, 16);
    [...range[3]!.matchAll(/<([^>]*)>/g)].forEach((u, i) => map.set(start + i, chars(u[1]!)));
  }
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const pair of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g))
      map.set(parseInt(pair[1]!, 16), chars(pair[2]!));
  return map;
}
