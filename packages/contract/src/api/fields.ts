import { z } from 'zod';
import { ROLES } from '../vocabulary/access';
import { DOCUMENT_TYPES } from '../vocabulary/domain';
import type { FormatReason } from '../vocabulary/reasons';

/** Fields and shapes that several requests and responses share. */
export const roleSchema = z.enum(ROLES);
export const okSchema = z.object({ ok: z.literal(true) });
export const idParams = z.object({ id: z.uuid() });

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
 * A refinement's options naming the shape it checks, so the refusal carries that reason and a
 * client can say what to enter in the user's language.
 */
export const shaped = (reason: FormatReason, message: string) => ({ message, params: { reason } });

export const emailSchema = z.string().trim().min(3).max(254).email('Enter an email address like name@example.org');

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
