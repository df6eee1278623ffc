/**
 * Drives real durable-functions 3.5 orchestrators through replay without the Functions host
 * (platform-notes.md §3.4): history in, actions out, exactly as the extension would call the
 * worker. Import this module BEFORE the modules that register functions: it replaces
 * `app.generic/http/timer` of @azure/functions with recorders, so `df.app.orchestration(...)`
 * leaves its real handler (the SDK's Orchestrator listener around the generator) in `registry`.
 *
 * Task ids: the executor numbers tasks as it tracks them, including the hidden retry timers and
 * re-attempts of `callActivityWithRetry`, which never appear as actions. Walking the action list
 * gets those wrong in a fan-out, so the harness observes the executor's own `trackOpenTask`
 * (a prototype patch on the one class that assigns ids) and reports pending work by real id.
 * The patch only records; behaviour is unchanged. Pin durable-functions ~3.5: 4.x drops this
 * wire format (platform-notes §3.4, limits).
 *
 * Not modelled: entities, callHttp polling, and the extension's determinism check (it compares
 * actions with TaskScheduled events; this harness does not).
 */
import * as functions from '@azure/functions';
import * as df from 'durable-functions';

// ---------------------------------------------------------------------------------------------
// Registration capture

export interface Registration {
  readonly kind: 'generic' | 'http' | 'timer';
  readonly options: { readonly handler: unknown; readonly trigger?: { readonly type?: string } } & Record<
    string,
    unknown
  >;
}

/** Every function registered since this module was loaded, by name. */
export const registry = new Map<string, Registration>();

for (const kind of ['generic', 'http', 'timer'] as const) {
  (functions.app as unknown as Record<string, unknown>)[kind] = (
    name: string,
    options: Registration['options'],
  ): void => {
    registry.set(name, { kind, options });
  };
}

type OrchestratorListener = (trigger: unknown, ctx: unknown) => Promise<unknown>;

/** The recorded orchestrator handler; throws a clear error when the name was not registered. */
export function orchestrationHandler(name: string): OrchestratorListener {
  const r = registry.get(name);
  if (!r || r.options.trigger?.type !== 'orchestrationTrigger') {
    throw new Error(
      `durable-replay: no orchestration "${name}" registered (registered: ${[...registry.keys()].join(', ')})`,
    );
  }
  return r.options.handler as OrchestratorListener;
}

type ActivityListener = (input: unknown, ctx: functions.InvocationContext) => Promise<unknown>;

/** The recorded activity handler (df.app.activity's wrapper around yours), or undefined. */
export function activityHandler(name: string): ActivityListener | undefined {
  const r = registry.get(name);
  return r?.options.trigger?.type === 'activityTrigger' ? (r.options.handler as ActivityListener) : undefined;
}

// ---------------------------------------------------------------------------------------------
// Observing task ids

/** The executor's task objects, as far as the harness reads them. */
interface TaskLike {
  id: number | string | false;
  actionObj?: ActionLike;
  parent?: TaskLike;
  children?: TaskLike[];
}

/** An action in the SDK's wire format (only the fields the harness reads). */
export interface ActionLike {
  readonly actionType: number;
  readonly functionName?: string;
  readonly input?: unknown;
  readonly instanceId?: string;
  readonly fireAt?: string | Date;
  readonly externalEventName?: string;
  readonly retryOptions?: Record<string, unknown>;
  readonly compoundActions?: readonly ActionLike[];
}

let observe: ((task: TaskLike) => void) | undefined;
{
  // A deep require (no .d.ts, no exports map in 3.x): the class that assigns every task id.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require('durable-functions/lib/src/orchestrations/TaskOrchestrationExecutor') as {
    TaskOrchestrationExecutor: { prototype: { trackOpenTask(this: unknown, task: TaskLike): void } };
  };
  const proto = mod.TaskOrchestrationExecutor.prototype;
  const original = proto.trackOpenTask;
  proto.trackOpenTask = function (this: unknown, task: TaskLike): void {
    original.call(this, task);
    if (observe && task.id !== false && !task.children) observe(task);
  };
}

