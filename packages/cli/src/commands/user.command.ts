import { randomBytes } from 'node:crypto';
import { ROLES, isRole } from '@harbour/core';
import type { Command } from 'commander';
import { CliError, withStore } from '../context';

export function userCommands(program: Command): void {
  const user = program.command('user').description('accounts');
  user
    .command('add')
    .description('add an account; prints a generated password once unless --password-stdin is given')
    .requiredOption('--email <email>', 'sign-in email address')
    .requiredOption('--name <name>', 'display name')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .requiredOption('--agency <name>', 'the agency the account belongs to (created if --agency-kind is given)')
    .option(
      '--agency-kind <kind>',
      'create the agency with this kind if it does not exist (police, local_authority, health, charity, glaa, home_office, other)',
    )
    .option('--password-stdin', 'read the password from standard input')
    .action(async (opts: { email: string; name: string; role: string; agency: string; agencyKind?: string; passwordStdin?: boolean }) => {
      if (!isRole(opts.role)) throw new CliError(`--role must be one of ${ROLES.join(', ')}`);
      const role = opts.role;
      const password = opts.passwordStdin ? (await readStdin()).replace(/\r?\n$/, '') : randomBytes(18).toString('base64url');
      await withStore(async ({ repos, svc }) => {
        let agency = await repos.agencies.findByName(opts.agency);
        if (!agency) {
          if (!opts.agencyKind) throw new CliError(`no agency named "${opts.agency}"; add --agency-kind to create it`);
          const kinds = ['police', 'local_authority', 'health', 'charity', 'glaa', 'home_office', 'other'] as const;
          const kind = kinds.find((k) => k === opts.agencyKind);
          if (!kind) throw new CliError(`--agency-kind must be one of ${kinds.join(', ')}`);
          const created = await svc.agencies.create(null, { name: opts.agency, kind });
          agency = await repos.agencies.get(created.id);
        }
        const account = await svc.users.create(null, { email: opts.email, displayName: opts.name, role, agencyId: agency!.id, password });
        console.log(`added ${account.role} ${account.email} at ${account.agencyName}`);
        if (!opts.passwordStdin) console.log(`password (shown once): ${password}`);
        if (role !== 'officer') console.log('the account sets up its authenticator app at first sign-in');
      });
    });

  const change = (name: string, action: 'disable' | 'enable' | 'unlock-second-factor', description: string, done: string) =>
    user
      .command(`${name} <email>`)
      .description(description)
      .action(async (email: string) => {
        await withStore(async ({ repos, svc }) => {
          const found = await repos.users.findByEmail(email);
          if (!found) throw new CliError(`no account ${email}`);
          const account = await svc.users.act(null, found.id, action);
          console.log(`${account.email} ${done}`);
        });
      });
  change('disable', 'disable', 'disable an account and end all its sessions at once', 'is disabled; its sessions have ended');
  change('enable', 'enable', 'enable a disabled account again', 'is enabled');
  change('unlock', 'unlock-second-factor', 'let an account use security codes again after too many wrong ones', 'can use security codes again');
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
