// The client's restart policy (client/src/restartPolicy.ts): back-off, reset after a healthy run,
// and giving up on a server that keeps dying. The clock is passed in: no timers.
import * as assert from 'node:assert/strict';
import { RestartPolicy } from '../../../client/src/restartPolicy';

const delays = (policy: RestartPolicy, crashTimes: number[]) => crashTimes.map((t) => {
  const d = policy.exited(t);
  policy.started(t + (d.restart ? d.delayMs : 0));
  return d.restart ? d.delayMs : 'stop';
});

describe('client restart policy', () => {
  it('restarts after 0.5 s, then doubles the delay for each crash that follows quickly', () => {
    const policy = new RestartPolicy({ maxCrashes: 10 });
    policy.started(0);
    assert.deepEqual(delays(policy, [1_000, 3_000, 6_000, 11_000, 20_000]), [500, 1_000, 2_000, 4_000, 8_000]);
  });

  it('never waits longer than the maximum delay', () => {
    const policy = new RestartPolicy({ maxCrashes: 100, windowMs: 1, maxDelayMs: 30_000 });
    policy.started(0);
    const all = delays(policy, Array.from({ length: 12 }, (_, i) => (i + 1) * 100));
    assert.equal(all[all.length - 1], 30_000);
    assert.ok(all.every((d) => typeof d === 'number' && d <= 30_000));
  });

  it('starts the back-off afresh after a run that stayed up a minute', () => {
    const policy = new RestartPolicy();
    policy.started(0);
    assert.deepEqual(delays(policy, [1_000, 2_000]), [500, 1_000]);
    const late = policy.exited(2_000 + 1_000 + 60_000);
    assert.deepEqual(late, { restart: true, delayMs: 500, attempt: 1 });
  });

  it('gives up after more than five crashes within three minutes, and says why', () => {
    const policy = new RestartPolicy();
    policy.started(0);
    const all = delays(policy, [1_000, 2_000, 4_000, 8_000, 16_000, 32_000]);
    assert.deepEqual(all.slice(0, 5), [500, 1_000, 2_000, 4_000, 8_000]);
    assert.equal(all[5], 'stop');
    const decision = new RestartPolicy({ maxCrashes: 0 }).exited(0);
    assert.ok(!decision.restart && /stopped 1 times in 3 minutes/.test(decision.reason));
  });

  it('forgets old crashes outside the window, and all of them on a manual restart', () => {
    const policy = new RestartPolicy({ maxCrashes: 2, healthyAfterMs: Infinity });
    policy.started(0);
    assert.deepEqual(delays(policy, [1_000, 2_000]), [500, 1_000]);
    assert.equal(policy.exited(200_000).restart, true, 'the first two crashes are more than 3 minutes old');
    assert.equal(policy.exited(200_001).restart, true);
    assert.equal(policy.exited(200_002).restart, false);
    policy.reset();
    assert.deepEqual(policy.exited(200_003), { restart: true, delayMs: 500, attempt: 1 });
  });
});
