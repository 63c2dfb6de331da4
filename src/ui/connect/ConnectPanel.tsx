// The Connect panel: recent invocations of the Restate server behind `replay-inspector serve`, filtered by target and
// status; open one, or open and follow it while it runs. Without the serve proxy it explains how to start it.
import { useEffect, useRef } from 'react';
import { STATUSES } from './adminSql';
import { useModalKeys } from '../compare/useModalKeys';
import { useConnect } from './connectStore';
import { ensureConfig, loadMoreInvocations, openInvocation, refreshList } from './live';

const SERVE_COMMAND = 'npx replay-inspector serve --admin http://localhost:9070';

function timeOf(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : new Date(t).toLocaleTimeString(undefined, { hour12: false });
}

function NotServed() {
  return (
    <div className="connect-help">
      <p>
        The live view needs the small proxy of <code>replay-inspector serve</code>: the Restate admin API sends no CORS
        headers, so a page cannot query it directly. Start the inspector with it and open the address it prints:
      </p>
      <pre className="connect-command">{SERVE_COMMAND}</pre>
      <p className="connect-muted">
        Point --admin at your server's admin API (port 9070 by default). Only read-only calls are forwarded.
      </p>
    </div>
  );
}

function InvocationList() {
  const invocations = useConnect((s) => s.invocations);
  const opening = useConnect((s) => s.opening);
  const follow = useConnect((s) => s.follow);
  if (invocations === null) return <p className="connect-muted">Loading invocations…</p>;
  if (invocations.length === 0) return <p className="connect-muted">No invocations match.</p>;
  return (
    <div className="connect-table-wrap">
      <table className="connect-table" aria-label="Invocations">
        <thead>
          <tr>
            <th>Target</th>
            <th>Status</th>
            <th>Created</th>
            <th>Modified</th>
            <th>Entries</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {invocations.map((inv) => {
            const live = inv.status !== 'completed';
            const busy = opening === inv.id;
            return (
              <tr key={inv.id} data-invocation-id={inv.id}>
                <td>
                  <div className="connect-target">{inv.target}</div>
                  <div className="connect-id">{inv.id}</div>
                </td>
                <td>
                  <span className={`connect-status status-${inv.status}`}>{inv.status}</span>
                </td>
                <td title={inv.createdAt}>{timeOf(inv.createdAt)}</td>
                <td title={inv.modifiedAt}>{timeOf(inv.modifiedAt)}</td>
                <td className="num">{inv.journalSize ?? ''}</td>
                <td>
                  <div className="connect-actions-inner">
                    <button
                      className="btn small"
                      disabled={busy}
                      aria-label={`Open ${inv.id}`}
                      onClick={() => void openInvocation(inv.id, { follow: false })}
                    >
                      {busy ? 'Opening…' : 'Open'}
                    </button>
                    {live && (
                      <button
                        className="btn small primary"
                        disabled={busy}
                        aria-label={`Follow ${inv.id}`}
                        aria-pressed={follow?.active && follow.id === inv.id ? true : undefined}
                        onClick={() => void openInvocation(inv.id, { follow: true })}
                      >
                        Follow
                      </button>
                    )}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

const count = (n: number) => n.toLocaleString('en-US');

/** "Showing 100 of 2,345", Load more while there is a next page, and how many changed since the first page. */
function ListFooter() {
  const invocations = useConnect((s) => s.invocations);
  const paging = useConnect((s) => s.paging);
  const listLoading = useConnect((s) => s.listLoading);
  if (!invocations || !paging || invocations.length === 0) return null;
  const total = paging.total === null ? '' : ` of ${count(Math.max(paging.total, invocations.length))}`;
  return (
    <div className="connect-paging" role="group" aria-label="Pages">
      <span aria-live="polite">
        Showing {count(invocations.length)}
        {total}
      </span>
      {paging.next && (
        <button className="btn small" disabled={listLoading} onClick={() => void loadMoreInvocations()}>
          {listLoading ? 'Loading…' : 'Load more'}
        </button>
      )}
      {paging.newer > 0 && (
        <span className="connect-muted">
          {count(paging.newer)} created or changed since the first page: Refresh to see{' '}
          {paging.newer === 1 ? 'it' : 'them'} at the top.
        </span>
      )}
    </div>
  );
}

export function ConnectPanel() {
  const config = useConnect((s) => s.config);
  const targetFilter = useConnect((s) => s.targetFilter);
  const statusFilter = useConnect((s) => s.statusFilter);
  const error = useConnect((s) => s.error);
  const listLoading = useConnect((s) => s.listLoading);
  const close = () => useConnect.getState().setOpen(false);
  const first = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    void ensureConfig().then((c) => c && refreshList());
    first.current?.focus();
  }, []);
  useModalKeys(close);

  return (
    <div className="dialog-backdrop" onClick={close}>
      <div
        className="dialog connect-panel"
        role="dialog"
        aria-modal="true"
        aria-labelledby="connect-title"
        onClick={(e) => e.stopPropagation()}
      >
        <div className="connect-head">
          <h2 id="connect-title">Connect to Restate</h2>
          {config.kind === 'present' && (
            <span className="connect-muted connect-admin">admin API {config.config.admin}</span>
          )}
          <button ref={first} className="btn icon" aria-label="Close" onClick={close}>
            ×
          </button>
        </div>
        {config.kind === 'unknown' && <p className="connect-muted">Looking for the serve proxy…</p>}
        {config.kind === 'absent' && <NotServed />}
        {config.kind === 'present' && (
          <>
            <form
              className="connect-filters"
              onSubmit={(e) => {
                e.preventDefault();
                void refreshList();
              }}
            >
              <label>
                Target
                <input
                  type="search"
                  placeholder="Service or Service/handler"
                  value={targetFilter}
                  onChange={(e) => useConnect.getState().set({ targetFilter: e.currentTarget.value })}
                />
              </label>
              <label>
                Status
                <select
                  value={statusFilter}
                  onChange={(e) => {
                    useConnect.getState().set({ statusFilter: e.currentTarget.value });
                    void refreshList();
                  }}
                >
                  <option value="">any</option>
                  {STATUSES.map((s) => (
                    <option key={s}>{s}</option>
                  ))}
                </select>
              </label>
              <button className="btn" type="submit" disabled={listLoading}>
                {listLoading ? 'Refreshing…' : 'Refresh'}
              </button>
            </form>
            {error && (
              <div className="connect-error" role="alert">
                {error}
              </div>
            )}
            <InvocationList />
            <ListFooter />
            <p className="connect-muted connect-foot">
              Newest changes first. Follow polls a running or suspended invocation every second until it completes.
            </p>
          </>
        )}
      </div>
    </div>
  );
}
