// "Copy link" inside the compare view (which covers the header's): the link reopens this comparison, with the same
// second run and cursors, in any browser. Over the size limit (a compared journal file) it offers the view file.
import { useEffect, useState } from 'react';
import { copyLink, SharePanel, type SharePanelState } from '../share/SharePanel';

export function CompareCopyLink() {
  const [panel, setPanel] = useState<SharePanelState>(null);
  useEffect(() => {
    if (panel?.kind !== 'copied') return;
    const timer = setTimeout(() => setPanel(null), 4000);
    return () => clearTimeout(timer);
  }, [panel]);
  return (
    <span className="share-bar">
      <button
        className="btn"
        onClick={async () => setPanel(await copyLink())}
        title="Copy a link that reopens this comparison"
      >
        Copy link
      </button>
      {panel && <SharePanel panel={panel} onClose={() => setPanel(null)} />}
    </span>
  );
}
