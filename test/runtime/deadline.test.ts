// The shared timer behind every attempt's deadline (src/internal/deadline.ts):
// deadlines of different durations, armed in any order, each expire at their
// own time; a cleared one never does. Fake timers drive the clock, so nothing
// here depends on how fast the machine is.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Deadline } from '../../src/internal/deadline.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('deadlines on one shared timer', () => {
  it('each expires at its own time, whatever the order they were armed in; a cleared one never does', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const long = new Deadline(300);
    const short = new Deadline(100);
    const cleared = new Deadline(200);
    const sameAsLong = new Deadline(300);
    cleared.clear();
    await vi.advanceTimersByTimeAsync(99);
    expect([long, short, cleared, sameAsLong].map((d) => d.expired)).toEqual([false, false, false, false]);
    await vi.advanceTimersByTimeAsync(1);
    expect([long, short, cleared, sameAsLong].map((d) => d.expired)).toEqual([false, true, false, false]);
    await vi.advanceTimersByTimeAsync(200);
    expect([long, short, cleared, sameAsLong].map((d) => d.expired)).toEqual([true, true, false, true]);
  });

  it('a deadline armed after many were armed and cleared still fires, and only it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    for (let i = 0; i < 5000; i++) new Deadline(1000).clear();
    const blocker = new Deadline(1000);
    const behind = Array.from({ length: 3000 }, () => new Deadline(1000));
    for (const d of behind.slice(0, 2999)) d.clear();
    const last = behind[2999]!;
    await vi.advanceTimersByTimeAsync(1000);
    expect(blocker.expired).toBe(true);
    expect(last.expired).toBe(true);
    expect(behind.slice(0, 2999).some((d) => d.expired)).toBe(false);
  });

  it('a deadline that falls due before the one the timer is set for resets it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const slow = new Deadline(60_000);
    await vi.advanceTimersByTimeAsync(10);
    const quick = new Deadline(50);
    await vi.advanceTimersByTimeAsync(50);
    expect(quick.expired).toBe(true);
    expect(slow.expired).toBe(false);
    slow.clear();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(slow.expired).toBe(false);
  });
});
