/**
 * Draft autosave without React: a change schedules a save after a quiet moment; saves never overlap (each
 * one bumps the report's version, and the last typed state must be the last one stored); changes made while a
 * save runs are saved right after it. Other writes (the call to headquarters, signing) queue behind them.
 */

export type SaveState =
  | { phase: 'idle' }
  | { phase: 'pending' }
  | { phase: 'saving' }
  | { phase: 'saved'; at: Date }
  | { phase: 'failed'; error: unknown };

export interface AutosaverOptions {
  delayMs: number;
  /** Saves what is on screen when it is called. */
  save(): Promise<void>;
  onState(state: SaveState): void;
  now?: () => Date;
}

export class Autosaver {
  private readonly options: AutosaverOptions;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private dirty = false;
  private chain: Promise<unknown> = Promise.resolve();
  private running = 0;
  private lastFailed = false;
  private disposed = false;

  constructor(options: AutosaverOptions) {
    this.options = options;
  }

  /** Something changed on screen: save after a quiet moment. */
  change(): void {
    if (this.disposed) {
      return;
    }
    this.dirty = true;
    this.options.onState({ phase: 'pending' });
    this.schedule();
  }

  /** Saves now what is not saved yet and waits for every write queued; false when the last save failed. */
  async flush(): Promise<boolean> {
    this.clearTimer();
    if (this.dirty) {
      void this.saveNow();
    }
    // Writes queued while waiting are waited for too.
    let seen: Promise<unknown>;
    do {
      seen = this.chain;
      await seen.catch(() => undefined);
    } while (seen !== this.chain);
    return !this.dirty && !this.lastFailed;
  }

  /** Runs another write in turn with the saves (it must not overlap one). */
  exclusive<T>(write: () => Promise<T>): Promise<T> {
    const result = this.chain.catch(() => undefined).then(write);
    this.chain = result.catch(() => undefined);
    return result;
  }

  /** Whether anything typed is not stored yet. */
  get unsaved(): boolean {
    return this.dirty || this.running > 0;
  }

  /** Back in use after dispose (React mounts, unmounts and mounts again in development). */
  revive(): void {
    this.disposed = false;
  }

  dispose(): void {
    this.disposed = true;
    this.clearTimer();
  }

  private schedule(): void {
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.saveNow();
    }, this.options.delayMs);
  }

  private clearTimer(): void {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
  }

  private saveNow(): Promise<void> {
    return this.exclusive(async () => {
      if (!this.dirty || this.disposed) {
        return;
      }
      this.dirty = false;
      this.running++;
      this.options.onState({ phase: 'saving' });
      try {
        await this.options.save();
        this.lastFailed = false;
        if (!this.dirty) {
          this.options.onState({ phase: 'saved', at: (this.options.now ?? (() => new Date()))() });
        }
      } catch (error) {
        this.lastFailed = true;
        const changedMeanwhile = this.dirty;
        // Still unsaved: the next change or flush tries again (a refused input is refused again until fixed).
        this.dirty = true;
        if (!changedMeanwhile) {
          this.options.onState({ phase: 'failed', error });
        }
      } finally {
        this.running--;
      }
    });
  }
}
