/**
 * Brings the keyboard (and the eye) to the day or deliverable a comment is about. The target is
 * focusable by script only (tabIndex -1) and marked for a moment so that it is found at a glance.
 */
export function focusAnchor(id: string): boolean {
  const target = document.getElementById(id);
  if (!target) return false;
  const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  target.scrollIntoView({ block: 'center', behavior: reduced ? 'auto' : 'smooth' });
  target.focus({ preventScroll: true });
  // Restart the highlight when the same target is asked for twice.
  target.classList.remove('is-review-target');
  void target.offsetWidth;
  target.classList.add('is-review-target');
  target.addEventListener('animationend', () => target.classList.remove('is-review-target'), { once: true });
  return true;
}
