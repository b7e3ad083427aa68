import { bankAccountShape, onlineShape, shaped, type IntakeChecks } from '@harbour/contract';
import { isValidIban, normaliseAccountNumber, normaliseSortCode, onlineIdentity } from '@harbour/core';

/**
 * What the contract's intake bodies need from the server: the force's area codes, and the checks
 * of online identities and bank accounts, which need core's readers of identifiers and so cannot
 * run in the browser-safe contract.
 */
export function intakeChecks(areaCodes: readonly [string, ...string[]]): IntakeChecks {
  return { areaCodes, online: onlineSchema, bankAccount: bankAccountSchema };
}

/** An online account or advert: a web address, a user name (with its platform) or an e-mail address. */
const onlineSchema = onlineShape.superRefine((o, ctx) => {
  if (!onlineIdentity(o))
    ctx.addIssue({
      code: 'custom',
      path: ['identifier'],
      ...shaped('online_identity', 'Enter a web address, a user name without spaces, or an e-mail address'),
    });
});

/** A bank account: a UK sort code and account number, or an IBAN. */
const bankAccountSchema = bankAccountShape.superRefine((b, ctx) => {
  if (!b.accountNumber && !b.iban)
    ctx.addIssue({ code: 'custom', path: ['accountNumber'], ...shaped('account_or_iban', 'Enter an account number or an IBAN') });
  if (b.sortCode && !normaliseSortCode(b.sortCode))
    ctx.addIssue({ code: 'custom', path: ['sortCode'], ...shaped('sort_code', 'Enter a sort code of six digits, like 20-20-15') });
  if (b.accountNumber && !normaliseAccountNumber(b.accountNumber))
    ctx.addIssue({ code: 'custom', path: ['accountNumber'], ...shaped('account_number', 'Enter an account number of 6 to 18 digits') });
  if (b.iban && !isValidIban(b.iban))
    ctx.addIssue({ code: 'custom', path: ['iban'], ...shaped('iban', 'Enter a valid IBAN: the country format or check digits are wrong') });
});
