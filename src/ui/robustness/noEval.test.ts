// User code may run only inside the scenario Worker: no eval, new Function, string timers, or HTML injection sinks
// anywhere else in src/ (the page's CSP enforces the same on the main thread at run time).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '..', '..');
const WORKER = path.join('ui', 'engine', 'engine.worker.ts');
/** The real handler's body, compiled by the Worker's SDK job before lockDown; imported by that job alone. */
const SDK_HANDLER = path.join('ui', 'engine', 'sdkHandler.ts');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.includes('test-helpers') ? [full] : [];
  });
}

/** Code without comments and string contents, so that a comment mentioning `eval` is not a finding. */
function codeOnly(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1')
    .replace(/'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"/g, "''");
}

const SINKS: [string, RegExp][] = [
  ['eval(', /(^|[^\w.$])eval\s*\(/],
  ['new Function', /new\s+Function\s*\(/],
  ['Function(…) call', /(^|[^\w.$])Function\s*\(/],
  ['setTimeout/setInterval with a string', /set(Timeout|Interval)\s*\(\s*['"`]/],
  ['dangerouslySetInnerHTML', /dangerouslySetInnerHTML/],
  ['innerHTML / outerHTML assignment', /\.(inner|outer)HTML\s*=/],
  ['insertAdjacentHTML', /insertAdjacentHTML/],
  ['document.write', /document\.write/],
];

describe('no code evaluation outside the scenario Worker', () => {
  const files = sourceFiles(SRC);

  it('finds the source files (the scan is not vacuous) and the Worker is the one place with new Function', () => {
    expect(files.length).toBeGreaterThan(50);
    const worker = codeOnly(readFileSync(path.join(SRC, WORKER), 'utf8'));
    expect(worker).toMatch(/new\s+Function\s*\(/);
  });

  it('the scanner recognises each sink (guards against a pattern that can never match)', () => {
    const samples = [
      'x = eval(s)',
      'new Function("a", b)',
      'Function(s)()',
      "setTimeout('go()', 1)",
      '<div dangerouslySetInnerHTML={{}} />',
      'el.innerHTML = s',
      'el.insertAdjacentHTML(p, s)',
      'document.write(s)',
    ];
    SINKS.forEach(([, pattern], i) => expect(codeOnly(samples[i])).toMatch(pattern));
    expect(codeOnly('// eval(x) in a comment\nconst t = "new Function(";')).not.toMatch(SINKS[0][1]);
  });

  it('the handler compiler is reached only from the Worker: imported by the SDK job alone, which only the Worker imports', () => {
    const importers = (module: string) =>
      files
        .filter((f) => new RegExp(`from '\\./${module}'|import\\('\\./${module}'\\)`).test(readFileSync(f, 'utf8')))
        .map((f) => path.relative(SRC, f));
    expect(importers('sdkHandler')).toEqual([path.join('ui', 'engine', 'sdkReplayJob.ts')]);
    expect(importers('sdkReplayJob')).toEqual([WORKER]);
  });

  it('no other file under src/ uses eval, Function constructors or HTML sinks', () => {
    const findings: string[] = [];
    for (const file of files) {
      const rel = path.relative(SRC, file);
      const code = codeOnly(readFileSync(file, 'utf8'));
      for (const [name, pattern] of SINKS) {
        if ((rel === WORKER || rel === SDK_HANDLER) && (name === 'new Function' || name === 'Function(…) call'))
          continue;
        if (pattern.test(code)) findings.push(`${rel}: ${name}`);
      }
    }
    expect(findings).toEqual([]);
  });
});
