// The code editor (CodeMirror 6 in TypeScript mode: scenario code may be TypeScript, the engine Worker strips the
// types), lazy-loaded with the Scenario tab. A scenario error with a line (e.g. SCENARIO_SYNTAX) marks that line.
import { javascript } from '@codemirror/lang-javascript';
import CodeMirror, {
  Decoration,
  EditorView,
  StateEffect,
  StateField,
  type DecorationSet,
  type Text,
} from '@uiw/react-codemirror';
import { useEffect, useMemo, useState } from 'react';

/** Where the last scenario error points in the editor's text (1-based line and column), and what it says. */
export interface ErrorMark {
  line: number;
  column?: number;
  message: string;
}

const setErrorMark = StateEffect.define<ErrorMark | null>();

function markLine(doc: Text, mark: ErrorMark): DecorationSet {
  if (!Number.isInteger(mark.line) || mark.line < 1 || mark.line > doc.lines) return Decoration.none;
  const attributes = { title: mark.message, 'data-error-line': String(mark.line) };
  return Decoration.set([
    Decoration.line({ class: 'cm-scenario-error-line', attributes }).range(doc.line(mark.line).from),
  ]);
}

/** The marked line: it moves with edits elsewhere, and goes away once the user edits that line (fixing it). */
const errorLine = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(marks, tr) {
    for (const effect of tr.effects)
      if (effect.is(setErrorMark)) return effect.value ? markLine(tr.state.doc, effect.value) : Decoration.none;
    if (!tr.docChanged || marks.size === 0) return marks;
    let touched = false;
    marks.between(0, tr.startState.doc.length, (from) => {
      const line = tr.startState.doc.lineAt(from);
      if (tr.changes.touchesRange(line.from, line.to)) touched = true;
    });
    return touched ? Decoration.none : marks.map(tr.changes);
  },
  provide: (field) => EditorView.decorations.from(field),
});

const errorLineTheme = EditorView.baseTheme({
  '.cm-scenario-error-line': { backgroundColor: 'rgba(220, 38, 38, 0.14)', boxShadow: 'inset 3px 0 0 #dc2626' },
  '&dark .cm-scenario-error-line': { backgroundColor: 'rgba(248, 113, 113, 0.2)', boxShadow: 'inset 3px 0 0 #f87171' },
});

const extensions = [javascript({ typescript: true }), errorLine, errorLineTheme];

export default function CodeEditor({
  value,
  onChange,
  dark,
  errorMark = null,
  label = 'Scenario code',
}: {
  value: string;
  onChange(value: string): void;
  dark: boolean;
  errorMark?: ErrorMark | null;
  /** The editor's accessible name. */
  label?: string;
}) {
  const [view, setView] = useState<EditorView | null>(null);
  // The name goes on CodeMirror's contenteditable itself: the element a screen reader (and getByRole) calls a textbox.
  const labelled = useMemo(() => [...extensions, EditorView.contentAttributes.of({ 'aria-label': label })], [label]);
  // A new error marks its line and scrolls it into view; no error (a successful run, a dismissed error) clears it.
  useEffect(() => {
    if (!view) return;
    const effects: StateEffect<unknown>[] = [setErrorMark.of(errorMark)];
    if (errorMark && errorMark.line >= 1 && errorMark.line <= view.state.doc.lines) {
      const line = view.state.doc.line(errorMark.line);
      effects.push(
        EditorView.scrollIntoView(Math.min(line.from + Math.max(0, (errorMark.column ?? 1) - 1), line.to), {
          y: 'center',
        }),
      );
    }
    view.dispatch({ effects });
  }, [view, errorMark]);
  return (
    <CodeMirror
      value={value}
      onChange={onChange}
      onCreateEditor={setView}
      extensions={labelled}
      theme={dark ? 'dark' : 'light'}
      height="100%"
      basicSetup={{ foldGutter: false, highlightActiveLine: true }}
    />
  );
}
