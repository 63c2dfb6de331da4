// The "Open journal" file input, styled as a button. Accepts every format the reader supports (one or more files).
import { Icon } from '../app/Icon';
import { openBrowserFiles } from './openPicked';

export function OpenJournalButton() {
  return (
    <label
      className="btn primary file-btn"
      title="Open a Restate journal export (query JSON, restate sql --json/--jsonl, bundle, native)"
    >
      <Icon name="open" /> Open journal…
      <input
        type="file"
        aria-label="Open journal"
        accept=".json,.jsonl,.ndjson,.txt,application/json"
        multiple
        onChange={(e) => {
          const files = e.currentTarget.files;
          if (files?.length) void openBrowserFiles(files);
          e.currentTarget.value = '';
        }}
      />
    </label>
  );
}
