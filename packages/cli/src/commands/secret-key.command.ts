import type { Command } from 'commander';
import { withStore } from '../context';

export function secretKeyCommands(program: Command): void {
  const key = program
    .command('secret-key')
    .description('the key that seals authenticator secrets in the store (HARBOUR_SECRET_KEY)')
    .addHelpText(
      'after',
      `
To rotate:
  1. harbour secret-key new                       (a fresh key)
  2. give every Harbour process HARBOUR_SECRET_KEY=<new> and HARBOUR_PREVIOUS_SECRET_KEYS=<old>; restart them
  3. harbour secret-key rotate                    (seals every secret again with the new key)
  4. remove HARBOUR_PREVIOUS_SECRET_KEYS; restart`,
    );
  key
    .command('new')
    .description('print a fresh random key to configure')
    .action(async () => {
      const { newSecretKey } = await import('@harbour/server');
      console.log(newSecretKey());
    });
  key
    .command('rotate')
    .description('seal every stored secret again with HARBOUR_SECRET_KEY; the keys in HARBOUR_PREVIOUS_SECRET_KEYS open the old ones')
    .action(async () => {
      await withStore(async ({ svc }) => {
        const { resealed, current } = await svc.secretKeys.rotate();
        console.log(`sealed ${resealed} secret(s) again with the current key; ${current} were under it already`);
        console.log('every stored secret is under the current key: HARBOUR_PREVIOUS_SECRET_KEYS can be removed');
      });
    });
}
