/** Progress of a run, as events: the CLI draws bars from them, the Functions host logs them. */
export type RunPhase = 'catalog' | 'ddl' | 'plan' | 'stage' | 'package' | 'done';

export type ProgressEvent =
  | { readonly kind: 'phase'; readonly phase: RunPhase }
  | {
      readonly kind: 'table-started';
      readonly schema: string;
      readonly table: string;
      readonly chunks: number;
      readonly estimatedRows: number;
    }
  | {
      readonly kind: 'chunk-staged';
      readonly schema: string;
      readonly table: string;
      readonly index: number;
      readonly rows: number;
      readonly bytes: number;
      /** True when resume found the chunk complete and did not redo it. */
      readonly skipped: boolean;
    }
  | {
      readonly kind: 'table-finished';
      readonly schema: string;
      readonly table: string;
      readonly rows: number;
      readonly bytes: number;
      readonly chunks: number;
    }
  | {
      readonly kind: 'totals';
      readonly tables: number;
      readonly tablesDone: number;
      readonly chunks: number;
      readonly chunksDone: number;
      readonly rows: number;
      readonly bytes: number;
      readonly estimatedRows: number;
    };

export type ProgressListener = (e: ProgressEvent) => void;
