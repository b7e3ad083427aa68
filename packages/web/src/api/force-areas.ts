import type { ForceAreas } from '@harbour/contract';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from './client';

/**
 * The force's local authorities as the server is configured with them (GET /api/force), named in
 * Welsh on a Welsh page and in English otherwise (their names have no other forms). Empty until
 * they arrive; they are asked for once per visit.
 */
export function useForceAreas() {
  const { i18n } = useTranslation();
  const force = useQuery({ queryKey: ['force'], queryFn: () => api<ForceAreas>('GET', '/api/force'), staleTime: Infinity, gcTime: Infinity });
  const welsh = i18n.language === 'cy';
  const areas = (force.data?.areas ?? []).map((a) => ({ code: a.code, name: welsh ? a.nameCy : a.name }));
  return {
    areas,
    /** An area's name by its ONS code; undefined for no code or one the force does not have. */
    nameOf: (code: string | null | undefined) => (code ? areas.find((a) => a.code === code)?.name : undefined),
    /** An area's name; a code the force does not know as itself; nothing while the names load, never a code in their place. */
    shown: (code: string | null | undefined) => (!code || !force.data ? undefined : (areas.find((a) => a.code === code)?.name ?? code)),
    /** The areas as the options of a select. */
    options: areas.map((a) => ({ value: a.code, label: a.name })),
  };
}
