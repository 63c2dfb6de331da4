// The code editor (CodeMirror 6 with JavaScript/TypeScript highlighting), lazy-loaded with the Scenario tab.
import { javascript } from '@codemirror/lang-javascript';
import CodeMirror from '@uiw/react-codemirror';

const extensions = [javascript({ typescript: true })];

export default function CodeEditor({ value, onChange, dark }: { value: string; onChange(value: string): void; dark: boolean }) {
  return (
    <CodeMirror
      value={value}
      onChange={onChange}
      extensions={extensions}
      theme={dark ? 'dark' : 'light'}
      height="100%"
      basicSetup={{ foldGutter: false, highlightActiveLine: true }}
      aria-label="Scenario code"
    />
  );
}
