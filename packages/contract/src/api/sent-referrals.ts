import { z } from 'zod';
import { CASE_STATUSES } from '../vocabulary/pursue';
import { messagesSchema, messageText } from './reports';

/**
 * A referral as the one who sent it follows it: where it stands with the team, the team's
 * questions and the answers, and what became of it as far as the sender may know (a partner
 * agency: only while an information-sharing agreement is in force).
 */
export const sentReferralSchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  receivedAt: z.string(),
  summary: z.string(),
  sentBy: z.string(),
  stage: z.enum(['received', 'triaged', 'on_case']),
  /** The cases it is on, by status; null when the sender may not know. */
  cases: z.array(z.object({ status: z.enum(CASE_STATUSES), sharedCaseId: z.uuid().nullable() })).nullable(),
  questions: z.number().int(),
});
export type SentReferral = z.output<typeof sentReferralSchema>;
export const sentReferralListSchema = z.object({ referrals: z.array(sentReferralSchema) });
export const sentReferralDetailSchema = sentReferralSchema.extend({ messages: messagesSchema });
export type SentReferralDetail = z.output<typeof sentReferralDetailSchema>;
export const sentReferralMessageBody = z.object({ body: messageText });
