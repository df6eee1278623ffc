/** A Telemetry that records calls in memory, for unit tests of code that emits telemetry. */
import type {
  DependencyCall,
  Telemetry,
  TelemetryMeasurements,
  TelemetryProps,
} from '../../shared/telemetry/telemetry';

export type RecordedItem =
  | { kind: 'event'; name: string; props: TelemetryProps; measurements: TelemetryMeasurements }
  | { kind: 'metric'; name: string; value: number; props: TelemetryProps }
  | { kind: 'exception'; err: unknown; props: TelemetryProps }
  | { kind: 'dependency'; call: DependencyCall };

export class RecordingTelemetry implements Telemetry {
  readonly items: RecordedItem[] = [];
  flushes = 0;
  event(name: string, props: TelemetryProps = {}, measurements: TelemetryMeasurements = {}): void {
    this.items.push({ kind: 'event', name, props, measurements });
  }
  metric(name: string, value: number, props: TelemetryProps = {}): void {
    this.items.push({ kind: 'metric', name, value, props });
  }
  exception(err: unknown, props: TelemetryProps = {}): void {
    this.items.push({ kind: 'exception', err, props });
  }
  dependency(call: DependencyCall): void {
    this.items.push({ kind: 'dependency', call });
  }
  flush(): Promise<void> {
    this.flushes++;
    return Promise.resolve();
  }
  close(): Promise<void> {
    return this.flush();
  }
}
