// "Timeline as SVG": a standalone SVG file drawn from the derived model (lanes, bars, labels, cursor), not a copy of
// the DOM, so it looks the same in any viewer and holds no script. Every text is escaped: names and payloads come
// from journals, which are untrusted input. The lanes are the rows of `laneView` (lane-view.ts), as on the screen.
import type { LaneRowView, LaneState } from './lane-view';

export type SvgBarState = LaneState;

/** The parts of a lane row (laneView, ui/derive/laneView.ts) the SVG draws: the screen's rows, unchanged. */
export type SvgLane = Pick<LaneRowView, 'id' | 'label' | 'state' | 'stateText' | 'startU' | 'endU' | 'role' | 'marker'>;

export interface TimelineSvgInput {
  title: string;
  status: string;
  lanes: SvgLane[];
  /** Axis span in units; bars are placed at u / span. */
  spanU: number;
  cursorU: number;
  ticks: { u: number; label: string }[];
}

export const SVG_WIDTH_PX = 1200;
const LABEL_PX = 400;
/** Labels longer than this are cut with an ellipsis (the full label stays in the lane's <title>). */
const LABEL_CHARS_MAX = 40;
const LANE_PX = 24;
const HEAD_PX = 64;
const PLOT_PX = SVG_WIDTH_PX - LABEL_PX - 24;

/** XML text and attribute escaping; characters XML 1.0 cannot hold are dropped. */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const fill: Record<SvgBarState, string> = {
  'not-started': '#e5e7eb',
  pending: '#fde68a',
  'transient-retrying': '#fdba74',
  'completed-success': '#bbf7d0',
  'failed-terminal': '#fecaca',
};
const stroke: Record<SvgBarState, string> = {
  'not-started': '#9ca3af',
  pending: '#d97706',
  'transient-retrying': '#ea580c',
  'completed-success': '#16a34a',
  'failed-terminal': '#dc2626',
};

const round = (n: number) => Math.round(n * 10) / 10;

export function timelineSvg(input: TimelineSvgInput): string {
  const span = input.spanU > 0 ? input.spanU : 1;
  const x = (u: number) => round(LABEL_PX + Math.max(0, Math.min(1.05, u / span)) * PLOT_PX);
  const height = HEAD_PX + input.lanes.length * LANE_PX + 16;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${SVG_WIDTH_PX}" height="${height}" viewBox="0 0 ${SVG_WIDTH_PX} ${height}" font-family="system-ui, sans-serif" font-size="12">`,
    `<title>${escapeXml(input.title)}</title>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="12" y="20" font-size="14" font-weight="600" fill="#111827">${escapeXml(input.title)}</text>`,
    `<text x="12" y="40" fill="#374151">${escapeXml(input.status)}</text>`,
  ];
  for (const t of input.ticks) {
    out.push(`<line x1="${x(t.u)}" y1="${HEAD_PX - 8}" x2="${x(t.u)}" y2="${height - 8}" stroke="#e5e7eb"/>`);
    out.push(
      `<text x="${x(t.u)}" y="${HEAD_PX - 10}" fill="#6b7280" font-size="10" text-anchor="middle">${escapeXml(t.label)}</text>`,
    );
  }
  input.lanes.forEach((lane, i) => {
    const y = HEAD_PX + i * LANE_PX;
    const x0 = x(lane.startU);
    const x1 = lane.endU === null ? LABEL_PX + PLOT_PX + 8 : Math.max(x(lane.endU), x0 + 3);
    const role =
      lane.role === 'winner'
        ? ' ★ won'
        : lane.role === 'loser'
          ? ' lost'
          : lane.role === 'failed-first'
            ? ' failed first'
            : '';
    const label = lane.label.length > LABEL_CHARS_MAX ? `${lane.label.slice(0, LABEL_CHARS_MAX - 1)}…` : lane.label;
    out.push(
      `<g data-future-id="${escapeXml(lane.id)}">`,
      `<title>${escapeXml(lane.label)}: ${escapeXml(lane.stateText + role)}</title>`,
    );
    out.push(`<text x="12" y="${y + 16}" fill="#111827">${escapeXml(label)}</text>`);
    out.push(
      `<text x="${LABEL_PX - 8}" y="${y + 16}" fill="#6b7280" text-anchor="end">${escapeXml(lane.stateText + role)}</text>`,
    );
    const dash = lane.state === 'not-started' || lane.endU === null ? ' stroke-dasharray="4 3"' : '';
    const width = lane.role === 'winner' ? 2.5 : 1;
    out.push(
      `<rect x="${x0}" y="${y + 5}" width="${round(x1 - x0)}" height="${LANE_PX - 10}" rx="3" fill="${fill[lane.state]}" stroke="${stroke[lane.state]}" stroke-width="${width}"${dash}/>`,
    );
    if (lane.marker && lane.marker.u !== null) {
      const mx = x(lane.marker.u);
      const my = y + LANE_PX / 2;
      out.push(
        `<path d="M${mx} ${my - 4.5}L${round(mx + 4.5)} ${my}L${mx} ${my + 4.5}L${round(mx - 4.5)} ${my}Z" fill="#ffffff" stroke="#2f6feb" stroke-width="1.5"><title>${escapeXml(lane.marker.title)}</title></path>`,
      );
    }
    out.push('</g>');
  });
  const cx = x(input.cursorU);
  out.push(`<line x1="${cx}" y1="${HEAD_PX - 4}" x2="${cx}" y2="${height - 8}" stroke="#2563eb" stroke-width="1.5"/>`);
  out.push('</svg>', '');
  return out.join('\n');
}
