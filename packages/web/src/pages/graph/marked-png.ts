import type { ProtectiveMarking } from '@harbour/contract';

/** Pixels of the band above and below a chart image that holds its marking (the image is drawn at scale 2). */
const BAND = 80;

/** A chart image with its protective marking centred in a white band above and below it, as on paper. */
export async function markedPng(image: Blob, marking: ProtectiveMarking): Promise<Blob> {
  const bitmap = await createImageBitmap(image);
  const canvas = document.createElement('canvas');
  canvas.width = bitmap.width;
  canvas.height = bitmap.height + 2 * BAND;
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(bitmap, 0, BAND);
  context.fillStyle = '#0b0c0c';
  context.font = 'bold 32px Arial, sans-serif';
  context.textAlign = 'center';
  context.textBaseline = 'middle';
  context.fillText(marking, canvas.width / 2, BAND / 2);
  context.fillText(marking, canvas.width / 2, canvas.height - BAND / 2);
  bitmap.close();
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The chart image could not be drawn'))), 'image/png'),
  );
}