export const ActionType = {
  CallActivity: 0,
  CallActivityWithRetry: 1,
  CallSubOrchestrator: 2,
  CallSubOrchestratorWithRetry: 3,
  ContinueAsNew: 4,
  CreateTimer: 5,
  WaitForExternalEvent: 6,
  CallEntity: 7,
  CallHttp: 8,
  SignalEntity: 9,
  WhenAny: 11,
  WhenAll: 12,
} as const;

export type WorkKind = 'activity' | 'subOrchestration' | 'timer' | 'event' | 'other';

/** Something the orchestrator is waiting for, under the id its completion event must carry. */
export interface PendingWork {
  readonly id: number | string;
  readonly kind: WorkKind;
  /** Activity or orchestrator name; event name for 'event'. */
  readonly name?: string;
  readonly input?: unknown;
  /** Child instance id for sub-orchestrations (undefined when the orchestrator gave none). */
  readonly instanceId?: string;
  readonly fireAt?: Date;
  /** 1 for the first try; 2, 3, … for re-attempts of a *WithRetry call. */
  readonly attempt: number;
  /** True for the timer the SDK waits on between retry attempts. */
  readonly retryTimer: boolean;
  readonly action?: ActionLike;
}

function describeTask(task: TaskLike): PendingWork {
  const id = task.id as number | string;
  // NoOpTasks (the retry timer and re-attempts) carry the string "noOp" instead of an action.
  const own = typeof task.actionObj === 'object' ? task.actionObj : undefined;
  const retry = !own && typeof task.parent?.actionObj === 'object' ? task.parent : undefined;
  const action = own ?? retry?.actionObj;
  const index = retry?.children?.indexOf(task) ?? 0;
  // RetryableTask children: [first try, timer, try 2, timer, try 3, ...]
  const retryTimer = retry !== undefined && index % 2 === 1;
  const attempt = retry ? Math.floor((index + 1) / 2) + (retryTimer ? 0 : 1) : 1;
  const kind: WorkKind = retryTimer
    ? 'timer'
    : action === undefined
      ? 'other'
      : action.actionType === ActionType.CallActivity ||
          action.actionType === ActionType.CallActivityWithRetry
        ? 'activity'
        : action.actionType === ActionType.CallSubOrchestrator ||
            action.actionType === ActionType.CallSubOrchestratorWithRetry
          ? 'subOrchestration'
          : action.actionType === ActionType.CreateTimer
            ? 'timer'
            : action.actionType === ActionType.WaitForExternalEvent
              ? 'event'
              : 'other';
  return {
    id,
    kind,
    name: kind === 'event' ? action?.externalEventName : action?.functionName,
    input: kind === 'event' || retryTimer ? undefined : parseInput(action?.input),
    instanceId: kind === 'subOrchestration' ? action?.instanceId : undefined,
    fireAt: kind === 'timer' && !retryTimer && action?.fireAt ? new Date(action.fireAt) : undefined,
    attempt,
    retryTimer,
    action,
  };
}

/** Action inputs are JSON strings on the wire in some SDK paths and plain values in others. */
function parseInput(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v) as unknown;
  } catch {
    return v;
  }
}

// ---------------------------------------------------------------------------------------------
// History events (wire format: the extension's JSON shape)

export const EventType = {
  ExecutionStarted: 0,
  TaskScheduled: 4,
  TaskCompleted: 5,
  TaskFailed: 6,
  SubOrchestrationInstanceCreated: 7,
  SubOrchestrationInstanceCompleted: 8,
  SubOrchestrationInstanceFailed: 9,
  TimerCreated: 10,
  TimerFired: 11,
  OrchestratorStarted: 12,
  OrchestratorCompleted: 13,
  EventRaised: 15,
} as const;

export interface HistoryEvent {
  readonly EventType: number;
  readonly EventId: number;
  IsPlayed: boolean;
  readonly Timestamp: string;
  readonly [field: string]: unknown;
}

function ev(type: number, at: Date, fields: Record<string, unknown> = {}, eventId = -1): HistoryEvent {
  return { EventType: type, EventId: eventId, IsPlayed: false, Timestamp: at.toISOString(), ...fields };
}

