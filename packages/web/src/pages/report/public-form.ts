import { CAMPAIGN_CODE } from '@harbour/contract/vocabulary';
import type { FormToken } from '@harbour/contract';
import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import { api } from '../../api/client';

/**
 * What every public form sends besides the reporter's answers: the form token (a signed note of
 * when the form was opened, which a machine sending at once fails) and the campaign tag of the
 * poster's QR code the form was opened from, the same for everyone who scans it.
 */
export function usePublicForm() {
  const location = useLocation();
  const token = useRef<string | null>(null);
  const [campaign] = useState(() => {
    const tag = new URLSearchParams(location.search).get('c');
    return tag && CAMPAIGN_CODE.test(tag) ? tag : undefined;
  });
  useEffect(() => {
    void api<FormToken>('GET', '/api/public/form-token').then((r) => (token.current = r.token));
  }, []);
  return {
    campaign,
    formToken: () => token.current ?? '',
    /** After a refusal of the token (open too long): a fresh one; nothing written is lost. */
    renewToken: async () => {
      token.current = (await api<FormToken>('GET', '/api/public/form-token')).token;
    },
  };
}
