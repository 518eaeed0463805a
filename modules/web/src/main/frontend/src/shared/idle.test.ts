import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchIdle as startWatch, type IdleWatchOptions } from './idle';

describe('watchIdle', () => {
  let stops: (() => void)[] = [];
  /** Starts a watch that is stopped after the test, so no test hears another's listeners. */
  const watchIdle = (options: IdleWatchOptions) => {
    const stop = startWatch(options);
    stops.push(stop);
    return stop;
  };

  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    stops.forEach((stop) => stop());
    stops = [];
    vi.useRealTimers();
  });

  it('fires after the timeout without activity', () => {
    const onIdle = vi.fn();
    watchIdle({ timeoutMs: 300_000, onIdle });

    vi.advanceTimersByTime(299_999);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it.each(['keydown', 'pointerdown', 'wheel', 'touchstart'])('restarts the clock on %s', (type) => {
    const onIdle = vi.fn();
    watchIdle({ timeoutMs: 300_000, onIdle });

    vi.advanceTimersByTime(200_000);
    window.dispatchEvent(new Event(type));
    vi.advanceTimersByTime(200_000);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(100_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('counts activity anywhere in the page, even where a handler stops it', () => {
    const onIdle = vi.fn();
    const button = document.createElement('button');
    button.addEventListener('keydown', (event) => event.stopPropagation());
    document.body.append(button);
    watchIdle({ timeoutMs: 1_000, onIdle });

    vi.advanceTimersByTime(900);
    button.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true }));
    vi.advanceTimersByTime(900);
    expect(onIdle).not.toHaveBeenCalled();
    button.remove();
  });

  it('fires only once', () => {
    const onIdle = vi.fn();
    watchIdle({ timeoutMs: 1_000, onIdle });

    vi.advanceTimersByTime(1_000);
    window.dispatchEvent(new Event('keydown'));
    vi.advanceTimersByTime(10_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('does nothing once stopped', () => {
    const onIdle = vi.fn();
    const stop = watchIdle({ timeoutMs: 1_000, onIdle });

    stop();
    window.dispatchEvent(new Event('pointerdown'));
    vi.advanceTimersByTime(10_000);
    expect(onIdle).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('keeps one timer however busy the desk is', () => {
    watchIdle({ timeoutMs: 1_000, onIdle: vi.fn() });
    for (let i = 0; i < 100; i++) {
      window.dispatchEvent(new Event('wheel'));
    }
    expect(vi.getTimerCount()).toBe(1);
  });

  it('locks at once when the page comes back after sleeping past the limit', () => {
    const onIdle = vi.fn();
    watchIdle({ timeoutMs: 60_000, onIdle });

    // A sleeping laptop runs no timers, but the clock moves on.
    vi.setSystemTime(Date.now() + 120_000);
    document.dispatchEvent(new Event('visibilitychange'));
    expect(onIdle).toHaveBeenCalledTimes(1);
  });
});