/** Builders for histories written by hand (the driver below uses them too). */
export const history = {
  orchestratorStarted: (at: Date): HistoryEvent => ev(EventType.OrchestratorStarted, at),
  orchestratorCompleted: (at: Date): HistoryEvent => ev(EventType.OrchestratorCompleted, at),
  executionStarted: (at: Date, name: string, input: unknown, parentInstanceId?: string): HistoryEvent =>
    ev(EventType.ExecutionStarted, at, {
      Name: name,
      Input: input === undefined ? undefined : JSON.stringify(input),
      ...(parentInstanceId
        ? { ParentInstance: { OrchestrationInstance: { InstanceId: parentInstanceId } } }
        : {}),
    }),
  taskScheduled: (at: Date, id: number, name: string, input?: unknown): HistoryEvent =>
    ev(EventType.TaskScheduled, at, { Name: name, Input: JSON.stringify(input ?? null) }, id),
  taskCompleted: (at: Date, id: number, result: unknown): HistoryEvent =>
    ev(EventType.TaskCompleted, at, { TaskScheduledId: id, Result: JSON.stringify(result ?? null) }),
  taskFailed: (at: Date, id: number, reason: string, details = ''): HistoryEvent =>
    ev(EventType.TaskFailed, at, { TaskScheduledId: id, Reason: reason, Details: details }),
  subOrchestrationCreated: (
    at: Date,
    id: number,
    name: string,
    instanceId: string,
    input?: unknown,
  ): HistoryEvent =>
    ev(
      EventType.SubOrchestrationInstanceCreated,
      at,
      { Name: name, InstanceId: instanceId, Input: JSON.stringify(input ?? null) },
      id,
    ),
  subOrchestrationCompleted: (at: Date, id: number, result: unknown): HistoryEvent =>
    ev(EventType.SubOrchestrationInstanceCompleted, at, {
      TaskScheduledId: id,
      Result: JSON.stringify(result ?? null),
    }),
  subOrchestrationFailed: (at: Date, id: number, reason: string, details = ''): HistoryEvent =>
    ev(EventType.SubOrchestrationInstanceFailed, at, {
      TaskScheduledId: id,
      Reason: reason,
      Details: details,
    }),
  timerCreated: (at: Date, id: number, fireAt: Date): HistoryEvent =>
    ev(EventType.TimerCreated, at, { FireAt: fireAt.toISOString() }, id),
  timerFired: (at: Date, id: number, fireAt: Date): HistoryEvent =>
    ev(EventType.TimerFired, at, { TimerId: id, FireAt: fireAt.toISOString() }),
  eventRaised: (at: Date, name: string, data: unknown): HistoryEvent =>
    ev(EventType.EventRaised, at, { Name: name, Input: JSON.stringify(data ?? null) }),
};

// ---------------------------------------------------------------------------------------------
// The driver

/** What one replay returned. `actions` is the cumulative flat list (Task.all/any flattened). */
export interface Episode {
  readonly isDone: boolean;
  /** True when the orchestrator threw (its error is in `error`). */
  readonly failed: boolean;
  readonly output: unknown;
  readonly error?: string;
  readonly customStatus: unknown;
  readonly actions: readonly ActionLike[];
  readonly pending: readonly PendingWork[];
  /** The new input when the orchestrator called continueAsNew. */
  readonly continuedAsNew?: { readonly input: unknown };
  /** CPU time (user + system) spent in the SDK's replay of this episode. */
  readonly cpuMicros: number;
}

interface OrchestratorStateLike {
  isDone?: boolean;
  output?: unknown;
  error?: string;
  customStatus?: unknown;
  actions?: ActionLike[][];
}

const OUT_OF_PROC = '$OutOfProcData$:';

export interface DriverOptions {
  readonly instanceId?: string;
  readonly parentInstanceId?: string;
  readonly start?: Date;
  /** Time between episodes, which is how far currentUtcDateTime advances. Default 1 s. */
  readonly stepMs?: number;
}

