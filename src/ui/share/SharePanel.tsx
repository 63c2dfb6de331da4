// The small panel under "Copy link" (in the header, and in the compare view): link copied, the link in a field when
// the clipboard is unavailable, "too long" with the view file to download, or an error.
import { shareLinkCharsMax } from '../../share/view-hash';
import { useStore } from '../store/store';
import { download, runFileBase } from './exports';
import { currentView, shareHash, shareUrlFor } from './shareState';
import './share.css';

export type SharePanelState =
  | { kind: 'copied'; what: string }
  | { kind: 'manual'; what: string; text: string }
  | { kind: 'too-long'; chars: number }
  | { kind: 'error'; message: string }
  | null;

export async function copyText(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Copy link: the view into the URL hash and the clipboard; what to tell the user about it. */
export async function copyLink(): Promise<SharePanelState> {
  try {
    const hash = await shareHash(useStore.getState());
    const url = shareUrlFor(hash);
    if (url.length > shareLinkCharsMax) return { kind: 'too-long', chars: url.length };
    history.replaceState(history.state, '', `#${hash}`);
    return (await copyText(url))
      ? { kind: 'copied', what: 'Link copied' }
      : { kind: 'manual', what: 'Share link', text: url };
  } catch (e) {
    return { kind: 'error', message: (e as Error).message };
  }
}

async function downloadView(): Promise<void> {
  const [view, { viewFileText }] = await Promise.all([
    currentView(useStore.getState()),
    import('../../share/view-file'),
  ]);
  if (view) download(`${runFileBase(useStore.getState())}.view.json`, viewFileText(view));
}

export function SharePanel({ panel, onClose }: { panel: NonNullable<SharePanelState>; onClose(): void }) {
  return (
    <div
      className={`share-pop${panel.kind === 'error' ? ' error' : panel.kind === 'copied' ? ' toast' : ''}`}
      role={panel.kind === 'copied' ? undefined : 'dialog'}
      aria-label={panel.kind === 'too-long' ? 'Link too long' : panel.kind === 'manual' ? panel.what : undefined}
      aria-live="polite"
    >
      {panel.kind === 'copied' && <span>✓ {panel.what}</span>}
      {panel.kind === 'manual' && (
        <>
          <p>The clipboard is not available here: copy it from this field.</p>
          <input
            className="share-field"
            readOnly
            aria-label={panel.what}
            value={panel.text}
            onFocus={(e) => e.currentTarget.select()}
            autoFocus
          />
        </>
      )}
      {panel.kind === 'too-long' && (
        <>
          <p>
            This link would be {panel.chars.toLocaleString('en-US')} characters long; links are limited to{' '}
            {shareLinkCharsMax.toLocaleString('en-US')}. Download a view file instead: opening it with “Open journal”
            restores this view.
          </p>
          <button
            className="btn primary"
            onClick={() => {
              void downloadView();
              onClose();
            }}
          >
            Download view file
          </button>
        </>
      )}
      {panel.kind === 'error' && <p>{panel.message}</p>}
      {panel.kind !== 'copied' && (
        <button className="btn icon share-close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      )}
    </div>
  );
}
