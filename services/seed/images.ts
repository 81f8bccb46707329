import sharp from 'sharp';

const PALETTES = [
  ['#0b5d3b', '#3fa37a', '#e7f3ec'],
  ['#1d4e89', '#4f8fc0', '#e6eef7'],
  ['#7a3e00', '#d98a2b', '#fbf0e1'],
  ['#5b2a86', '#9b6fc7', '#f1eaf8'],
  ['#8a1c2b', '#d2545f', '#fae8ea'],
];

/**
 * An abstract illustration made for the demo (gradient, circles, lines): no text, so it needs no
 * fonts, and nothing is downloaded. Deterministic for a given seed.
 */
export async function demoIllustration(seed: number, width = 1600, height = 900): Promise<Buffer> {
  const [dark, mid, light] = PALETTES[seed % PALETTES.length]!;
  const rand = (n: number) => {
    const x = Math.sin(seed * 97 + n * 13.37) * 10000;
    return x - Math.floor(x);
  };
  const circles = Array.from({ length: 7 }, (_, i) => {
    const r = 60 + rand(i) * 220;
    return `<circle cx="${(rand(i + 10) * width).toFixed(0)}" cy="${(rand(i + 20) * height).toFixed(0)}" r="${r.toFixed(0)}" fill="${i % 2 ? mid : light}" fill-opacity="${(0.25 + rand(i + 30) * 0.5).toFixed(2)}"/>`;
  }).join('');
  const lines = Array.from({ length: 9 }, (_, i) => {
    const y = ((i + 1) * height) / 10;
    return `<path d="M0 ${y.toFixed(0)} Q ${(width / 2).toFixed(0)} ${(y + (rand(i + 40) - 0.5) * 300).toFixed(0)} ${width} ${y.toFixed(0)}" stroke="${light}" stroke-opacity="0.35" stroke-width="3" fill="none"/>`;
  }).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${dark}"/><stop offset="1" stop-color="${mid}"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/>${circles}${lines}</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}