export class OrchestrationDriver {
  readonly instanceId: string;
  private readonly parentInstanceId: string | undefined;
  private readonly stepMs: number;
  private events: HistoryEvent[] = [];
  private clock: Date;
  private input: unknown;
  private readonly known = new Map<number | string, PendingWork>();
  private readonly completed = new Set<number | string>();
  private last: Episode | undefined;
  /** Episodes replayed so far (a replay re-runs the whole history). */
  episodes = 0;

  constructor(
    readonly name: string,
    input: unknown,
    options: DriverOptions = {},
  ) {
    this.instanceId = options.instanceId ?? 'instance-1';
    this.parentInstanceId = options.parentInstanceId;
    this.stepMs = options.stepMs ?? 1000;
    this.clock = options.start ?? new Date('2026-01-01T00:00:00Z');
    this.input = input;
    this.events.push(
      history.orchestratorStarted(this.clock),
      history.executionStarted(this.clock, name, input, this.parentInstanceId),
    );
  }

  /** The history so far (copies; the SDK mutates what it is given). */
  get history(): readonly HistoryEvent[] {
    return this.events.map((e) => ({ ...e }));
  }

  get now(): Date {
    return new Date(this.clock);
  }

  /** Replays the whole history through the real handler and records the new work as scheduled. */
  async run(): Promise<Episode> {
    const handler = orchestrationHandler(this.name);
    const seen = new Map<number | string, PendingWork>();
    const trigger = {
      // A JSON copy: the SDK parses Timestamp strings into Dates in place.
      history: JSON.parse(JSON.stringify(this.events)) as unknown,
      input: this.input === undefined ? undefined : (JSON.parse(JSON.stringify(this.input)) as unknown),
      instanceId: this.instanceId,
      isReplaying: false,
      parentInstanceId: this.parentInstanceId,
      upperSchemaVersion: 3,
      maximumShortTimerDuration: '6.00:00:00',
      longRunningTimerIntervalDuration: '3.00:00:00',
      defaultHttpAsyncRequestSleepTimeMillseconds: 30000,
    };
    let state: OrchestratorStateLike;
    let failed = false;
    const cpu0 = process.cpuUsage();
    observe = (task) => seen.set(task.id as number | string, describeTask(task));
    try {
      // The replay runs synchronously inside this call; `observe` is cleared before any await.
      const pendingResult = handler(trigger, new df.DummyOrchestrationContext(this.name));
      observe = undefined;
      state = (await pendingResult) as OrchestratorStateLike;
    } catch (e: unknown) {
      observe = undefined;
      failed = true;
      const msg = e instanceof Error ? e.message : String(e);
      const at = msg.indexOf(OUT_OF_PROC);
      state =
        at >= 0 ? (JSON.parse(msg.slice(at + OUT_OF_PROC.length)) as OrchestratorStateLike) : { error: msg };
      state.error ??= msg;
    }
    const cpu = process.cpuUsage(cpu0);
    this.episodes++;

    const actions: ActionLike[] = [];
    const walk = (a: ActionLike): void => {
      if (a.compoundActions) a.compoundActions.forEach(walk);
      else actions.push(a);
    };
    (state.actions?.[0] ?? []).forEach(walk);

    const pending: PendingWork[] = [];
    // Numeric ids in order, then awaited event names (tracking order follows Task.any's list).
    const order = [...seen.entries()].sort(([a], [b]) =>
      typeof a === typeof b ? (a < b ? -1 : a > b ? 1 : 0) : typeof a === 'number' ? -1 : 1,
    );
    for (const [id, work] of order) {
      if (!this.known.has(id)) {
        this.known.set(id, work);
        this.recordScheduled(work);
      }
      if (!this.completed.has(id)) pending.push(work);
    }
    this.events.push(history.orchestratorCompleted(this.clock));
    const can = actions.find((a) => a.actionType === ActionType.ContinueAsNew);
    this.last = {
      isDone: state.isDone === true,
      failed,
      output: state.output,
      error: state.error,
      customStatus: state.customStatus,
      actions,
      pending: state.isDone || failed ? [] : pending,
      continuedAsNew: can ? { input: parseInput(can.input) } : undefined,
      cpuMicros: cpu.user + cpu.system,
    };
    return this.last;
  }

