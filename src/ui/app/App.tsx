// The inspector page: header, stepper, status line, then examples | timeline + details | inspector.
import { useEffect, useState } from 'react';
import { ExamplesGallery } from '../source/ExamplesGallery';
import { openBrowserFiles } from '../source/openPicked';
import { Welcome } from '../source/Welcome';
import { Inspector } from '../inspector/Inspector';
import { StatusLine } from '../stepper/StatusLine';
import { Stepper } from '../stepper/Stepper';
import { useStore } from '../store/store';
import { Timeline } from '../timeline/Timeline';
import { BottomPanel } from './BottomPanel';
import { ErrorBanner } from './ErrorBanner';
import { ErrorBoundary } from './ErrorBoundary';
import { Header } from './Header';
import { HelpDialog } from './HelpDialog';
import { LoadProgress } from './LoadProgress';
import { useHashSync } from './useHashSync';
import { useKeyboard } from './useKeyboard';
import { usePlayback } from './usePlayback';
import { useTheme } from './useTheme';
import './styles.css';

/** Drag-and-drop of journal files anywhere on the page. */
function useFileDrop(): boolean {
  const [over, setOver] = useState(false);
  useEffect(() => {
    let depth = 0;
    const hasFiles = (e: DragEvent) => !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth++;
      setOver(true);
    };
    const overFn = (e: DragEvent) => {
      if (hasFiles(e)) e.preventDefault();
    };
    const leave = () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setOver(false);
      if (e.dataTransfer?.files.length) void openBrowserFiles(e.dataTransfer.files);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', overFn);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', overFn);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);
  return over;
}

export function App() {
  useTheme();
  useKeyboard();
  usePlayback();
  useHashSync();
  const dropping = useFileDrop();
  const hasRun = useStore((s) => s.run !== null);
  const lanesPx = useStore((s) => s.model?.lanesHeightPx ?? 0);
  return (
    <div className="app">
      <Header />
      <Stepper />
      <div className="status-row">
        <StatusLine />
        <LoadProgress />
        <ErrorBanner />
      </div>
      <div className={`body${hasRun ? '' : ' no-run'}`}>
        <ExamplesGallery />
        {hasRun ? (
          <>
            <main className="center" aria-label="Run" style={{ ['--lanes-px' as string]: `${lanesPx}px` }}>
              <ErrorBoundary name="timeline">
                <Timeline />
              </ErrorBoundary>
              <div className="splitter" aria-hidden="true" />
              <ErrorBoundary name="details panel">
                <BottomPanel />
              </ErrorBoundary>
            </main>
            <ErrorBoundary name="inspector">
              <Inspector />
            </ErrorBoundary>
          </>
        ) : (
          <Welcome />
        )}
      </div>
      <HelpDialog />
      {dropping && <div className="drop-overlay">Drop a journal file to open it</div>}
    </div>
  );
}
