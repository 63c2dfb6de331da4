// The journal, one row per entry (virtualized). Rows after the cursor are not appended yet; clicking a row moves there.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { entryFutureId } from '../../model/future-ids';
import { entryLabel } from '../derive/labels';
import { useStore } from '../store/store';

const ROW_PX = 22;

export function JournalTable() {
  const { run, cursor } = useStore(useShallow((s) => ({ run: s.run, cursor: s.cursor })));
  const ref = useRef<HTMLDivElement>(null);
  const entries = run?.journal.entries ?? [];
  const v = useVirtualizer({
    count: entries.length,
    getScrollElement: () => ref.current,
    estimateSize: () => ROW_PX,
    overscan: 20,
  });
  useEffect(() => {
    if (cursor > 0) v.scrollToIndex(cursor - 1, { align: 'auto' });
  }, [cursor, v]);
  if (!run) return null;
  const t0 = entries.find((e) => e.appendedAtMs !== null)?.appendedAtMs ?? 0;
  return (
    <div ref={ref} style={{ height: '100%', overflow: 'auto' }}>
      <div
        className="journal-table"
        role="list"
        aria-label="Journal entries"
        style={{ height: v.getTotalSize(), position: 'relative' }}
      >
        {v.getVirtualItems().map((item) => {
          const e = entries[item.index];
          const fid =
            e.kind === 'command'
              ? e.completionIds.length
                ? `c${e.completionIds[e.completionIds.length - 1]}`
                : ''
              : (entryFutureId(e) ?? '');
          const result = e.kind === 'notification' ? e.result.kind : '';
          return (
            <div
              role="listitem"
              key={item.index}
              className={e.index < cursor ? (e.index === cursor - 1 ? 'current' : '') : 'future-row'}
              onClick={() => {
                useStore.getState().setCursor(e.index + 1);
                useStore.getState().select(`e${e.index}`);
              }}
              style={{
                position: 'absolute',
                top: item.start,
                height: ROW_PX,
                left: 0,
                right: 0,
                display: 'grid',
                gridTemplateColumns: '50px 1fr 60px 90px 90px',
                alignItems: 'center',
                padding: '0 8px',
                cursor: 'pointer',
                opacity: e.index < cursor ? 1 : 0.45,
                background: e.index === cursor - 1 ? 'var(--accent-soft)' : undefined,
              }}
            >
              <span>#{e.index}</span>
              <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                {entryLabel(e)}
              </span>
              <span>{fid}</span>
              <span>{result}</span>
              <span>{e.appendedAtMs === null ? '—' : `+${e.appendedAtMs - t0} ms`}</span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
