/** The rows a scrolled table must draw: those in view and a few either side, so scrolling shows no gaps. */
export function visibleRows(scrollTop: number, viewHeight: number, rowHeight: number, count: number, overscan = 5): { readonly first: number; readonly end: number } {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const end = Math.min(count, Math.ceil((scrollTop + viewHeight) / rowHeight) + overscan);
  return { first, end: Math.max(first, end) };
}
