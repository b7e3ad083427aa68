import type { AreaBoundaries } from '@harbour/contract';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ForceArea } from '@harbour/core';

interface GeoJsonFeature {
  properties?: Record<string, unknown> | null;
  geometry?: { type: string; coordinates: unknown } | null;
}

/**
 * The force's local-authority boundaries from a folder of GeoJSON files (e.g. the ONS's): every
 * feature any of whose properties is one of the area's codes, read once. The attribution is the
 * copyright line of the folder's LICENCE.txt. No folder, or no matching feature: none.
 */
export class Boundaries {
  private loaded: Promise<AreaBoundaries> | undefined;

  constructor(
    private readonly dir: string | undefined,
    private readonly area: ForceArea,
  ) {}

  get(): Promise<AreaBoundaries> {
    this.loaded ??= this.load();
    return this.loaded;
  }

  private async load(): Promise<AreaBoundaries> {
    const none: AreaBoundaries = { type: 'FeatureCollection', features: [], attribution: null };
    if (!this.dir) return none;
    const codes = new Map(this.area.localAuthorities.map((la) => [la.code, la]));
    const files = (await readdir(this.dir)).filter((f) => f.endsWith('.geojson')).sort();
    const found = new Map<string, AreaBoundaries['features'][number]>();
    for (const file of files) {
      const collection = JSON.parse(await readFile(join(this.dir, file), 'utf8')) as { features?: GeoJsonFeature[] };
      for (const feature of collection.features ?? []) {
        const code = Object.values(feature.properties ?? {}).find((v): v is string => typeof v === 'string' && codes.has(v));
        if (!code || !feature.geometry || found.has(code)) continue;
        const la = codes.get(code)!;
        found.set(code, { type: 'Feature', properties: { code, name: la.name, nameCy: la.nameCy }, geometry: feature.geometry });
      }
    }
    if (found.size === 0) return none;
    const licence = await readFile(join(this.dir, 'LICENCE.txt'), 'utf8').catch(() => '');
    const attribution =
      licence
        .split('\n')
        .find((line) => line.includes('©'))
        ?.trim() ?? null;
    return { type: 'FeatureCollection', features: [...found.values()], attribution };
  }
}
