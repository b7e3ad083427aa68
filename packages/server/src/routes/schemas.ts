import { DOCUMENT_TYPES, ROLES, isValidIban, normaliseAccountNumber, normaliseSortCode, onlineIdentity, type FormatReason } from '@harbour/core';
import { z } from 'zod';

/** Shapes shared by several routes. */
export const roleSchema = z.enum(ROLES);

export const sessionSchema = z.object({
  stage: z.enum(['second-factor', 'enrol-second-factor', 'complete']),
  csrfToken: z.string(),
  user: z.object({
    id: z.string(),
    displayName: z.string(),
    email: z.string(),
    role: roleSchema,
    agencyId: z.string(),
    agencyName: z.string(),
    /** The account's agency is an NRM First Responder Organisation. */
    agencyFirstResponder: z.boolean(),
  }),
  permissions: z.array(z.string()),
  /** A researcher's grant of named access in force. */
  grant: z.object({ purpose: z.string(), grantedBy: z.string(), expiresAt: z.string() }).nullable(),
  expiresAt: z.string(),
});

export const emailSchema = z.string().trim().min(3).max(254).email('Enter an email address like name@example.org');
export const okSchema = z.object({ ok: z.literal(true) });

/** A report as one line of a list: the triage queue and a person's work. */
export const queueItemSchema = z.object({
  id: z.string(),
  reference: z.string(),
  source: z.string(),
  receivedAt: z.string(),
  localAuthority: z.string().nullable(),
  town: z.string().nullable(),
  exploitationTypes: z.array(z.string()),
  involvesChild: z.boolean(),
  triageScore: z.number().nullable(),
  triageBand: z.string().nullable(),
  status: z.string(),
  language: z.string().nullable(),
  summary: z.string(),
});

/**
 * A list of choices where each counts once: "labour" sent six times is labour once (so figures
 * count a report once per type), and the limit is how many different ones there can be.
 */
export const uniqueList = <T extends z.ZodType<string>>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .transform((values) => [...new Set(values)]);

/** Trimmed text of at most `max` characters; `optional` also turns blank into absent. */
export const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Must be ${max.toLocaleString('en-GB')} characters or fewer`);
export const optional = (max: number) =>
  text(max)
    .optional()
    .transform((v) => (v ? v : undefined));

/**
 * A refinement's options naming the shape it checks, so the refusal carries that reason (see
 * reasonFor) and a client can say what to enter in the user's language.
 */
export const shaped = (reason: FormatReason, message: string) => ({ message, params: { reason } });

const POSTCODE = /^([A-Za-z]{1,2}\d[A-Za-z\d]?\s*\d[A-Za-z]{2}|[A-Za-z]{1,2}\d[A-Za-z\d]?)$/;
const PHONE = /^[+\d][\d\s()-]{5,}$/;

/** A UK postcode, or just its first part (NP20) when that is all someone knows; blank is no answer. */
export const postcodeSchema = z
  .string()
  .trim()
  .refine((v) => v === '' || POSTCODE.test(v), shaped('postcode', 'Enter a UK postcode like NP20 1AB, or just its first part (NP20)'))
  .optional()
  .transform((v) => (v ? v : undefined));

/** A phone number as people write them: digits, spaces, brackets, hyphens, a leading +. */
export const phoneSchema = text(40).refine((v) => PHONE.test(v), shaped('phone', 'Enter a phone number using digits, like 07700 900123'));

/** A six-digit authenticator code. */
export const securityCodeSchema = z
  .string()
  .trim()
  .refine((v) => /^\d{6}$/.test(v), shaped('security_code', 'Enter the 6-digit code'));

/** An online account or advert: a web address, a user name (with its platform) or an e-mail address. */
export const onlineSchema = z
  .object({ identifier: text(2000).min(1, 'Enter a web address, user name or e-mail address'), platform: optional(60), description: optional(300) })
  .superRefine((o, ctx) => {
    if (!onlineIdentity(o))
      ctx.addIssue({
        code: 'custom',
        path: ['identifier'],
        ...shaped('online_identity', 'Enter a web address, a user name without spaces, or an e-mail address'),
      });
  });

/** A bank account: a UK sort code and account number, or an IBAN. */
export const bankAccountSchema = z
  .object({ bank: optional(100), sortCode: optional(12), accountNumber: optional(24), iban: optional(42), holder: optional(200) })
  .superRefine((b, ctx) => {
    if (!b.accountNumber && !b.iban)
      ctx.addIssue({ code: 'custom', path: ['accountNumber'], ...shaped('account_or_iban', 'Enter an account number or an IBAN') });
    if (b.sortCode && !normaliseSortCode(b.sortCode))
      ctx.addIssue({ code: 'custom', path: ['sortCode'], ...shaped('sort_code', 'Enter a sort code of six digits, like 20-20-15') });
    if (b.accountNumber && !normaliseAccountNumber(b.accountNumber))
      ctx.addIssue({ code: 'custom', path: ['accountNumber'], ...shaped('account_number', 'Enter an account number of 6 to 18 digits') });
    if (b.iban && !isValidIban(b.iban))
      ctx.addIssue({ code: 'custom', path: ['iban'], ...shaped('iban', 'Enter a valid IBAN: the country format or check digits are wrong') });
  });

/** An identity document: its type and number. */
export const documentSchema = z.object({
  type: z.enum(DOCUMENT_TYPES),
  number: text(30)
    .min(4, 'Enter the document number as shown on it')
    .refine((v) => /^[\p{L}\p{N}\s/.-]+$/u.test(v), shaped('document_number', 'Enter the number using letters and digits')),
  country: optional(80),
  holder: optional(200),
  description: optional(300),
});