  /** Completes an activity or sub-orchestration with a result. */
  complete(id: number, result: unknown): this {
    const w = this.expect(id, ['activity', 'subOrchestration']);
    this.append(
      w.kind === 'activity'
        ? history.taskCompleted(this.clock, id, result)
        : history.subOrchestrationCompleted(this.clock, id, result),
    );
    return this;
  }

  /** Fails an activity or sub-orchestration (the orchestrator sees a thrown error). */
  fail(id: number, reason: string, details = ''): this {
    const w = this.expect(id, ['activity', 'subOrchestration']);
    this.append(
      w.kind === 'activity'
        ? history.taskFailed(this.clock, id, reason, details)
        : history.subOrchestrationFailed(this.clock, id, reason, details),
    );
    return this;
  }

  /** Fires a timer (a createTimer or the SDK's retry wait); the clock moves to its fire time. */
  fireTimer(id: number): this {
    const w = this.expect(id, ['timer']);
    const fireAt = w.fireAt ?? this.clock;
    this.append(history.timerFired(this.clock, id, fireAt));
    if (fireAt > this.clock) this.clock = new Date(fireAt);
    return this;
  }

  /** Raises an external event (it need not be awaited yet: the SDK buffers it). */
  raiseEvent(name: string, data: unknown): this {
    this.append(history.eventRaised(this.clock, name, data));
    this.completed.add(name);
    return this;
  }

  /** Starts a new generation after continueAsNew, as the extension does: fresh history. */
  continueAsNew(): this {
    const next = this.last?.continuedAsNew;
    if (!next) throw new Error('durable-replay: the last episode did not call continueAsNew');
    this.input = next.input;
    this.known.clear();
    this.completed.clear();
    this.clock = new Date(+this.clock + this.stepMs);
    this.events = [
      history.orchestratorStarted(this.clock),
      history.executionStarted(this.clock, this.name, this.input, this.parentInstanceId),
    ];
    return this;
  }

  private expect(id: number, kinds: WorkKind[]): PendingWork {
    const w = this.known.get(id);
    if (!w) throw new Error(`durable-replay: ${this.instanceId} has no task ${id} (run() first?)`);
    if (this.completed.has(id))
      throw new Error(`durable-replay: task ${id} of ${this.instanceId} is already completed`);
    if (!kinds.includes(w.kind))
      throw new Error(`durable-replay: task ${id} is a ${w.kind}, not ${kinds.join('/')}`);
    this.completed.add(id);
    return w;
  }

  /** Completion events start a new episode: OrchestratorStarted(t+step), older events played. */
  private append(e: HistoryEvent): void {
    const lastEvent = this.events[this.events.length - 1];
    if (lastEvent?.EventType === EventType.OrchestratorCompleted) {
      for (const old of this.events) old.IsPlayed = true;
      this.clock = new Date(+this.clock + this.stepMs);
      this.events.push(history.orchestratorStarted(this.clock));
      this.events.push({ ...e, Timestamp: this.clock.toISOString() });
    } else {
      this.events.push(e);
    }
  }

  /** The records the extension writes when it schedules work (the SDK ignores them on replay). */
  private recordScheduled(w: PendingWork): void {
    if (typeof w.id !== 'number') return;
    if (w.kind === 'activity')
      this.events.push(history.taskScheduled(this.clock, w.id, w.name ?? '', w.input));
    else if (w.kind === 'subOrchestration')
      this.events.push(
        history.subOrchestrationCreated(
          this.clock,
          w.id,
          w.name ?? '',
          w.instanceId ?? `${this.instanceId}:${w.id}`,
          w.input,
        ),
      );
    else if (w.kind === 'timer')
      this.events.push(history.timerCreated(this.clock, w.id, w.fireAt ?? this.clock));
  }
}

// ---------------------------------------------------------------------------------------------
// Simulation: run an orchestration (and its children) to the end with fake activities

/** An activity implementation for simulation; throw to make the task fail. */
export type FakeActivity = (input: unknown, meta: { attempt: number; instanceId: string }) => unknown;

