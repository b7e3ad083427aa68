import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { problemsFrom } from './problems';

// Says which message was chosen and with what limit, whatever the language.
const t = ((key: string, options?: { limit?: string }) => (options?.limit ? `${key}(${options.limit})` : key)) as unknown as TFunction;

describe('problems from a refused request', () => {
  it('a page’s own words for a field are used when something is missing or wrong there', () => {
    const refused = new ApiError(400, 'validation', 'Invalid', [{ path: 'description', message: 'Tell us what is happening', reason: 'required' }]);
    expect(problemsFrom(refused, t, { description: 'report.errors.descriptionRequired' })).toEqual([
      { field: 'description', message: 'report.errors.descriptionRequired' },
    ]);
  });

  it('too much is told as the limit, never as the empty-box message', () => {
    const refused = new ApiError(400, 'validation', 'Invalid', [
      { path: 'description', message: 'Must be 10,000 characters or fewer', reason: 'too_long', limit: 10_000 },
    ]);
    const [problem] = problemsFrom(refused, t, { description: 'report.errors.descriptionRequired' });
    expect(problem?.message).toMatch(/^errors\.field\.tooLong\(10.000\)$/);
  });
});
