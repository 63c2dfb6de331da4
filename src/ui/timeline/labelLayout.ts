// Marker labels on the timeline (crash, retry, transient error, suspended, attempt N, handler down, decided by…) sit at
// the x of their marker. Markers close in time would draw their labels on top of each other, so labels are stacked in
// rows, and what still does not fit is folded into its neighbour as "+N" (the full list stays in the neighbour's title
// and in the inspector). Labels are also kept inside the lane area instead of being cut off at its edges.
// Pure: text widths come from an injected measure function, so the layout is tested without a DOM.

export interface LabelRequest {
  /** Unique among the requests; the caller's React key. */
  key: string;
  /** The marker's x, in px from the left of the lane area. */
  x: number;
  text: string;
  /** 'start': the label begins just right of its marker; 'end': it ends just left of it. */
  align: 'start' | 'end';
  /** Placed before the others and never folded into another label (the decision's cause, the mismatch). */
  pinned?: boolean;
  /** Longer words for the label's title (time, message). */
  detail?: string;
}

export interface PlacedLabel {
  request: LabelRequest;
  /** 0 is the row nearest the edge the labels hang from. */
  row: number;
  leftPx: number;
  /** The text to draw: the request's text, plus " +N" when N labels were folded into this one. */
  text: string;
  /** The labels folded into this one, in x order. */
  folded: LabelRequest[];
}

export interface LabelLayoutOptions {
  /** Width of the lane area: labels are kept inside [0, widthPx]. */
  widthPx: number;
  rowsMax: number;
  /** Space between a marker and its label. */
  offsetPx: number;
  /** Least space between two labels in one row. */
  gapPx: number;
  /** Rendered width of a label with this text, padding included. */
  measure(text: string): number;
}

export interface LabelLayout {
  placed: PlacedLabel[];
  /** No row had room and no unpinned label was near to fold it into (only pinned labels around): not drawn. */
  dropped: LabelRequest[];
}

/** A bound on the work per frame (TigerStyle): beyond it the rest fold into their neighbours without a row search. */
export const LABELS_MAX = 500;

export function foldedText(text: string, foldedCount: number): string {
  return foldedCount > 0 ? `${text} +${foldedCount}` : text;
}

interface Slot {
  placed: PlacedLabel;
  left: number;
  /** Right edge, including the room kept for a " +N" suffix when this label is a host. */
  right: number;
}

/**
 * Stacks and folds the labels. A label that others fold into grows by its " +N" suffix, which could then run into its
 * right neighbour; so the layout is redone with room kept after every label that became a host, until no new host
 * appears. Most layouts fold nothing and take one pass; each further pass adds a host, so passes ≤ labels + 1.
 */
export function layoutLabels(requests: readonly LabelRequest[], o: LabelLayoutOptions): LabelLayout {
  const roomFor = new Set<string>();
  for (;;) {
    const pass = layoutPass(requests, o, roomFor);
    const newHosts = pass.placed.filter((p) => p.folded.length > 0 && !roomFor.has(p.request.key));
    if (newHosts.length === 0) return pass;
    for (const h of newHosts) roomFor.add(h.request.key);
  }
}

function layoutPass(
  requests: readonly LabelRequest[],
  o: LabelLayoutOptions,
  roomFor: ReadonlySet<string>,
): LabelLayout {
  const rowsMax = Math.max(1, Math.floor(o.rowsMax));
  const countDigits = String(requests.length).length;
  const boxes = requests.map((request, order) => {
    const widthPx = o.measure(request.text);
    // Room for the widest suffix this layout could need, so folding never makes a host overlap its right neighbour.
    const reservePx = roomFor.has(request.key)
      ? o.measure(`${request.text} +${'9'.repeat(countDigits)}`) - widthPx + 1
      : 0;
    const wanted = request.align === 'start' ? request.x + o.offsetPx : request.x - o.offsetPx - widthPx;
    const left = Math.max(0, Math.min(wanted, o.widthPx - widthPx - reservePx));
    return { request, order, left, right: left + widthPx + reservePx };
  });
  // Pinned labels first, then the others from left to right (the earliest keeps its label, later ones stack or fold).
  boxes.sort((a, b) => Number(!!b.request.pinned) - Number(!!a.request.pinned) || a.left - b.left || a.order - b.order);

  const pinnedByRow: Slot[][] = Array.from({ length: rowsMax }, () => []);
  const lastByRow: (Slot | null)[] = Array.from({ length: rowsMax }, () => null);
  const placed: PlacedLabel[] = [];
  const dropped: LabelRequest[] = [];
  const clear = (s: Slot | null, left: number, right: number) =>
    !s || s.right + o.gapPx <= left || right + o.gapPx <= s.left;

  for (const [i, box] of boxes.entries()) {
    const pinned = !!box.request.pinned;
    let row = -1;
    if (i < LABELS_MAX) {
      for (let r = 0; r < rowsMax && row < 0; r++) {
        // Pinned labels are placed before any other, and the others come from left to right: only the pinned ones and
        // the last other label of a row can reach this one.
        if (pinnedByRow[r].every((s) => clear(s, box.left, box.right)) && clear(lastByRow[r], box.left, box.right))
          row = r;
      }
    }
    if (row >= 0) {
      const label: PlacedLabel = { request: box.request, row, leftPx: box.left, text: box.request.text, folded: [] };
      const slot = { placed: label, left: box.left, right: box.right };
      placed.push(label);
      if (pinned) pinnedByRow[row].push(slot);
      else lastByRow[row] = slot;
      continue;
    }
    const host = pinned ? null : hostFor(lastByRow, box.left, box.right, o.gapPx);
    if (host) host.placed.folded.push(box.request);
    else dropped.push(box.request);
  }
  for (const p of placed) p.text = foldedText(p.request.text, p.folded.length);
  return { placed, dropped };
}

/** The neighbour a label that found no row folds into: the first row's last label that it touches, else the nearest. */
function hostFor(lastByRow: (Slot | null)[], left: number, right: number, gapPx: number): Slot | null {
  let nearest: Slot | null = null;
  let nearestPx = Infinity;
  for (const s of lastByRow) {
    if (!s) continue;
    if (s.left < right + gapPx && left < s.right + gapPx) return s;
    const distancePx = left >= s.right ? left - s.right : s.left - right;
    if (distancePx < nearestPx) {
      nearest = s;
      nearestPx = distancePx;
    }
  }
  return nearest;
}
