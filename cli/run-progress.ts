/**
 * Folds the pipeline's progress events into the totals the progress bar shows. `totals` events
 * are authoritative; chunk and table events fill in between them so the bar moves smoothly.
 */
import type { ProgressEvent } from '../shared/pipeline/run-migration';
import type { ProgressState } from './progress';

export class ProgressTotals {
  private state: ProgressState = { phase: 'starting', tablesDone: 0, tablesTotal: 0, rows: 0, bytes: 0 };

  get current(): ProgressState {
    return this.state;
  }

  apply(e: ProgressEvent): ProgressState {
    const s = this.state;
    switch (e.kind) {
      case 'phase':
        this.state = { ...s, phase: e.phase };
        break;
      case 'table-started':
        break;
      case 'chunk-staged':
        this.state = { ...s, rows: s.rows + e.rows, bytes: s.bytes + e.bytes };
        break;
      case 'table-finished':
        this.state = { ...s, tablesDone: s.tablesDone + 1 };
        break;
      case 'totals':
        this.state = {
          phase: s.phase,
          tablesDone: e.tablesDone,
          tablesTotal: e.tables,
          rows: e.rows,
          bytes: e.bytes,
          ...(e.estimatedRows > 0 ? { rowsTotal: e.estimatedRows } : {}),
        };
        break;
    }
    return this.state;
  }
}
