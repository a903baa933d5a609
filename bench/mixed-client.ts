import { readFileSync } from 'node:fs';
import type { RouteContract } from '../src/shared/routes/define.ts';
import { HOUSEHOLD_PART_ROUTES, HOUSEHOLD_ROUTES } from '../src/shared/routes/households.ts';
import { DIAGNOSTIC_ROUTES } from '../src/shared/routes/diagnostics.ts';
import { BUDGET_ROUTES } from '../src/shared/routes/budget.ts';
import { TASK_ROUTES } from '../src/shared/routes/tasks.ts';
import { REFERRAL_ROUTES } from '../src/shared/routes/referrals.ts';
import { AUDIT_ROUTES } from '../src/shared/routes/audit.ts';
import { USER_ROUTES } from '../src/shared/routes/identity.ts';
import { NOTIFICATION_ROUTES } from '../src/shared/routes/notifications.ts';
import { ORGANISATION_ROUTES } from '../src/shared/routes/organisations.ts';
import { sampleHousehold, toUpdateBody } from '../test/helpers/household-fixtures.ts';
import { seededRandom } from './random.ts';
import { callRoute, type RouteInput } from './route-call.ts';
import { summarise, type LoadResult } from './stats.ts';

/**
 * The mixed-load generator, run as a child process (see harness.runChildJob): concurrent clients,
 * each signed in as a user of some role, loop for the duration over that role's reads and writes
 * of the real routes (called through their contracts). Every answer is counted; an error is a
 * network failure or any status other than the route's success status. Prints the result as JSON.
 */
export type Profile = 'caseworker' | 'landlord' | 'siao' | 'admin' | 'auditor';

export interface MixedClient {
  profile: Profile;
  organisationId: string;
  headers: Record<string, string>;
  /** Households only this client writes to: no other writer moves their version (no 409 expected). */
  owned: string[];
}

export interface MixedJob {
  url: string;
  durationSeconds: number;
  seed: number;
  searchTerms: string[];
  /** The households each organisation is a party to, by organisation id. */
  readable: Record<string, string[]>;
  clients: MixedClient[];
}

export interface KindResult extends LoadResult {
  statuses: Record<string, number>;
}

export interface MixedResult {
  /** The generator's own CPU time: near the elapsed time, it was the bottleneck, not the server. */
  clientCpuSeconds: number;
  elapsedSeconds: number;
  kinds: Record<string, KindResult>;
  overall: KindResult;
  errors: number;
  errorSamples: { kind: string; request: string; status: number; body: string }[];
}

interface Tally {
  latencies: number[];
  statuses: Record<string, number>;
  errors: number;
}

const job = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as MixedJob;
const tallies = new Map<string, Tally>();
const errorSamples: MixedResult['errorSamples'] = [];

/** A household file as read (the part this generator looks at). */
type HouseholdFile = Record<string, unknown> & { version: number; expenses: { id: string }[] };

/** The state of a household this client writes to: the version it last saw and a row to change. */
interface Owned {
  version: number;
  expenseId: string;
}

class Client {
  readonly random: () => number;
  private readonly state = new Map<string, Owned>();
  private n = 0;

