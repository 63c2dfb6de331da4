// The drawn width of a timeline marker label (10 px, bold, 3 px padding each side: see timeline-labels.css), measured
// with a canvas in the page's own font so the label layout matches what the browser draws. Bold for every label: the
// plain ones (attempt N, handler down) are narrower, so their boxes are only a little generous.
const LABEL_FONT_SIZE_PX = 10;
const LABEL_PADDING_PX = 6;
/** Sub-pixel rounding of the drawn box. */
const SLACK_PX = 1;
const CACHE_MAX = 1000;

const cache = new Map<string, number>();
let context: CanvasRenderingContext2D | null | undefined;

/** Without a canvas (tests, a locked-down browser): a wide sans-serif average, so the estimate errs on the wide side. */
export function estimateLabelWidthPx(text: string): number {
  let units = 0;
  for (const ch of text) units += ch.codePointAt(0)! > 0x2000 ? 1.8 : 1;
  return Math.ceil(units * 6.4) + LABEL_PADDING_PX + SLACK_PX;
}

function canvasContext(): CanvasRenderingContext2D | null {
  if (context !== undefined) return context;
  try {
    context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
    if (context)
      context.font = `650 ${LABEL_FONT_SIZE_PX}px ${getComputedStyle(document.body).fontFamily || 'sans-serif'}`;
  } catch {
    context = null;
  }
  return context;
}

export function labelWidthPx(text: string): number {
  const known = cache.get(text);
  if (known !== undefined) return known;
  const ctx = canvasContext();
  const widthPx = ctx
    ? Math.ceil(ctx.measureText(text).width) + LABEL_PADDING_PX + SLACK_PX
    : estimateLabelWidthPx(text);
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(text, widthPx);
  return widthPx;
}
