// The screen's lane rows (LaneRow) and the SVG export draw the same laneView output: same lanes, same order, same
// label, state words and role. Rendered to static markup in Node (no DOM needed).
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { timelineSvg } from '../../share/timeline-svg';
import { raceDecision, raceFutures, raceJournal } from '../derive/fixtures.test-helpers';
import { laneView } from '../derive/laneView';
import { buildRunModel } from '../derive/runModel';
import { buildTimeAxis, fitWindow } from '../derive/timeAxis';
import { LaneRow } from './LaneRow';

const roleWords = { winner: 'won', loser: 'lost', 'failed-first': 'failed first' } as const;

function screenRows(rows: ReturnType<typeof laneView>, span: number) {
  return rows.map((row) => {
    const html = renderToStaticMarkup(
      createElement(LaneRow, {
        row,
        window: fitWindow({ span }),
        widthPx: 800,
        top: 0,
        height: 28,
        selected: false,
        onSelect: () => {},
        onKeyNav: () => {},
      }),
    );
    return {
      id: /data-future-id="([^"]+)"/.exec(html)![1],
      state: /data-state="([^"]+)"/.exec(html)![1],
      name: /aria-label="([^"]+)"/.exec(html)![1],
    };
  });
}

function svgRows(svg: string) {
  return [...svg.matchAll(/<g data-future-id="([^"]+)">\n<title>([^<]+)<\/title>/g)].map((m) => ({
    id: m[1],
    title: m[2],
  }));
}

describe('the screen and the SVG export draw the same laneView rows', () => {
  const model = buildRunModel({
    journal: raceJournal(),
    futures: raceFutures(),
    decisions: [raceDecision()],
    mismatch: null,
  });
  const axis = buildTimeAxis(model.times, 'logical', false);

  for (const cursor of [0, 2, 4, 5]) {
    it(`agrees on every lane at cursor ${cursor}`, () => {
      const rows = laneView(model, cursor, axis);
      const screen = screenRows(rows, axis.span);
      const svg = svgRows(
        timelineSvg({ title: 't', status: 's', lanes: rows, spanU: axis.span, cursorU: 0, ticks: [] }),
      );
      expect(screen.map((r) => r.id)).toEqual(rows.map((r) => r.id));
      expect(svg.map((r) => r.id)).toEqual(rows.map((r) => r.id));
      rows.forEach((row, i) => {
        const role = row.role ? roleWords[row.role] : null;
        expect(screen[i].state).toBe(row.state);
        expect(screen[i].name).toBe(`${row.label}: ${row.stateText}${role ? `, ${role}` : ''}`);
        // The SVG writes the winner as "★ won".
        expect(svg[i].title).toBe(`${row.label}: ${row.stateText}${role ? ` ${role === 'won' ? '★ won' : role}` : ''}`);
      });
    });
  }

  it('shows the race result at the deciding step on both', () => {
    const rows = laneView(model, 4, axis);
    expect(screenRows(rows, axis.span).map((r) => r.name)).toEqual([
      'Run fetch-a (c1): pending, lost',
      'Sleep (c2): completed, won',
    ]);
    expect(svgRows(timelineSvg({ title: 't', status: 's', lanes: rows, spanU: 5, cursorU: 4, ticks: [] }))).toEqual([
      { id: 'c1', title: 'Run fetch-a (c1): pending lost' },
      { id: 'c2', title: 'Sleep (c2): completed ★ won' },
    ]);
  });
});