  constructor(
    readonly spec: MixedClient,
    seed: number,
  ) {
    this.random = seededRandom(seed);
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)]!;
  }

  readable = () => this.pick(job.readable[this.spec.organisationId]!);
  owned = () => this.pick(this.spec.owned);
  unique = () => `${this.spec.profile}-${++this.n}`;
  twoDigits = () => String(Math.floor(this.random() * 100)).padStart(2, '0');

  /** Calls a route; its answer when the status is the route's success status, undefined (an error) otherwise. */
  async call(kind: string, contract: RouteContract, input: RouteInput = {}): Promise<unknown> {
    const tally = tallies.get(kind) ?? { latencies: [], statuses: {}, errors: 0 };
    tallies.set(kind, tally);
    const started = performance.now();
    const answer = await callRoute(job.url, this.spec.headers, contract, input).catch((error: unknown) => ({
      ok: false,
      status: 0,
      text: String(error),
    }));
    const elapsed = performance.now() - started;
    tally.statuses[answer.status] = (tally.statuses[answer.status] ?? 0) + 1;
    if (answer.ok) {
      tally.latencies.push(elapsed);
      return answer.text ? JSON.parse(answer.text) : null;
    }
    tally.errors++;
    if (errorSamples.length < 50) {
      const path = `${contract.method} ${contract.path} ${JSON.stringify(input.params ?? {})}`;
      errorSamples.push({ kind, request: path, status: answer.status, body: answer.text.slice(0, 500) });
    }
    return undefined;
  }

  /** The version and an expense row of an owned household, read once then followed from each save. */
  async ownedState(id: string): Promise<Owned | undefined> {
    return (
      this.state.get(id) ??
      this.remember(
        id,
        (await this.call('read.file', HOUSEHOLD_ROUTES.get, { params: { id } })) as HouseholdFile,
      )
    );
  }

  remember(id: string, file: HouseholdFile | undefined): Owned | undefined {
    const expense = file?.expenses[0];
    if (!file || !expense) return undefined;
    const owned = { version: file.version, expenseId: expense.id };
    this.state.set(id, owned);
    return owned;
  }

  /** Saves through `save`, keeping the new version, or forgets the state when the save failed. */
  async followVersion(id: string, save: Promise<unknown>): Promise<void> {
    const saved = (await save) as { version: number } | undefined;
    const known = this.state.get(id);
    if (saved && known) known.version = saved.version;
    else this.state.delete(id);
  }
}

type Operation = (c: Client) => Promise<unknown>;

const reads: Record<string, Operation> = {
  search: (c) =>
    c.call('read.search', HOUSEHOLD_ROUTES.list, { query: { q: c.pick(job.searchTerms), page: '1' } }),
  list: (c) => c.call('read.list', HOUSEHOLD_ROUTES.list, { query: { page: c.pick(['1', '2', '3', '4']) } }),
  file: (c) => c.call('read.file', HOUSEHOLD_ROUTES.get, { params: { id: c.readable() } }),
  history: (c) => c.call('read.history', HOUSEHOLD_ROUTES.history, { params: { id: c.readable() } }),
  notes: (c) => c.call('read.notes', HOUSEHOLD_ROUTES.notes, { params: { id: c.readable() } }),
  diagnostics: (c) => c.call('read.diagnostics', DIAGNOSTIC_ROUTES.list, { params: { id: c.readable() } }),
  budget: (c) => c.call('read.budget', BUDGET_ROUTES.get, { params: { id: c.readable() } }),
  myTasks: (c) => c.call('read.myTasks', TASK_ROUTES.mine),
  inbox: (c) => c.call('read.inbox', REFERRAL_ROUTES.inbox),
  auditLog: (c) => c.call('read.auditLog', AUDIT_ROUTES.log),
  users: (c) => c.call('read.users', USER_ROUTES.list),
  notifications: (c) => c.call('read.notifications', NOTIFICATION_ROUTES.list),
};

const writes: Record<string, Operation> = {
  note: (c) =>
    c.call('write.note', HOUSEHOLD_ROUTES.addNote, {
      params: { id: c.owned() },
      body: {
        body: `Point avec le ménage (${c.unique()})`,
        sensitivity: c.spec.profile === 'landlord' ? 'landlord_visible' : 'shared',
      },
    }),
  task: (c) =>
    c.call('write.task', TASK_ROUTES.create, {
      params: { id: c.owned() },
      body: { title: `Relancer la CAF (${c.unique()})` },
    }),
  /** One field of the file: an expense row's amount, at the version last seen. */
  expense: async (c) => {
    const id = c.owned();
    const owned = await c.ownedState(id);
    if (!owned) return;
    await c.followVersion(
      id,
      c.call('write.expense', HOUSEHOLD_PART_ROUTES.expenses.change, {
        params: { id, rowId: owned.expenseId },
        body: { monthlyAmountCents: 1_000 + Math.floor(c.random() * 5_000), version: owned.version },
      }),
    );
  },
  /** The whole-file form, as the web client saves it: read the file, change the phone, save it all. */
  file: async (c) => {
    const id = c.owned();
    const file = (await c.call('read.file', HOUSEHOLD_ROUTES.get, { params: { id } })) as
      HouseholdFile | undefined;
    if (!file || !c.remember(id, file)) return;
    await c.followVersion(
      id,
      c.call('write.file', HOUSEHOLD_ROUTES.update, {
        params: { id },
        body: { ...toUpdateBody(file), phone: `06 ${c.twoDigits()} ${c.twoDigits()} 00 00` },
      }),
    );
  },
  household: (c) => c.call('write.household', HOUSEHOLD_ROUTES.create, { body: sampleHousehold() }),
  organisation: (c) =>
    c.call('write.organisation', ORGANISATION_ROUTES.updateOwn, {
      body: { phone: `01 23 45 67 ${c.twoDigits()}` },
    }),
  readAll: (c) => c.call('write.readAll', NOTIFICATION_ROUTES.markAllRead),
};

