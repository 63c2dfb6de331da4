// The options and result of every reader entry point (index.ts, stream.ts): their own module so that the stream
// reader and the index need not import each other.
import type { Journal, NativeJournalFile, ReaderWarning, SourceFormat } from '../model';
import type { ReaderLimits } from './input';

export interface ReadOptions {
  /** Skip detection and read the text as this format. */
  format?: SourceFormat;
  /** Named in error and warning locations. */
  fileName?: string;
  /** Called with 0…1 while reading (the UI's progress bar). */
  onProgress?: (fraction: number) => void;
  /** Size limits (defaults: DEFAULT_LIMITS: 256 MiB of bytes and of text, 1,000,000 entries). */
  limits?: Partial<ReaderLimits>;
  /** false: never read rows chunk by chunk (chunked-rows.ts); tests use it to compare both paths. */
  chunked?: boolean;
  /** Characters of row text per chunk (tests use small chunks to cross many boundaries). */
  chunkChars?: number;
}

export interface ReadResult {
  format: SourceFormat;
  journals: Journal[];
  warnings: ReaderWarning[];
  run?: NativeJournalFile['run'];
}
