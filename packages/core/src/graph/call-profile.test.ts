import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { callProfile, type NumberCalls, type PhoneUser } from './call-profile';

const day = (d: number) => new Date(Date.UTC(2026, 2, d, 12));
const call = (way: 'in' | 'out', other: string, calls: number, d: number, hours: number[] | null = null): NumberCalls => ({
  way,
  other,
  otherLabel: `+44770090${other.slice(-4)}`,
  calls,
  seconds: calls * 60,
  first: day(d),
  last: day(d + 1),
  hours,
});

describe("a number's calls", () => {
  it('counts calls made and received, their time, span and hours', () => {
    const at = (h: number, n: number) => Object.assign(new Array<number>(24).fill(0), { [h]: n });
    const profile = callProfile('me', [call('out', 'p-0001', 3, 1, at(21, 3)), call('in', 'p-0001', 2, 5, at(9, 2)), call('in', 'p-0002', 1, 3)], []);
    expect(profile).toMatchObject({ callsOut: 3, callsIn: 3, seconds: 360, first: day(1), last: day(6), timed: 5 });
    expect(profile.hours[21]).toBe(3);
    expect(profile.hours[9]).toBe(2);
    expect(profile.contacts.map((c) => [c.numbers.map((n) => n.id), c.callsOut, c.callsIn])).toEqual([
      [['p-0001'], 3, 2],
      [['p-0002'], 0, 1],
    ]);
  });

  it('makes one contact of a person with two numbers, and of two people sharing one', () => {
    const users: PhoneUser[] = [
      { phone: 'p-0001', person: 'eni', label: 'Eni Rama' },
      { phone: 'p-0002', person: 'eni', label: 'Eni Rama' },
      { phone: 'p-0003', person: 'ana', label: 'Ana Pop' },
      { phone: 'p-0003', person: 'ion', label: 'Ion Pop' },
      { phone: 'p-0009', person: 'nobody-called', label: 'Not called' },
    ];
    const profile = callProfile(
      'me',
      [call('out', 'p-0001', 4, 1), call('in', 'p-0002', 3, 2), call('out', 'p-0003', 2, 3), call('in', 'p-0004', 1, 4)],
      users,
    );
    expect(profile.contacts.map((c) => ({ people: c.people.map((p) => p.label), numbers: c.numbers.length, calls: c.callsOut + c.callsIn }))).toEqual([
      { people: ['Eni Rama'], numbers: 2, calls: 7 },
      { people: ['Ana Pop', 'Ion Pop'], numbers: 1, calls: 2 },
      { people: [], numbers: 1, calls: 1 },
    ]);
  });

  it('leaves out calls with itself (two of its numbers merged into one phone)', () => {
    expect(callProfile('me', [call('out', 'me', 5, 1)], []).contacts).toEqual([]);
  });

  it('for any calls and users: every number in one contact, every person in at most one, every call counted once', () => {
    const phone = fc.constantFrom('p-0001', 'p-0002', 'p-0003', 'p-0004', 'p-0005', 'p-0006');
    const person = fc.constantFrom('a', 'b', 'c', 'd');
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            way: fc.constantFrom<'in' | 'out'>('in', 'out'),
            other: phone,
            calls: fc.integer({ min: 1, max: 50 }),
            d: fc.integer({ min: 1, max: 20 }),
          }),
        ),
        fc.array(fc.record({ phone, person })),
        (calls, used) => {
          const profile = callProfile(
            'me',
            calls.map((c) => call(c.way, c.other, c.calls, c.d)),
            used.map((u) => ({ ...u, label: u.person.toUpperCase() })),
          );
          const numbers = profile.contacts.flatMap((c) => c.numbers.map((n) => n.id));
          expect(new Set(numbers).size).toBe(numbers.length);
          expect(new Set(numbers)).toEqual(new Set(calls.map((c) => c.other)));
          const people = profile.contacts.flatMap((c) => c.people.map((p) => p.id));
          expect(new Set(people).size).toBe(people.length);
          const total = calls.reduce((s, c) => s + c.calls, 0);
          expect(profile.callsIn + profile.callsOut).toBe(total);
          expect(profile.contacts.reduce((s, c) => s + c.callsIn + c.callsOut, 0)).toBe(total);
        },
      ),
    );
  });
});
