import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bankAccountIdentity, documentIdentity, isValidIban, normaliseAccountNumber, normaliseSortCode, onlineIdentity } from './identifiers';
import { recordIdentity } from './keys';
import { searchEntry, searchQuery } from './search';

const online = (identifier: string, platform?: string) => onlineIdentity({ identifier, platform });
const key = (identifier: string, platform?: string) => online(identifier, platform)?.key;

describe('online accounts and adverts', () => {
  it('reads a profile address of a common platform as the platform and handle, however the address is written', () => {
    const forms = [
      'https://www.instagram.com/Joe.Bloggs/',
      'instagram.com/joe.bloggs?igsh=abc123',
      'http://m.instagram.com/joe.bloggs#top',
      'INSTAGRAM.COM/joe.bloggs',
    ];
    for (const f of forms) expect(key(f)).toBe('instagram:joe.bloggs');
    expect(key('@Joe.Bloggs', 'Instagram')).toBe('instagram:joe.bloggs');
    expect(key('joe.bloggs', 'insta')).toBe('instagram:joe.bloggs');
    expect(online('joe.bloggs', 'IG')?.label).toBe('Instagram @joe.bloggs');
  });

  it('knows what each platform ignores and which paths are not profiles', () => {
    // Facebook ignores dots in user names; its numeric profile address is an account too.
    expect(key('facebook.com/joe.bloggs.77')).toBe(key('joebloggs77', 'Facebook'));
    expect(key('https://m.facebook.com/profile.php?id=100012345')).toBe('facebook:id100012345');
    expect(key('twitter.com/JoeB')).toBe(key('x.com/joeb'));
    expect(key('https://www.snapchat.com/add/joeb99')).toBe('snapchat:joeb99');
    expect(key('linkedin.com/in/joe-bloggs')).toBe('linkedin:joe-bloggs');
    expect(key('https://t.me/joeb')).toBe('telegram:joeb');
    expect(key('https://wa.me/447700900123')).toBe('whatsapp:+447700900123');
    expect(key('07700 900123', 'WhatsApp')).toBe('whatsapp:+447700900123');
    // A post or a group is a page, not an account: kept as its address.
    expect(key('https://www.instagram.com/p/CxYz123/')).toBe('url:instagram.com/p/CxYz123');
    expect(key('facebook.com/groups/jobs.cardiff')).toBe('url:facebook.com/groups/jobs.cardiff');
    expect(key('instagram.com/joe.bloggs/reels')).toBe('url:instagram.com/joe.bloggs/reels');
  });

  it('keeps an advert address without how it was shared, with its own parameters in order', () => {
    expect(key('https://www.vivastreet.co.uk/adult-services/cardiff/massage/123456789?utm_source=x&fbclid=1')).toBe(
      'url:vivastreet.co.uk/adult-services/cardiff/massage/123456789',
    );
    expect(key('adultwork.com/ViewProfile.asp?UserID=55&ref=home')).toBe(key('https://www.adultwork.com/ViewProfile.asp?UserID=55'));
    expect(key('site.example/ad?b=2&a=1')).toBe(key('site.example/ad?a=1&b=2'));
    // Paths of other sites can differ by case.
    expect(key('bit.ly/AbC')).not.toBe(key('bit.ly/abc'));
  });

  it('reads e-mail addresses, folding what Gmail ignores and nothing else', () => {
    expect(key('Joe.Bloggs+jobs@GMAIL.com')).toBe('email:joebloggs@gmail.com');
    expect(key('joebloggs@googlemail.com')).toBe('email:joebloggs@gmail.com');
    expect(key('joe.bloggs@example.co.uk')).toBe('email:joe.bloggs@example.co.uk');
  });

  it('keeps a handle on another platform, or on none, apart from the same handle on a known one', () => {
    expect(key('joeb', 'Badoo')).toBe('badoo:joeb');
    expect(key('joeb')).toBe('handle:joeb');
    expect(new Set([key('joeb'), key('joeb', 'Badoo'), key('joeb', 'Instagram')]).size).toBe(3);
  });

  it('says nothing of text that is no account', () => {
    for (const bad of ['', '   ', '@', '!!!', 'two words', 'javascript:alert(1)', 'x'.repeat(2001)]) expect(online(bad)).toBeNull();
    expect(onlineIdentity({})).toBeNull();
  });

  it('gives one key to every way of writing the same handle (property)', () => {
    const handle = fc.stringMatching(/^[a-z0-9_]{0,19}[a-z0-9]$/);
    const platform = fc.constantFrom('instagram', 'tiktok', 'x', 'telegram', 'onlyfans');
    const host = { instagram: 'instagram.com', tiktok: 'tiktok.com', x: 'twitter.com', telegram: 't.me', onlyfans: 'onlyfans.com' } as const;
    // A site's own paths are not handles: twitter.com/i, instagram.com/p, t.me/s lead to no account.
    const sitePaths: Record<string, readonly string[]> = {
      instagram: ['p', 'reel', 'reels', 'stories', 'explore'],
      tiktok: ['t', 'video', 'tag', 'discover'],
      x: ['i', 'home', 'search', 'hashtag', 'intent', 'share'],
      telegram: ['joinchat', 's', 'share'],
      onlyfans: [],
    };
    fc.assert(
      fc.property(handle, platform, fc.boolean(), fc.boolean(), (h, p, upper, at) => {
        fc.pre(!sitePaths[p]!.includes(h));
        const written = (at ? '@' : '') + (upper ? h.toUpperCase() : h);
        const direct = key(written, p);
        expect(direct).toBe(`${p}:${h}`);
        const viaUrl = key(`https://www.${host[p]}/${p === 'tiktok' ? '@' : ''}${upper ? h.toUpperCase() : h}/?utm_source=share`);
        expect(viaUrl).toBe(direct);
      }),
    );
  });

  it('never throws, and a key it gives is stable when its label is read again (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.option(fc.string({ maxLength: 20 })), (identifier, platform) => {
        const id = onlineIdentity({ identifier, platform });
        if (id) expect(id.key.length).toBeGreaterThan(0);
      }),
    );
  });

  it('is found by its handle written with or without its punctuation', () => {
    const entry = searchEntry('online', { identifier: 'instagram.com/joe.bloggs' });
    expect(entry.text).toContain('joebloggs');
    expect(entry.text).toContain('joe bloggs');
    expect(entry.text).toContain(searchQuery('@joe.bloggs').compact);
  });
});