export interface SimulationOptions {
  /** Fakes by activity name; an activity without one runs its registered df.app.activity handler. */
  readonly activities: Readonly<Record<string, FakeActivity>>;
  /** Completions delivered per episode, like the control queue's batch size (32). Default: all. */
  readonly completionsPerEpisode?: number;
  /** Stop with an error after this many episodes of one instance. Default 100000. */
  readonly maxEpisodes?: number;
  readonly instanceId?: string;
  readonly start?: Date;
}

export interface SimulationResult {
  readonly instanceId: string;
  readonly isDone: boolean;
  readonly failed: boolean;
  readonly output: unknown;
  readonly error?: string;
  readonly customStatus: unknown;
  /** Episodes of this instance and all its children. */
  readonly episodes: number;
  /** Replay CPU of this instance and all its children, in microseconds. */
  readonly cpuMicros: number;
  /** History length of this instance at the end. */
  readonly historyEvents: number;
  /** Final state of every sub-orchestration by instance id. */
  readonly children: ReadonlyMap<string, SimulationResult>;
  /** Work still awaited when nothing more could be delivered (external events). */
  readonly waitingFor: readonly PendingWork[];
}

export async function simulate(
  name: string,
  input: unknown,
  options: SimulationOptions,
): Promise<SimulationResult> {
  const driver = new OrchestrationDriver(name, input, {
    instanceId: options.instanceId ?? 'instance-1',
    start: options.start,
  });
  const perEpisode = options.completionsPerEpisode ?? Number.POSITIVE_INFINITY;
  const maxEpisodes = options.maxEpisodes ?? 100_000;
  const children = new Map<string, SimulationResult>();
  let episodes = 0;
  let cpuMicros = 0;
  for (;;) {
    const ep = await driver.run();
    cpuMicros += ep.cpuMicros;
    if (ep.isDone || ep.failed) return result(ep, []);
    const actionable = ep.pending.filter((w) => w.kind !== 'event' && w.kind !== 'other');
    if (actionable.length === 0) return result(ep, ep.pending);
    if (driver.episodes >= maxEpisodes)
      throw new Error(`durable-replay: ${driver.instanceId} exceeded ${maxEpisodes} episodes`);
    for (const w of actionable.slice(0, perEpisode)) await deliver(w);
  }

  async function deliver(w: PendingWork): Promise<void> {
    const id = w.id as number;
    if (w.kind === 'timer') {
      driver.fireTimer(id);
    } else if (w.kind === 'activity') {
      const impl = options.activities[w.name ?? ''] ?? registeredActivity(w.name ?? '');
      try {
        driver.complete(id, await impl(w.input, { attempt: w.attempt, instanceId: driver.instanceId }));
      } catch (e: unknown) {
        driver.fail(id, e instanceof Error ? e.message : String(e));
      }
    } else {
      const childId = w.instanceId ?? `${driver.instanceId}:${id}`;
      const child = await simulate(w.name ?? '', w.input, {
        ...options,
        instanceId: childId,
        start: driver.now,
      });
      children.set(childId, child);
      episodes += child.episodes;
      cpuMicros += child.cpuMicros;
      if (child.isDone) driver.complete(id, child.output);
      else driver.fail(id, child.error ?? `sub-orchestration ${childId} did not finish`);
    }
  }

  function result(ep: Episode, waitingFor: readonly PendingWork[]): SimulationResult {
    return {
      instanceId: driver.instanceId,
      isDone: ep.isDone,
      failed: ep.failed,
      output: ep.output,
      error: ep.error,
      customStatus: ep.customStatus,
      episodes: episodes + driver.episodes,
      cpuMicros,
      historyEvents: driver.history.length,
      children,
      waitingFor,
    };
  }
}

/** A registered activity as a FakeActivity: called with a real InvocationContext. */
function registeredActivity(name: string): FakeActivity {
  const handler = activityHandler(name);
  if (!handler) throw new Error(`durable-replay: activity "${name}" has no fake and is not registered`);
  let n = 0;
  return (input, meta) =>
    handler(
      input,
      new functions.InvocationContext({
        invocationId: `${meta.instanceId}:${name}:${++n}`,
        functionName: name,
        logHandler: () => undefined,
      }),
    );
}
