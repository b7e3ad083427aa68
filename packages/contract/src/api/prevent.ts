import { z } from 'zod';
import { AWARENESS_AUDIENCES, AWARENESS_SETTINGS, CAMPAIGN_CODE, MATERIAL_SIZES } from '../vocabulary/prevent';
import { REPORT_LANGUAGES } from '../vocabulary/public-report';
import { optional, text, uniqueList } from './fields';

const campaignCode = z.string().regex(CAMPAIGN_CODE, 'Choose a campaign');

export const campaignBody = z.object({ name: text(120).min(3, 'Name the campaign, in at least 3 characters') });
export type CampaignRequest = z.input<typeof campaignBody>;

export const campaignSchema = z.object({
  code: z.string(),
  name: z.string(),
  createdAt: z.string(),
  materials: z.int(),
  events: z.int(),
  /** Public reports that came by its QR code: counted, no one identified. */
  reports: z.int(),
});
export type Campaign = z.output<typeof campaignSchema>;
export const campaignListSchema = z.object({ campaigns: z.array(campaignSchema) });
export type CampaignList = z.output<typeof campaignListSchema>;

export const materialBody = z.object({
  campaign: campaignCode,
  setting: z.enum(AWARENESS_SETTINGS, 'Choose where it is for'),
  language: z.enum(REPORT_LANGUAGES, 'Choose a language'),
  size: z.enum(MATERIAL_SIZES, 'Choose a poster or a leaflet'),
});
export type MaterialRequest = z.input<typeof materialBody>;

export const materialSchema = z.object({
  id: z.uuid(),
  campaign: z.string(),
  campaignName: z.string(),
  setting: z.enum(AWARENESS_SETTINGS),
  language: z.enum(REPORT_LANGUAGES),
  size: z.enum(MATERIAL_SIZES),
  madeAt: z.string(),
});
export type Material = z.output<typeof materialSchema>;
/** The resource library, and where its QR codes lead (null: the public address is not configured, and none can be made). */
export const materialListSchema = z.object({ materials: z.array(materialSchema), portal: z.string().nullable() });
export type MaterialList = z.output<typeof materialListSchema>;
export const materialParams = z.object({ material: z.uuid() });

export const eventBody = z.object({
  heldOn: z.iso.date('Give the day it was held, as YYYY-MM-DD'),
  title: text(200).min(3, 'Say what the event was'),
  place: text(300).min(2, 'Say where it was held'),
  localAuthority: z.string().min(1, 'Choose the area'),
  /** Where on the map, when it was put there. */
  point: z
    .object({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) })
    .nullable()
    .default(null),
  audiences: uniqueList(z.enum(AWARENESS_AUDIENCES), AWARENESS_AUDIENCES.length).refine((a) => a.length > 0, 'Choose who it was for'),
  partners: z.array(text(120).min(1)).max(20).default([]),
  attendance: z.int('Give a whole number').min(0, 'Give a number of people, 0 or more').max(100_000),
  handedOut: z.int('Give a whole number').min(0, 'Give a number, 0 or more').max(1_000_000).default(0),
  campaign: campaignCode.nullable().default(null),
  notes: optional(2_000),
});
export type AwarenessEventRequest = z.input<typeof eventBody>;
/** An event as the route hands it on, checked and with its defaults. */
export type AwarenessEventInput = z.output<typeof eventBody>;

export const eventSchema = z.object({
  id: z.uuid(),
  heldOn: z.string(),
  title: z.string(),
  place: z.string(),
  localAuthority: z.string(),
  point: z.object({ latitude: z.number(), longitude: z.number() }).nullable(),
  audiences: z.array(z.enum(AWARENESS_AUDIENCES)),
  partners: z.array(z.string()),
  attendance: z.int(),
  handedOut: z.int(),
  campaign: z.string().nullable(),
  notes: z.string().nullable(),
  /** Reports in the event's area in the days before it, and the same number of days from it (none yet beyond today). */
  around: z.object({ before: z.int(), after: z.int(), days: z.int(), complete: z.boolean() }),
});
export type AwarenessEvent = z.output<typeof eventSchema>;

export const eventQuery = z.object({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export const eventListSchema = z.object({ from: z.string(), to: z.string(), events: z.array(eventSchema) });
export type AwarenessEventList = z.output<typeof eventListSchema>;

/** The Prevent strand's figures for a period, beside the reports from the public. */
export const preventedSchema = z.object({
  events: z.int(),
  reached: z.int(),
  handedOut: z.int(),
  campaignReports: z.int(),
});
export type Prevented = z.output<typeof preventedSchema>;
