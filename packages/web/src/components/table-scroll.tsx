import type { ReactNode } from 'react';

/**
 * A wide table's scrolling box: a named region that takes focus, so someone on a keyboard can
 * scroll it too (WCAG 2.1.1).
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="app-table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
