// The top bar: name, what is loaded, open a journal, theme and help.
import { useStore } from '../store/store';
import { OpenJournalButton } from '../source/OpenJournalButton';
import { CompareButton } from '../compare/CompareButton';
import { ConnectButton } from '../connect/ConnectButton';
import { ShareBar } from '../share/ShareBar';
import { LimitsButton } from '../robustness/LimitsPopover';
import type { ThemeChoice } from '../store/storeState';

const nextTheme: Record<ThemeChoice, ThemeChoice> = { system: 'dark', dark: 'light', light: 'system' };
const themeIcon: Record<ThemeChoice, string> = { system: '◐', dark: '☾', light: '☀' };

export function Header() {
  const title = useStore((s) => s.run?.title ?? '');
  const seed = useStore((s) => s.run?.seed);
  const theme = useStore((s) => s.theme);
  return (
    <header className="header">
      <h1>
        <span className="logo" aria-hidden="true">
          ◆
        </span>
        Replay Inspector
      </h1>
      <span className="run-title" title={title}>
        {title}
        {seed !== null && seed !== undefined ? ` · seed ${seed}` : ''}
      </span>
      <OpenJournalButton />
      <CompareButton />
      <ConnectButton />
      <ShareBar />
      <LimitsButton />
      <button
        className="btn icon"
        aria-label={`Theme: ${theme} (switch)`}
        title={`Theme: ${theme}`}
        onClick={() => useStore.getState().setTheme(nextTheme[theme])}
      >
        {themeIcon[theme]}
      </button>
      <button
        className="btn icon"
        aria-label="Keyboard shortcuts"
        title="Keyboard shortcuts (?)"
        onClick={() => useStore.getState().setHelpOpen(true)}
      >
        ?
      </button>
    </header>
  );
}
