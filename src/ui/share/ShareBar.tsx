// "Copy link" and "Export" in the header. Copy link puts the view into the URL hash and the clipboard (or shows the
// link in a field when the clipboard is unavailable); over the size limit it offers a view file to download instead.
import { useEffect, useRef, useState } from 'react';
import { useStore } from '../store/store';
import {
  decisionCopyText,
  download,
  nativeJournalText,
  runFileBase,
  svgToPng,
  testFile,
  timelineSvgText,
} from './exports';
import { copyLink, copyText, SharePanel, type SharePanelState } from './SharePanel';
import { useShareLink } from './useShareLink';
import './share.css';

export function ShareBar() {
  useShareLink();
  const hasRun = useStore((s) => s.run !== null);
  const canTest = useStore(
    (s) =>
      s.run !== null &&
      s.run.seed !== null &&
      s.run.format === 'simulation' &&
      s.run.source.kind !== 'file' &&
      s.run.source.kind !== 'url',
  );
  const [panel, setPanel] = useState<SharePanelState>(null);
  const [menuOpen, setMenuOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!menuOpen && !panel) return;
    const close = (e: Event) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !root.current?.contains(e.target as Node)) {
        setMenuOpen(false);
        if (panel?.kind === 'copied') setPanel(null);
      }
    };
    window.addEventListener('keydown', close);
    window.addEventListener('pointerdown', close);
    return () => {
      window.removeEventListener('keydown', close);
      window.removeEventListener('pointerdown', close);
    };
  }, [menuOpen, panel]);

  useEffect(() => {
    if (panel?.kind !== 'copied') return;
    const timer = setTimeout(() => setPanel(null), 4000);
    return () => clearTimeout(timer);
  }, [panel]);

  const act = (fn: () => Promise<void> | void) => async () => {
    setMenuOpen(false);
    try {
      await fn();
    } catch (e) {
      setPanel({ kind: 'error', message: (e as Error).message });
    }
  };

  const items: { label: string; title: string; disabled?: boolean; run(): Promise<void> | void }[] = [
    {
      label: 'Download journal',
      title: 'The loaded run as a native journal file (with the decisions when simulated)',
      run: async () =>
        download(`${runFileBase(useStore.getState())}.journal.json`, await nativeJournalText(useStore.getState())),
    },
    {
      label: 'Timeline as SVG',
      title: 'The timeline at this step as a standalone SVG file',
      run: () =>
        download(
          `${runFileBase(useStore.getState())}.timeline.svg`,
          timelineSvgText(useStore.getState()),
          'image/svg+xml',
        ),
    },
    {
      label: 'Timeline as PNG',
      title: 'The timeline at this step as a PNG image',
      run: async () =>
        download(
          `${runFileBase(useStore.getState())}.timeline.png`,
          await svgToPng(timelineSvgText(useStore.getState())),
        ),
    },
    {
      label: 'Copy decision',
      title: 'The decision at this step (or the latest before it) as text',
      run: async () => {
        const text = decisionCopyText(useStore.getState());
        if (text === null) return setPanel({ kind: 'error', message: 'No decision has been made yet at this step.' });
        setPanel(
          (await copyText(text))
            ? { kind: 'copied', what: 'Decision copied' }
            : { kind: 'manual', what: 'Decision text', text },
        );
      },
    },
    {
      label: 'Export as test',
      title: canTest
        ? 'A Vitest test that simulates this scenario with this seed and asserts the same decisions'
        : 'Only for a simulated example or edited scenario',
      disabled: !canTest,
      run: () => {
        const file = testFile(useStore.getState());
        if (file) download(file.name, file.text, 'text/typescript');
      },
    },
  ];

  return (
    <div className="share-bar" ref={root}>
      <button
        className="btn"
        disabled={!hasRun}
        onClick={async () => {
          setMenuOpen(false);
          setPanel(await copyLink());
        }}
        title="Copy a link to exactly this view"
      >
        Copy link
      </button>
      <button
        className="btn"
        disabled={!hasRun}
        aria-haspopup="menu"
        aria-expanded={menuOpen}
        onClick={() => setMenuOpen((o) => !o)}
      >
        Export ▾
      </button>
      {menuOpen && (
        <div className="share-menu" role="menu" aria-label="Export">
          {items.map((item) => (
            <button
              key={item.label}
              role="menuitem"
              className="share-item"
              disabled={item.disabled}
              title={item.title}
              onClick={() => void act(item.run)()}
            >
              {item.label}
            </button>
          ))}
        </div>
      )}
      {panel && <SharePanel panel={panel} onClose={() => setPanel(null)} />}
    </div>
  );
}
