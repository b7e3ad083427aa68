import { describe, expect, it } from 'vitest';
import { newSecretKey, SecretBox } from '../auth/secret-box';
import { AnchorRefused, anchorDocument, readAnchorDocument } from './audit-anchor-file';

const anchor = { seq: 8, hash: 'c'.repeat(64), at: '2026-12-03T09:00:00.000Z' };

describe('an audit anchor document', () => {
  const key = newSecretKey();
  const box = new SecretBox(key);
  const document = anchorDocument(box, anchor);

  it('is one signed JSON line that reads back as the anchor', () => {
    expect(document.endsWith('\n')).toBe(true);
    expect(JSON.parse(document)).toMatchObject({ kind: 'harbour-audit-anchor', version: 1, ...anchor, signature: expect.stringMatching(/^hsig1\./) });
    expect(readAnchorDocument(box, document)).toEqual(anchor);
  });

  it('is refused when edited, when not JSON, or when signed with a key not configured; old keys still read it', () => {
    const edited = JSON.stringify({ ...JSON.parse(document), seq: 5 });
    expect(() => readAnchorDocument(box, edited)).toThrow(/does not match its signature/);
    expect(() => readAnchorDocument(box, 'not json')).toThrow(AnchorRefused);
    expect(() => readAnchorDocument(box, JSON.stringify({ kind: 'something else' }))).toThrow(/not a Harbour audit anchor/);
    const other = newSecretKey();
    expect(() => readAnchorDocument(new SecretBox(other), document)).toThrow(/signed with a key that is not configured/);
    expect(readAnchorDocument(new SecretBox(other, [key]), document)).toEqual(anchor);
  });
});
