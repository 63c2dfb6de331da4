// Scenario source text: read its name and description for the gallery without running it, and turn it into the
// body of a function for the scenario Worker (imports stripped, `export default` returned).
export interface ScenarioMeta {
  /** File name without extension (`race-timeout`), the stable id used in URLs. */
  file: string;
  name: string;
  description: string;
}

/** Reads consecutive string literals joined by `+` starting at `from` ('…', "…" or `…` without ${}). */
function readStringExpr(src: string, from: number): string | null {
  let i = from;
  let out = '';
  let any = false;
  for (;;) {
    while (i < src.length && /\s/.test(src[i])) i++;
    const q = src[i];
    if (q !== "'" && q !== '"' && q !== '`') break;
    let j = i + 1;
    let text = '';
    while (j < src.length && src[j] !== q) {
      if (src[j] === '\\' && j + 1 < src.length) {
        const c = src[j + 1];
        text += c === 'n' ? '\n' : c === 't' ? '\t' : c;
        j += 2;
      } else {
        text += src[j];
        j++;
      }
    }
    if (j >= src.length) return any ? out : null;
    out += text;
    any = true;
    i = j + 1;
    while (i < src.length && /\s/.test(src[i])) i++;
    if (src[i] !== '+') break;
    i++;
  }
  return any ? out : null;
}

function field(src: string, key: string): string | null {
  const m = new RegExp(`(^|[\\s{,])${key}\\s*:`, 'm').exec(src);
  if (!m) return null;
  return readStringExpr(src, m.index + m[0].length);
}

export function readScenarioMeta(file: string, src: string): ScenarioMeta {
  return {
    file,
    name: field(src, 'name') ?? file,
    description: (field(src, 'description') ?? '').replace(/\s+/g, ' ').trim(),
  };
}

/** `../../scenarios/race-timeout.ts` → `race-timeout`. */
export function scenarioFileId(path: string): string {
  const base = path.split('/').pop() ?? path;
  return base.replace(/\.(ts|js|mjs)$/, '');
}

/** Blanks out a removed statement but keeps its line breaks, so that line N of the body is line N of the source. */
const keepLineBreaks = (removed: string) => removed.replace(/[^\n]/g, '');

/**
 * Turns a scenario module into a function body: import lines are removed (the API is injected as parameters) and
 * `export default` becomes `return`. Multi-line imports are handled; anything else is left for the engine to reject.
 * Lines stay where they were (an import becomes empty lines), so an error's line in the body is the editor's line.
 */
export function scenarioModuleToBody(src: string): string {
  const withoutImports = src
    .replace(/^\s*import\s[\s\S]*?from\s*['"][^'"]+['"]\s*;?/gm, keepLineBreaks)
    .replace(/^\s*import\s*['"][^'"]+['"]\s*;?/gm, keepLineBreaks);
  if (!/export\s+default\s/.test(withoutImports))
    throw new Error('The scenario must `export default defineScenario({...})`.');
  return withoutImports.replace(/export\s+default\s/, 'return ');
}
