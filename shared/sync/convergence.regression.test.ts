import { describe, it } from 'vitest';
import { checkOutcome, plainTransport } from './testing/convergenceChecks';
import { newStats, runScenario, type Op, type Scenario } from './testing/simulation';

const zeros = (n: number) => Array.from({ length: n }, () => 0);

describe('convergence regressions', () => {
  // Shrunk counterexample of the convergence property (seed -773591654): dev-b and dev-c write
  // the same value to households#2.a concurrently, dev-b receives dev-c's bundle and later
  // overwrites that field; dev-a deletes households#1 twice.
  it('same value written concurrently, then received and overwritten', async () => {
    const ops: Op[] = [
      { kind: 'edit', dev: 1, rec: 1, field: 'a', value: 0, tick: 0 },
      { kind: 'edit', dev: 2, rec: 1, field: 'a', value: 0, tick: 0 },
      { kind: 'export', dev: 2 },
      { kind: 'receive', dev: 1, pick: 0 },
      { kind: 'edit', dev: 1, rec: 0, field: 'a', value: 0, tick: 0 },
      { kind: 'edit', dev: 1, rec: 1, field: 'b', value: 1, tick: 0 },
      { kind: 'edit', dev: 1, rec: 0, field: 'a', value: 0, tick: 0 },
      { kind: 'export', dev: 0 },
      { kind: 'delete', dev: 0, rec: 0, tick: 0 },
      { kind: 'edit', dev: 1, rec: 1, field: 'a', value: 1, tick: 0 },
      { kind: 'export', dev: 1 },
      { kind: 'export', dev: 0 },
      { kind: 'delete', dev: 0, rec: 0, tick: 0 },
      { kind: 'edit', dev: 1, rec: 1, field: 'c', value: 1, tick: 0 },
    ];
    const scenario: Scenario = {
      skews: [0, 0, 0],
      ops,
      deliveries: [
        { keys: zeros(48), duplicates: [] },
        { keys: zeros(48), duplicates: [] },
        { keys: [5, 5, ...zeros(46)], duplicates: [] },
      ],
    };
    const stats = newStats();
    checkOutcome(await runScenario(scenario, plainTransport, stats), stats);
  });
});
