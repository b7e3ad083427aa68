import { z } from 'zod';
import { messagesSchema, messageText } from './reports';

/** The public portal: no account, a reference code and a passphrase to come back with. */
export const formTokenSchema = z.object({ token: z.string() });
export type FormToken = z.output<typeof formTokenSchema>;
export const reportReceiptSchema = z.object({ reference: z.string(), passphrase: z.string() });
export type ReportReceipt = z.output<typeof reportReceiptSchema>;

export const followUpCredentials = { reference: z.string().trim().min(4).max(20), passphrase: z.string().trim().min(4).max(40) };
export const followUpBody = z.object(followUpCredentials);
export const followUpMessageBody = z.object({ ...followUpCredentials, body: messageText });
export const followUpPhotoHeaders = z.object({ 'x-reference': followUpCredentials.reference, 'x-passphrase': followUpCredentials.passphrase });
export const followUpSchema = z.object({ reference: z.string(), receivedAt: z.string(), messages: messagesSchema });
export type FollowUp = z.output<typeof followUpSchema>;
export const photoCountSchema = z.object({ photos: z.number() });
export type PhotoCount = z.output<typeof photoCountSchema>;
