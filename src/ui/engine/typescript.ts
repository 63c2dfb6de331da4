// Scenario code may be TypeScript (users paste their Restate handlers): the engine Worker removes the types before
// the code is compiled, and never checks them. Sucrase's `typescript` transform only tokenises, parses and rewrites
// text (it evaluates nothing), keeps every line where it was (so a line in an error is a line in the editor), and is
// loaded lazily by the Worker (a chunk of its own, never in the page's initial JS). See docs/decisions.md.
import { transform } from 'sucrase';
import type { ReaderErrorLocation } from '../../model';
import { scenarioModuleToBody } from '../derive/scenarioSource';

/** The stable code of a syntax error in scenario source (JavaScript or TypeScript). */
export const SCENARIO_SYNTAX = 'SCENARIO_SYNTAX';

/** A syntax error in the user's source, located in that source: 1-based line and column, 0-based char offset. */
export class ScenarioSyntaxError extends Error {
  readonly code = SCENARIO_SYNTAX;
  readonly location: Required<Pick<ReaderErrorLocation, 'line' | 'column' | 'offset'>>;
  readonly hint: string;

  constructor(reason: string, line: number, column: number, offset: number) {
    super(`Syntax error at line ${line}, column ${column}: ${reason}.`);
    this.name = 'ScenarioSyntaxError';
    this.location = { line, column, offset };
    this.hint = `Fix the code at line ${line} (marked in the editor). TypeScript is accepted: its types are removed before the scenario runs, never checked.`;
  }
}

/** Sucrase's parser errors carry the offset (`pos`) and `loc` (1-based line and column), and end with " (line:col)". */
interface SucraseParseError {
  message: string;
  pos: number;
  loc: { line: number; column: number };
}

function isParseError(e: unknown): e is SucraseParseError {
  const err = e as Partial<SucraseParseError> | null;
  return !!err && typeof err.message === 'string' && typeof err.pos === 'number' && !!err.loc && typeof err.loc.line === 'number' && typeof err.loc.column === 'number';
}

/**
 * TypeScript (or plain JavaScript) scenario source → the same module in plain JavaScript, line for line. Types,
 * interfaces, `as`/`satisfies`, non-null `!`, generics and type-only imports are removed; enums become objects.
 * Modern syntax is left as written (`disableESTransforms`): the Worker runs it as is. Throws ScenarioSyntaxError.
 */
export function stripTypes(source: string): string {
  try {
    return transform(source, { transforms: ['typescript'], disableESTransforms: true }).code;
  } catch (e) {
    if (!isParseError(e)) throw e;
    const reason = e.message.replace(/\s*\(\d+:\d+\)$/, '');
    throw new ScenarioSyntaxError(reason, e.loc.line, e.loc.column, e.pos);
  }
}

/** The whole path from editor text to the body the Worker compiles: types stripped, imports removed, export returned. */
export function scenarioBodyFromSource(source: string): string {
  return scenarioModuleToBody(stripTypes(source));
}
