/**
 * The check-in QR code: a link counter staff open by scanning it with the tablet's camera
 * (any QR app opens links), so the desk needs no camera code of its own. Drawn from the
 * module matrix of `qrcode`: SVG for pages (a few hundred bytes), PNG for mails (mail clients
 * do not show SVG).
 */
import QRCode from 'qrcode';
import { PNG } from 'pngjs';

export function checkInUrl(origin: string, reference: string): string {
  return `${origin}/staff/checkin/${reference}`;
}

function matrix(text: string): { size: number; dark: (x: number, y: number) => boolean } {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return { size: modules.size, dark: (x, y) => modules.get(y, x) === 1 };
}

const QUIET = 4;

export function qrSvg(text: string, label: string): string {
  const { size, dark } = matrix(text);
  let path = '';
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) if (dark(x, y)) path += `M${x + QUIET} ${y + QUIET}h1v1h-1z`;
  const full = size + 2 * QUIET;
  const escaped = label.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${full} ${full}" role="img" aria-label="${escaped}" shape-rendering="crispEdges"><rect width="100%" height="100%" fill="#fff"/><path d="${path}" fill="#000"/></svg>`;
}

/** A PNG (base64) with `scale` pixels per module. */
export function qrPngBase64(text: string, scale = 6): string {
  const { size, dark } = matrix(text);
  const full = (size + 2 * QUIET) * scale;
  const png = new PNG({ width: full, height: full, colorType: 0, inputColorType: 0, bitDepth: 8, inputHasAlpha: false });
  for (let py = 0; py < full; py++)
    for (let px = 0; px < full; px++) {
      const x = Math.floor(px / scale) - QUIET;
      const y = Math.floor(py / scale) - QUIET;
      const on = x >= 0 && y >= 0 && x < size && y < size && dark(x, y);
      png.data[py * full + px] = on ? 0 : 255;
    }
  return PNG.sync.write(png, { colorType: 0, inputColorType: 0, inputHasAlpha: false }).toString('base64');
}
