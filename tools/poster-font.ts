import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { AWARENESS_SETTINGS } from '@harbour/contract';
import * as fontkit from 'fontkit';
import { POSTER_CHINESE_FONT, posterCharacters } from '../packages/server/src/services/poster-fonts';
import { posterWords } from '../packages/server/src/services/poster-words';

/**
 * `node --import tsx tools/poster-font.ts [collection.ttc]`: makes the Chinese font posters
 * embed, a subset of Noto Sans CJK SC holding only the characters Chinese posters print (and
 * ASCII, for the portal's address). A whole CJK font is 16 MB and npm offers it only cut into a
 * hundred web pieces; this keeps Harbour's checkout small and `npm start` font-complete on a bare
 * machine. Run it when the Chinese poster words change (a test says so); the source is Debian's
 * fonts-noto-cjk, under the SIL Open Font Licence, which allows subsetting and shipping.
 */
const SOURCE = process.argv[2] ?? '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const FAMILY = 'NotoSansCJKsc-Regular';

const collection = fontkit.openSync(SOURCE);
const faces = 'fonts' in collection ? collection.fonts : [collection];
const index = faces.findIndex((face) => face.postscriptName === FAMILY);
if (index < 0) throw new Error(`${SOURCE} has no ${FAMILY}: install Debian's fonts-noto-cjk`);

const text = posterCharacters(AWARENESS_SETTINGS.map((setting) => posterWords('zh', setting)));
const subset = await subsetFace(readFileSync(SOURCE), index, text);
writeFileSync(POSTER_CHINESE_FONT, subset);
console.log(`${POSTER_CHINESE_FONT}: ${[...text].length} characters, ${Math.round(subset.length / 1024)} KiB`);

/** HarfBuzz's subsetter (the one fonttools and Chrome use), on one face of a collection. */
async function subsetFace(font: Buffer, faceIndex: number, characters: string): Promise<Buffer> {
  const wasm = readFileSync(createRequire(import.meta.url).resolve('harfbuzzjs/dist/harfbuzz-subset.wasm'));
  const { instance } = await WebAssembly.instantiate(wasm);
  const hb = instance.exports as unknown as HarfBuzzSubset;
  hb._initialize();
  const heap = () => new Uint8Array(hb.memory.buffer);

  const fontAt = hb.malloc(font.byteLength);
  heap().set(font, fontAt);
  const blob = hb.hb_blob_create(fontAt, font.byteLength, 2 /* writable */, 0, 0);
  const face = hb.hb_face_create(blob, faceIndex);
  hb.hb_blob_destroy(blob);

  const input = hb.hb_subset_input_create_or_fail();
  const features = hb.hb_subset_input_set(input, 6 /* layout feature tags */);
  hb.hb_set_clear(features);
  hb.hb_set_invert(features); // keep every layout feature
  const unicodes = hb.hb_subset_input_unicode_set(input);
  for (const c of characters) hb.hb_set_add(unicodes, c.codePointAt(0)!);

  const subset = hb.hb_subset_or_fail(face, input);
  hb.hb_subset_input_destroy(input);
  if (subset === 0) throw new Error('HarfBuzz could not subset the font');
  const result = hb.hb_face_reference_blob(subset);
  const at = hb.hb_blob_get_data(result, 0);
  const bytes = Buffer.from(heap().slice(at, at + hb.hb_blob_get_length(result)));
  hb.hb_blob_destroy(result);
  hb.hb_face_destroy(subset);
  hb.hb_face_destroy(face);
  hb.free(fontAt);
  return bytes;
}

interface HarfBuzzSubset {
  memory: WebAssembly.Memory;
  _initialize(): void;
  malloc(size: number): number;
  free(at: number): void;
  hb_blob_create(at: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, value: number): void;
  hb_set_clear(set: number): void;
  hb_set_invert(set: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_set(input: number, which: number): number;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_or_fail(face: number, input: number): number;
}
