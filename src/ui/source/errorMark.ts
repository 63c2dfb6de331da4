// The editor's mark for an error in the code it shows: the line (and column) the error names, when the error comes
// from that code (`origin`: 'scenario' for the scenario editor, 'sdk' for the Real SDK tab's handler file).
import type { UiError } from '../store/storeState';
import type { ErrorMark } from './CodeEditor';

export function errorMarkOf(error: UiError | null, origin: 'scenario' | 'sdk'): ErrorMark | null {
  const line = error?.origin === origin ? error.location?.line : undefined;
  if (!error || typeof line !== 'number') return null;
  return { line, column: error.location?.column, message: `${error.code}: ${error.message}` };
}
