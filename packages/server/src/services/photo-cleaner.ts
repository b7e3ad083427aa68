import { createHash } from 'node:crypto';
import sharp, { type Metadata } from 'sharp';
import { Invalid } from '@harbour/core';

export const PHOTO_MAX_BYTES = 8 * 1024 * 1024;
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
const MAX_SIDE = 3000;

export interface CleanPhoto {
  readonly bytes: Buffer;
  readonly contentType: 'image/jpeg' | 'image/png';
  readonly width: number;
  readonly height: number;
  readonly sha256: string;
}

/**
 * Decodes and re-encodes an uploaded image, so nothing but pixels survives: no EXIF (camera,
 * GPS position, time), no XMP, IPTC or comments. The orientation is applied first so the picture
 * still stands the right way up. Anything that does not decode as an image is refused.
 */
export async function cleanPhoto(input: Buffer, field = 'photo'): Promise<CleanPhoto> {
  const notAnImage = new Invalid('This file is not a photo we can take. Send a JPEG or PNG picture.', [
    { path: field, message: 'is not a JPEG, PNG or WebP image' },
  ]);
  let meta: Metadata;
  try {
    meta = await sharp(input, { limitInputPixels: 50_000_000 }).metadata();
  } catch {
    throw notAnImage;
  }
  if (!meta.format || !['jpeg', 'png', 'webp'].includes(meta.format)) throw notAnImage;
  const keepPng = meta.format === 'png';
  try {
    const pipeline = sharp(input, { limitInputPixels: 50_000_000, failOn: 'error' })
      .rotate()
      .resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true });
    const { data, info } = await (keepPng ? pipeline.png() : pipeline.jpeg({ quality: 85 })).toBuffer({ resolveWithObject: true });
    return {
      bytes: data,
      contentType: keepPng ? 'image/png' : 'image/jpeg',
      width: info.width,
      height: info.height,
      sha256: createHash('sha256').update(data).digest('hex'),
    };
  } catch {
    throw notAnImage;
  }
}
