// Two runs side by side, aligned by command index: one row per command, A on the left, B on the right, the first
// divergence highlighted, every difference listed (click one to move both cursors there).
import { useEffect, useRef } from 'react';
import type { Entry } from '../../model';
import { ordinal, rowAtCursor } from '../../compare/compare-view';
import { entryFutureId } from '../../model/future-ids';
import { entryLabel } from '../derive/labels';
import { CompareCopyLink } from './CompareCopyLink';
import { useCompare, type CompareSideRun } from './compareStore';
import { useModalKeys } from './useModalKeys';

const kindWords: Record<string, string> = {
  command: 'command',
  'completion-order': 'completion order',
  decision: 'decision',
  outcome: 'outcome',
  'replay-mismatch': 'journal mismatch',
};

function cursorText(side: CompareSideRun, cursor: number): string {
  const total = side.run.journal.entries.length;
  const entry = cursor > 0 ? (side.run.journal.entries[cursor - 1] as Entry | undefined) : undefined;
  const id = entry ? entryFutureId(entry) : null;
  return `step ${cursor} of ${total}${entry ? `: ${entryLabel(entry)}${id ? ` (${id})` : ''}` : ': nothing appended yet'}`;
}

export function CompareView() {
  const a = useCompare((s) => s.a);
  const b = useCompare((s) => s.b);
  const comparison = useCompare((s) => s.comparison);
  const rows = useCompare((s) => s.rows);
  const cursorA = useCompare((s) => s.cursorA);
  const cursorB = useCompare((s) => s.cursorB);
  const focused = useCompare((s) => s.focused);
  const tableRef = useRef<HTMLDivElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const { close, jumpTo, stepBoth } = useCompare.getState();
  const rowA = a ? rowAtCursor(a.run.journal, cursorA) : null;
  const rowB = b ? rowAtCursor(b.run.journal, cursorB) : null;

  useEffect(() => closeRef.current?.focus(), []);
  useModalKeys(
    () => useCompare.getState().close(),
    (e) => {
      if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return false;
      const { jumpTo: jump, stepBoth: step, comparison: c, focused: f } = useCompare.getState();
      // Shift+arrow walks the list of differences; an arrow steps both runs.
      if (e.shiftKey && c && c.differences.length)
        jump(Math.max(0, Math.min(c.differences.length - 1, (f ?? -1) + (e.key === 'ArrowRight' ? 1 : -1))));
      else step(e.key === 'ArrowRight' ? 1 : -1);
      return true;
    },
  );
  useEffect(() => {
    tableRef.current?.querySelector('[aria-current="step"]')?.scrollIntoView({ block: 'nearest' });
  }, [cursorA, cursorB]);

  if (!a || !b || !comparison) return null;
  const first = comparison.firstDivergence;
  const firstIndex = first ? comparison.differences.indexOf(first) : -1;
  const totalA = a.run.journal.entries.length;
  const totalB = b.run.journal.entries.length;

  return (
    <div className="compare-view" role="dialog" aria-modal="true" aria-labelledby="compare-title">
      <div className="compare-bar">
        <h2 id="compare-title">Compare runs</h2>
        <span className="compare-legend">
          <span className="tag-a">A</span> {a.label} <span className="compare-vs">vs</span>{' '}
          <span className="tag-b">B</span> {b.label}
        </span>
        <button className="btn" onClick={() => stepBoth(-1)} disabled={cursorA === 0 && cursorB === 0}>
          Both back
        </button>
        <button className="btn" onClick={() => stepBoth(1)} disabled={cursorA === totalA && cursorB === totalB}>
          Both forward
        </button>
        <button className="btn primary" disabled={!first} onClick={() => jumpTo(firstIndex)}>
          Jump to first divergence
        </button>
        <CompareCopyLink />
        <button ref={closeRef} className="btn" onClick={close}>
          Close
        </button>
      </div>
      <p className={`compare-verdict${first ? ' diverges' : ' same'}`} aria-label="Verdict">
        {first ? (
          <>
            <strong>First divergence</strong> ({kindWords[first.kind]}): {first.message}
          </>
        ) : (
          <>
            <strong>No differences.</strong> Same commands, same completion order, same decisions and the same outcome.
          </>
        )}
      </p>
      <div className="compare-cursors" aria-live="polite">
        <span>
          <span className="tag-a">A</span> {cursorText(a, cursorA)}
        </span>
        <span>
          <span className="tag-b">B</span> {cursorText(b, cursorB)}
        </span>
      </div>
      <div className="compare-body">
        <nav className="compare-diffs" aria-label="Differences">
          <h3>
            {comparison.differences.length === 0
              ? 'No differences'
              : `${comparison.differences.length} difference${comparison.differences.length === 1 ? '' : 's'}`}
          </h3>
          <ol>
            {comparison.differences.map((d, i) => (
              <li key={i}>
                <button
                  className={`compare-diff${i === focused ? ' focused' : ''}${i === firstIndex ? ' first' : ''}`}
                  onClick={() => jumpTo(i)}
                >
                  <span className="compare-diff-kind">{kindWords[d.kind]}</span>
                  {d.message}
                </button>
              </li>
            ))}
          </ol>
        </nav>
        <div className="compare-table-wrap" ref={tableRef}>
          <table className="compare-table" aria-label="Commands side by side">
            <thead>
              <tr>
                <th className="num">#</th>
                <th>
                  <span className="tag-a">A</span> {a.label}
                </th>
                <th>
                  <span className="tag-b">B</span> {b.label}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const differs = row.differenceIndexes.length > 0;
                const isFirst = row.differenceIndexes.includes(firstIndex);
                const isFocused = focused !== null && row.differenceIndexes.includes(focused);
                const here = row.commandIndex === rowA || row.commandIndex === rowB;
                const cell = (side: 'a' | 'b', cursor: number, cursorRow: number | null) => {
                  const s = row[side];
                  const appended = s.entryIndex !== null && s.entryIndex < cursor;
                  return (
                    <td className={`${appended ? '' : 'not-yet'}${row.commandIndex === cursorRow ? ' at-cursor' : ''}`}>
                      <span className="compare-cmd">{s.text}</span>
                      {s.completions.length > 0 && (
                        <span className="compare-done">
                          {s.completions.map((c) => `${c.id} completed ${ordinal(c.position)}`).join(', ')}
                        </span>
                      )}
                      {row.commandIndex === cursorRow && (
                        <span className="compare-cursor-mark">◀ cursor {side.toUpperCase()}</span>
                      )}
                    </td>
                  );
                };
                return (
                  <tr
                    key={row.commandIndex}
                    data-command-index={row.commandIndex}
                    className={`${differs ? 'differs' : ''}${isFirst ? ' first-divergence' : ''}${isFocused ? ' focused' : ''}`}
                    aria-current={here ? 'step' : undefined}
                  >
                    <td className="num">{row.commandIndex}</td>
                    {cell('a', cursorA, rowA)}
                    {cell('b', cursorB, rowB)}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </div>
    </div>
  );
}