/** What each role does, with its weight: mostly reads, a write in about a quarter of the calls. */
const PROFILES: Record<Profile, [Operation, number][]> = {
  caseworker: [
    [reads.search!, 4],
    [reads.list!, 1],
    [reads.file!, 5],
    [reads.history!, 1],
    [reads.notes!, 1],
    [reads.diagnostics!, 1],
    [reads.budget!, 1],
    [reads.myTasks!, 1],
    [writes.note!, 2],
    [writes.task!, 1],
    [writes.expense!, 2],
    [writes.file!, 1],
    [writes.household!, 0.5],
  ],
  landlord: [
    [reads.search!, 2],
    [reads.list!, 2],
    [reads.file!, 4],
    [reads.history!, 1],
    [reads.notes!, 1],
    [writes.note!, 2],
  ],
  siao: [
    [reads.search!, 2],
    [reads.list!, 1],
    [reads.file!, 4],
    [reads.history!, 1],
    [reads.notes!, 1],
    [writes.note!, 1],
    [writes.expense!, 2],
  ],
  admin: [
    [reads.users!, 2],
    [reads.auditLog!, 2],
    [reads.inbox!, 1],
    [reads.notifications!, 1],
    [writes.organisation!, 1],
    [writes.readAll!, 0.5],
  ],
  auditor: [[reads.auditLog!, 1]],
};

function chooser(c: Client, weighted: [Operation, number][]): () => Operation {
  const total = weighted.reduce((sum, [, w]) => sum + w, 0);
  return () => {
    let r = c.random() * total;
    for (const [operation, weight] of weighted) {
      if ((r -= weight) < 0) return operation;
    }
    return weighted.at(-1)![0];
  };
}

const started = performance.now();
const deadline = started + job.durationSeconds * 1000;
await Promise.all(
  job.clients.map(async (spec, i) => {
    const client = new Client(spec, job.seed + i);
    const next = chooser(client, PROFILES[spec.profile]);
    while (performance.now() < deadline) await next()(client);
  }),
);

// Calls under way at the deadline finish: the rates are over the time until the last one did.
const elapsedSeconds = Math.round(performance.now() - started) / 1000;
const result = (tally: Tally): KindResult => ({
  ...summarise(tally.latencies, elapsedSeconds, tally.errors),
  statuses: tally.statuses,
});
const all: Tally = { latencies: [], statuses: {}, errors: 0 };
for (const tally of tallies.values()) {
  all.latencies.push(...tally.latencies);
  all.errors += tally.errors;
  for (const [status, n] of Object.entries(tally.statuses))
    all.statuses[status] = (all.statuses[status] ?? 0) + n;
}
const cpu = process.cpuUsage();
const output: MixedResult = {
  clientCpuSeconds: Math.round((cpu.user + cpu.system) / 1e4) / 100,
  elapsedSeconds,
  kinds: Object.fromEntries(
    [...tallies].sort(([a], [b]) => a.localeCompare(b)).map(([k, t]) => [k, result(t)]),
  ),
  overall: result(all),
  errors: all.errors,
  errorSamples,
};
console.log(JSON.stringify(output));
