import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Autosaver, type SaveState } from './autosave';

/** A save the test finishes by hand. */
function controlledSaves() {
  const pending: { resolve: () => void; reject: (error: unknown) => void }[] = [];
  let running = 0;
  let overlapped = false;
  const save = vi.fn(
    () =>
      new Promise<void>((resolve, reject) => {
        running++;
        if (running > 1) overlapped = true;
        pending.push({
          resolve: () => {
            running--;
            resolve();
          },
          reject: (error) => {
            running--;
            reject(error);
          },
        });
      }),
  );
  return { save, pending, overlapped: () => overlapped };
}

describe('Autosaver', () => {
  const states: SaveState['phase'][] = [];
  beforeEach(() => {
    vi.useFakeTimers();
    states.length = 0;
  });
  afterEach(() => vi.useRealTimers());

  it('saves once after a quiet moment, however many keys were typed', async () => {
    const { save, pending } = controlledSaves();
    const saver = new Autosaver({ delayMs: 800, save, onState: (s) => states.push(s.phase) });
    saver.change();
    vi.advanceTimersByTime(500);
    saver.change();
    vi.advanceTimersByTime(500);
    expect(save).not.toHaveBeenCalled();
    vi.advanceTimersByTime(300);
    await vi.waitFor(() => expect(save).toHaveBeenCalledTimes(1));
    expect(saver.unsaved).toBe(true);
    pending[0]!.resolve();
    await vi.waitFor(() => expect(states.at(-1)).toBe('saved'));
    expect(saver.unsaved).toBe(false);
    expect(states).toEqual(['pending', 'pending', 'saving', 'saved']);
  });

  it('never overlaps two saves, and saves again what changed meanwhile', async () => {
    const { save, pending, overlapped } = controlledSaves();
    const saver = new Autosaver({ delayMs: 100, save, onState: (s) => states.push(s.phase) });
    saver.change();
    vi.advanceTimersByTime(100);
    await vi.waitFor(() => expect(save).toHaveBeenCalledTimes(1));
    saver.change();
    vi.advanceTimersByTime(100);
    await Promise.resolve();
    expect(save).toHaveBeenCalledTimes(1);
    pending[0]!.resolve();
    await vi.waitFor(() => expect(save).toHaveBeenCalledTimes(2));
    pending[1]!.resolve();
    await vi.waitFor(() => expect(states.at(-1)).toBe('saved'));
    expect(overlapped()).toBe(false);
    // The first save finished while a change waited: "saved" is said only once it is all stored.
    expect(states.filter((s) => s === 'saved')).toHaveLength(1);
  });

  it('flushes at once and waits for every queued write, in order', async () => {
    const order: string[] = [];
    const saver = new Autosaver({
      delayMs: 10_000,
      save: async () => {
        order.push('save');
      },
      onState: () => {},
    });
    saver.change();
    const flushed = saver.flush();
    const call = saver.exclusive(async () => {
      order.push('call');
      return 42;
    });
    expect(await flushed).toBe(true);
    expect(await call).toBe(42);
    expect(order).toEqual(['save', 'call']);
    expect(await saver.flush()).toBe(true);
  });

  it('reports a failed save, keeps it unsaved and tries again on flush', async () => {
    let fail = true;
    const save = vi.fn(async () => {
      if (fail) throw new Error('refused');
    });
    const saver = new Autosaver({ delayMs: 100, save, onState: (s) => states.push(s.phase) });
    saver.change();
    vi.advanceTimersByTime(100);
    await vi.waitFor(() => expect(states.at(-1)).toBe('failed'));
    expect(saver.unsaved).toBe(true);
    expect(await saver.flush()).toBe(false);
    fail = false;
    expect(await saver.flush()).toBe(true);
    expect(save).toHaveBeenCalledTimes(3);
    expect(states.at(-1)).toBe('saved');
  });

  it('saves nothing once disposed, and again once revived', async () => {
    const save = vi.fn(async () => {});
    const saver = new Autosaver({ delayMs: 100, save, onState: () => {} });
    saver.change();
    saver.dispose();
    vi.advanceTimersByTime(1000);
    saver.change();
    expect(save).not.toHaveBeenCalled();
    saver.revive();
    saver.change();
    vi.advanceTimersByTime(100);
    await vi.waitFor(() => expect(save).toHaveBeenCalledTimes(1));
  });
});
