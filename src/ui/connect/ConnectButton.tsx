// Header entry point of the live connection: "Connect" opens the panel; while following, a chip says what is followed.
import { useEffect } from 'react';
import { useConnect } from './connectStore';
import { ConnectPanel } from './ConnectPanel';
import { stopFollowing } from './live';
import './connect.css';

export function ConnectButton() {
  const follow = useConnect((s) => s.follow);
  const open = useConnect((s) => s.open);
  useEffect(() => {
    // `replay-inspector serve` prints the address with `?connect`: arriving there opens the panel (once).
    if (new URLSearchParams(location.search).has('connect')) useConnect.getState().setOpen(true);
  }, []);
  return (
    <>
      {follow?.active && (
        <span
          className={`follow-chip${follow.error ? ' failing' : ''}`}
          role="group"
          aria-label="Following"
          title={
            follow.error ??
            `Polling ${follow.id} every second${follow.note ? `. Last update: ${follow.note.detail}` : ''}`
          }
        >
          <span className="follow-dot" aria-hidden="true" />
          Following {follow.id.slice(0, 12)}… · {follow.status}
          {follow.note?.short && !follow.error && <span className="follow-note">{follow.note.short}</span>}
          {follow.error && <span className="follow-error">{follow.error}</span>}
          <button className="btn small" onClick={stopFollowing}>
            Stop following
          </button>
        </span>
      )}
      <button
        className="btn"
        aria-haspopup="dialog"
        aria-expanded={open}
        title="Connect to a running Restate server"
        onClick={() => useConnect.getState().setOpen(!open)}
      >
        <span aria-hidden="true">⇄</span> Connect
      </button>
      {open && <ConnectPanel />}
    </>
  );
}
