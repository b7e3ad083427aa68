/**
 * Escape that means "leave", not "close this": pressed in a text box or a list (to dismiss an
 * on-screen keyboard, a suggestion or an open select), it must not throw away what was written.
 */
export function isLeavingEscape(event: Pick<KeyboardEvent, 'key' | 'defaultPrevented' | 'target'>): boolean {
  if (event.key !== 'Escape' || event.defaultPrevented) return false;
  const target = event.target as { tagName?: string; isContentEditable?: boolean; type?: string } | null;
  const tag = target?.tagName?.toLowerCase();
  if (tag === 'textarea' || tag === 'select' || target?.isContentEditable) return false;
  // Text boxes, but not buttons, checkboxes and radios, which have nothing open to close.
  if (tag === 'input' && !['button', 'submit', 'reset', 'checkbox', 'radio'].includes(target?.type ?? 'text')) return false;
  return true;
}