describe('bank accounts', () => {
  it('meets a UK IBAN and the same sort code and account number', () => {
    const iban = bankAccountIdentity({ iban: 'gb33 bukb 2020 1555 5555 55' });
    expect(iban).toEqual({ key: 'gb:202015:55555555', label: '20-20-15 55555555' });
    expect(bankAccountIdentity({ sortCode: '20-20-15', accountNumber: '5555 5555' })?.key).toBe(iban?.key);
    expect(recordIdentity('bank_account', { sortCode: '202015', accountNumber: '55555555' })?.key).toBe(iban?.key);
  });

  it('keys other countries by IBAN, and an account number alone apart', () => {
    expect(bankAccountIdentity({ iban: 'DE89 3704 0044 0532 0130 00' })).toEqual({ key: 'iban:DE89370400440532013000', label: 'DE89 3704 0044 0532 0130 00' });
    expect(bankAccountIdentity({ accountNumber: '1234567' })?.key).toBe('account:01234567');
    expect(bankAccountIdentity({ iban: 'GB00 BUKB 2020 1555 5555 55' })?.key).toBe('iban:GB00BUKB20201555555555');
    expect(bankAccountIdentity({ iban: 'GB00 BUKB 2020 1555 5555 55', sortCode: '202015', accountNumber: '55555555' })?.key).toBe('gb:202015:55555555');
    expect(bankAccountIdentity({ sortCode: '202015' })).toBeNull();
    expect(bankAccountIdentity({})).toBeNull();
  });

  it('checks IBANs, sort codes and account numbers', () => {
    expect(isValidIban('GB33BUKB20201555555555')).toBe(true);
    expect(isValidIban('GB33BUKB20201555555556')).toBe(false);
    expect(isValidIban('not an iban')).toBe(false);
    expect(normaliseSortCode('20 20 15')).toBe('202015');
    expect(normaliseSortCode('2020151')).toBeNull();
    expect(normaliseAccountNumber('12345')).toBeNull();
    expect(normaliseAccountNumber('123456')).toBe('00123456');
    expect(normaliseAccountNumber('12ab5678')).toBeNull();
  });

  it('is found by the account number, alone or run together with the sort code', () => {
    const entry = searchEntry('bank_account', { sortCode: '20-20-15', accountNumber: '55555555', bank: 'Barclays' });
    expect(entry.text).toContain(searchQuery('20-20-15 55555555').compact);
    expect(entry.text).toContain(searchQuery('55555555').compact);
  });

  it('is found by its GB IBAN however it was recorded', () => {
    const query = searchQuery('GB33 BUKB 2020 1555 5555 55').compact;
    expect(query).toBe('20201555555555');
    expect(searchEntry('bank_account', { sortCode: '20-20-15', accountNumber: '55555555' }).text).toContain(query);
    expect(searchEntry('bank_account', { iban: 'GB33BUKB20201555555555' }).text).toContain(query);
    expect(searchQuery('GB34 BUKB 2020 1555 5555 55').compact).toBe('gb34bukb20201555555555');
  });

  it('gives any sort code and account number, however spaced, the key of its GB IBAN form (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{6}$/), fc.stringMatching(/^\d{8}$/), (sortCode, account) => {
        const spaced = `${sortCode.slice(0, 2)}-${sortCode.slice(2, 4)}-${sortCode.slice(4)}`;
        expect(bankAccountIdentity({ sortCode: spaced, accountNumber: `${account.slice(0, 4)} ${account.slice(4)}` })?.key).toBe(`gb:${sortCode}:${account}`);
      }),
    );
  });
});

describe('identity documents', () => {
  it('keys a document by its type and number, without spaces or case', () => {
    expect(documentIdentity({ type: 'passport', number: 'ab 123 456 7', country: 'Albania' })).toEqual({
      key: 'passport:AB1234567',
      label: 'AB1234567 (Albania)',
    });
    expect(documentIdentity({ type: 'passport', number: 'AB1234567' })?.key).toBe('passport:AB1234567');
    expect(documentIdentity({ type: 'national_id', number: 'AB1234567' })?.key).not.toBe('passport:AB1234567');
    expect(documentIdentity({ number: 'x1' })).toBeNull();
    expect(searchEntry('document', { type: 'passport', number: 'ab-1234567' }).text).toContain(searchQuery('AB1234567').compact);
  });
});
