/**
 * The events of one migration run, with fixed names and dimensions so that the KQL in
 * infra/queries/run-progress.kql can chart any run: every item carries `runId`; tables are
 * `schema.table`; chunk items carry `chunk`. Measurements are rows, bytes, durationMs and the
 * derived rowsPerSecond / bytesPerSecond. Failures carry the AsemigError code and place.
 */
import { formatPlace, isAsemigError } from '../errors';
import type { Telemetry, TelemetryMeasurements, TelemetryProps } from './telemetry';
import { bytesPerSecond, rowsPerSecond } from './throughput';

export const RUN_EVENTS = {
  runStarted: 'AsemigRunStarted',
  runFinished: 'AsemigRunFinished',
  phaseFinished: 'AsemigPhaseFinished',
  tableFinished: 'AsemigTableFinished',
  chunkFinished: 'AsemigChunkFinished',
} as const;

export const RUN_METRICS = {
  chunkRowsPerSecond: 'AsemigChunkRowsPerSecond',
  rowsCopied: 'AsemigRowsCopied',
} as const;

export type RunStatus = 'succeeded' | 'failed' | 'cancelled' | 'partial';

/** What was moved and how long it took; rates are derived here so every caller computes them alike. */
export interface Volume {
  readonly rows: number;
  readonly bytes: number;
  /** Omitted when unknown (e.g. a chunk seen only as a completion): then no duration and no rates. */
  readonly durationMs?: number;
}

export interface RunContext {
  readonly runId: string;
  /** `cli` or `functions`: which host emitted the item. */
  readonly host: string;
  /** Source and target names for grouping (server/database, never a connection string). */
  readonly source?: string;
  readonly target?: string;
}

export interface ChunkRef {
  readonly schema: string;
  readonly table: string;
  readonly chunk: number;
}

export class RunTelemetry {
  constructor(
    private readonly telemetry: Telemetry,
    private readonly run: RunContext,
  ) {}

  /** Totals are optional: a host that learns them only later reports them with runFinished. */
  runStarted(totals: { tables?: number; estimatedRows?: number } = {}): void {
    this.emit(RUN_EVENTS.runStarted, {}, { tables: totals.tables, estimatedRows: totals.estimatedRows });
  }

  runFinished(status: RunStatus, v: Volume & { tables: number; failedTables: number }): void {
    this.emit(
      RUN_EVENTS.runFinished,
      { status },
      { ...volume(v), tables: v.tables, failedTables: v.failedTables },
    );
  }

  phaseFinished(phase: string, durationMs: number, status: RunStatus = 'succeeded'): void {
    this.emit(RUN_EVENTS.phaseFinished, { phase, status }, { durationMs });
  }

  tableFinished(
    t: { schema: string; table: string; chunks: number },
    v: Volume,
    status: RunStatus = 'succeeded',
  ): void {
    this.emit(
      RUN_EVENTS.tableFinished,
      { table: `${t.schema}.${t.table}`, status },
      { ...volume(v), chunks: t.chunks },
    );
  }

  /** A chunk that failed with a data error is reported here with its code (it is a result, not a crash). */
  chunkFinished(
    c: ChunkRef,
    v: Volume,
    outcome: { status?: RunStatus; code?: string; skipped?: boolean } = {},
  ): void {
    const props = {
      table: `${c.schema}.${c.table}`,
      chunk: String(c.chunk),
      status: outcome.status ?? 'succeeded',
      code: outcome.code,
      // A resumed run finds the chunk already staged: counted, but not copied again.
      skipped: outcome.skipped ? 'true' : undefined,
    };
    this.emit(RUN_EVENTS.chunkFinished, props, volume(v));
    const rate = v.durationMs === undefined ? undefined : rowsPerSecond(v.rows, v.durationMs);
    if (rate !== undefined) this.telemetry.metric(RUN_METRICS.chunkRowsPerSecond, rate, this.props(props));
    this.telemetry.metric(RUN_METRICS.rowsCopied, v.rows, this.props({ table: props.table }));
  }

  /** An exception, with the AsemigError code and place as dimensions when there are any. */
  failure(
    err: unknown,
    where: { phase?: string; schema?: string; table?: string; chunk?: number } = {},
  ): void {
    const props: Record<string, string | undefined> = {
      phase: where.phase,
      table: where.schema && where.table ? `${where.schema}.${where.table}` : where.table,
      chunk: where.chunk === undefined ? undefined : String(where.chunk),
    };
    if (isAsemigError(err)) {
      props.code = err.code;
      props.place = formatPlace(err.place).replace(/: $/, '') || undefined;
    }
    this.telemetry.exception(err, this.props(props));
  }

  private emit(name: string, props: TelemetryProps, m: TelemetryMeasurements): void {
    this.telemetry.event(name, this.props(props), m);
  }

  private props(p: TelemetryProps): TelemetryProps {
    return {
      runId: this.run.runId,
      host: this.run.host,
      source: this.run.source,
      target: this.run.target,
      ...p,
    };
  }
}

function volume(v: Volume): TelemetryMeasurements {
  if (v.durationMs === undefined) return { rows: v.rows, bytes: v.bytes };
  return {
    rows: v.rows,
    bytes: v.bytes,
    durationMs: v.durationMs,
    rowsPerSecond: rowsPerSecond(v.rows, v.durationMs),
    bytesPerSecond: bytesPerSecond(v.bytes, v.durationMs),
  };
}
