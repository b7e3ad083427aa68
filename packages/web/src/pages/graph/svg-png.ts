/** Pixels a PNG export may hold: well inside what a browser's canvas can draw. */
const MOST_PIXELS = 64_000_000;

/**
 * The chart's framed SVG drawn as a PNG (twice its size, for print, unless that would be too
 * large), so the image carries the same title, key and protective marking as the vector copy.
 */
export async function svgAsPng(svg: string, scale = 2): Promise<Blob> {
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await image.decode();
  const [width, height] = [image.naturalWidth, image.naturalHeight];
  const fit = Math.min(scale, Math.sqrt(MOST_PIXELS / Math.max(1, width * height)));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * fit);
  canvas.height = Math.round(height * fit);
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The chart image could not be drawn'))), 'image/png'),
  );
}
