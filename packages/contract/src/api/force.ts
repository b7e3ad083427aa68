import { z } from 'zod';

/** The force Harbour is configured for and its local authorities: pages name areas from this, not from their source. */
export const forceAreaSchema = z.object({
  force: z.string(),
  forceCy: z.string(),
  areas: z.array(z.object({ code: z.string(), name: z.string(), nameCy: z.string() })),
});
export type ForceAreas = z.output<typeof forceAreaSchema>;
