import { crc32, deflateSync } from 'node:zlib';
import { createPrng } from './prng.ts';

const WIDTH = 240;
const HEIGHT = 80;

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A small greyscale PNG of a handwritten-looking scribble, as the data URL a tablet would send:
 * the demo's "signature drawn on a tablet". Deterministic for a seed; a few kilobytes.
 */
export function scribbleSignaturePng(seed: number): string {
  const prng = createPrng(seed);
  const pixels = Buffer.alloc(WIDTH * HEIGHT, 255);
  const ink = (x: number, y: number) => {
    for (let dx = 0; dx < 2; dx++) {
      for (let dy = 0; dy < 2; dy++) {
        const px = Math.round(x) + dx;
        const py = Math.round(y) + dy;
        if (px >= 0 && px < WIDTH && py >= 0 && py < HEIGHT) pixels[py * WIDTH + px] = 20;
      }
    }
  };
  // A pen stroke: loops along a baseline whose size and slant vary like a hand's.
  const loops = prng.int(4, 7);
  const amplitude = 14 + prng.int(0, 10);
  const slant = (prng.next() - 0.5) * 0.3;
  for (let t = 0; t <= 1; t += 0.0005) {
    const phase = t * loops * 2 * Math.PI;
    const x = 14 + t * (WIDTH - 40) + 9 * Math.cos(phase);
    const y = HEIGHT / 2 + amplitude * Math.sin(phase) * (1 - 0.5 * t) + slant * (x - WIDTH / 2);
    ink(x, y);
  }
  // The underline.
  const start = prng.int(20, 50);
  for (let x = start; x < WIDTH - 15; x++) ink(x, HEIGHT - 14 + Math.sin(x / 30) * 2);

  const rows = Buffer.alloc((WIDTH + 1) * HEIGHT);
  for (let y = 0; y < HEIGHT; y++) pixels.copy(rows, y * (WIDTH + 1) + 1, y * WIDTH, (y + 1) * WIDTH);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(WIDTH, 0);
  header.writeUInt32BE(HEIGHT, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(0, 9); // greyscale
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return `data:image/png;base64,${png.toString('base64')}`;
}
