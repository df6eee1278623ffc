/**
 * A DurableClient stand-in with only the methods the HTTP and timer functions call
 * (platform-notes §4 "simpler option"): instances live in a map; getStatus throws on an
 * unknown id like durable-functions 3.x does on the extension's 404.
 */
import { HttpResponse, type HttpRequest } from '@azure/functions';
import type { DurableClient, DurableOrchestrationStatus, OrchestrationFilter } from 'durable-functions';

export interface FakeInstance {
  name: string;
  instanceId: string;
  runtimeStatus: string;
  input?: unknown;
  output?: unknown;
  customStatus?: unknown;
  createdTime: Date;
  lastUpdatedTime: Date;
}

export class FakeDurableClient {
  readonly instances = new Map<string, FakeInstance>();
  readonly started: { name: string; instanceId: string; input: unknown }[] = [];
  readonly terminated: { id: string; reason: string }[] = [];
  readonly purges: OrchestrationFilter[] = [];

  add(i: Partial<FakeInstance> & { instanceId: string }): this {
    this.instances.set(i.instanceId, {
      name: 'migrateDatabase',
      runtimeStatus: 'Running',
      createdTime: new Date('2026-01-01T00:00:00Z'),
      lastUpdatedTime: new Date('2026-01-01T00:01:00Z'),
      ...i,
    });
    return this;
  }

  asClient(): DurableClient {
    return this as unknown as DurableClient;
  }

  startNew(name: string, options: { instanceId: string; input: unknown }): Promise<string> {
    this.started.push({ name, instanceId: options.instanceId, input: options.input });
    this.add({ instanceId: options.instanceId, name, input: options.input, runtimeStatus: 'Pending' });
    return Promise.resolve(options.instanceId);
  }

  getStatus(id: string): Promise<DurableOrchestrationStatus> {
    const i = this.instances.get(id);
    if (!i)
      return Promise.reject(
        new Error(`DurableClient error: Durable Functions extension replied with HTTP 404 response.`),
      );
    return Promise.resolve(i as unknown as DurableOrchestrationStatus);
  }

  getStatusBy(filter: OrchestrationFilter): Promise<DurableOrchestrationStatus[]> {
    const wanted = (filter.runtimeStatus ?? []).map(String);
    return Promise.resolve(
      [...this.instances.values()].filter(
        (i) => wanted.length === 0 || wanted.includes(i.runtimeStatus),
      ) as unknown as DurableOrchestrationStatus[],
    );
  }

  terminate(id: string, reason: string): Promise<void> {
    this.terminated.push({ id, reason });
    return Promise.resolve();
  }

  purgeInstanceHistoryBy(filter: OrchestrationFilter): Promise<{ instancesDeleted: number }> {
    this.purges.push(filter);
    return Promise.resolve({ instancesDeleted: 3 });
  }

  createCheckStatusResponse(req: HttpRequest, id: string): HttpResponse {
    const base = new URL(req.url).origin;
    const statusQueryGetUri = `${base}/runtime/webhooks/durabletask/instances/${id}`;
    return new HttpResponse({
      status: 202,
      headers: { Location: statusQueryGetUri, 'Content-Type': 'application/json' },
      jsonBody: { id, statusQueryGetUri, terminatePostUri: `${statusQueryGetUri}/terminate` },
    });
  }
}
