import { EXPLOITATION_TYPES, HTCDS_PICKLISTS, REPORT_SOURCES } from '@harbour/core';
import { z } from 'zod';
import { uniqueList } from '@harbour/contract';

const text = (max: number) => z.string().max(max, `Use ${max} characters or fewer`);
const day = z.iso.date('Enter a date as YYYY-MM-DD');
const oneOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { message: `Use one of ${values.join(', ')}` });

/** The schema an imported file is checked against: HTCDS v2.0 fields, picklists as the standard gives them. */
const htcdsPerson = z.object({
  prs_FirstName: text(100).optional(),
  prs_SecondName: text(100).optional(),
  prs_Birthdate: day.optional(),
  prs_Gender: oneOf(HTCDS_PICKLISTS.prs_Gender).optional(),
  prs_Citizenship: z
    .array(z.string().regex(/^[A-Z]{2}$/, 'Use two-letter ISO 3166 country codes'))
    .max(5)
    .optional(),
  prs_MobilePhone: text(40).optional(),
  prs_MailingStreet: text(300).optional(),
  vic_TraffickingStatus: oneOf(HTCDS_PICKLISTS.vic_TraffickingStatus).optional(),
  vic_TypeOfExploitation: z.array(oneOf(HTCDS_PICKLISTS.vic_TypeOfExploitation)).max(11).optional(),
  harbour: z.object({ role: z.enum(['victim', 'perpetrator', 'witness', 'reporter']), nationality: text(80).optional() }).optional(),
});

const htcdsCase = z.object({
  cas_Status: oneOf(HTCDS_PICKLISTS.cas_Status).default('Active'),
  cas_IncomingReferralDate: day,
  cas_IncomingReferralDetails: text(20_000).default(''),
  hte: z
    .array(
      z.object({
        hte_Type: oneOf(HTCDS_PICKLISTS.hte_Type),
        hte_City: text(100).optional(),
        hte_PostalCode: text(20).optional(),
        hte_State: text(100).optional(),
        hte_Country: text(60).default('GB'),
      }),
    )
    .max(20)
    .default([]),
  persons: z.array(htcdsPerson).max(500),
  harbour: z
    .object({
      reference: text(40),
      source: z.enum(REPORT_SOURCES),
      localAuthority: z
        .string()
        .regex(/^W\d{8}$/, 'Use an ONS local authority code')
        .nullable(),
      exploitationTypes: uniqueList(z.enum(EXPLOITATION_TYPES), EXPLOITATION_TYPES.length),
      involvesChild: z.boolean(),
    })
    .optional(),
});

/** An HTCDS v2.0 file as Harbour reads it (the API's body and the command line's file alike). */
export const htcdsDocument = z.object({
  standard: z.literal('HTCDS', 'This is not an HTCDS file'),
  version: z.literal('2.0', 'Harbour reads HTCDS version 2.0'),
  cases: z.array(htcdsCase).min(1, 'The file has no cases').max(20_000),
});
