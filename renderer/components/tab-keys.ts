/**
 * The WAI-ARIA tabs pattern: arrows move to the neighbouring tab and wrap around, Home and End
 * jump to the ends. Returns the index of the tab to select, or null when the key is not for tabs.
 */
export function tabIndexAfterKey(key: string, current: number, count: number): number | null {
  if (count === 0) return null;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return (current + 1) % count;
    case 'ArrowLeft':
    case 'ArrowUp':
      return (current - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
