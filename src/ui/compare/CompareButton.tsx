// Header entry point: "Compare…" opens the chooser of run B; the compare view opens once both runs are there.
import { useCompare } from './compareStore';
import { CompareChooser } from './CompareChooser';
import { CompareView } from './CompareView';
import './compare.css';

export function CompareButton() {
  const chooserOpen = useCompare((s) => s.chooserOpen);
  const comparing = useCompare((s) => s.comparison !== null);
  return (
    <>
      <button
        className="btn"
        aria-haspopup="dialog"
        title="Put a second run beside this one, aligned command by command"
        onClick={() => useCompare.getState().setChooserOpen(true)}
      >
        <span aria-hidden="true">⇆</span> Compare…
      </button>
      {chooserOpen && <CompareChooser />}
      {comparing && <CompareView />}
    </>
  );
}
