/**
 * Group commit: writes that arrive while a transaction is committing wait and go together in the
 * next one. Under load many submissions share one transaction, one audit lock and one flush to
 * disk; a lone write waits one turn of the event loop at most, never on a timer. Each caller's promise settles only
 * when its own write is durable, so an acknowledgement always means stored.
 */
export class GroupCommit<T, R> {
  private queue: { item: T; resolve: (r: R) => void; reject: (e: unknown) => void }[] = [];
  private flushing = false;

  constructor(
    /** Writes every item in one transaction, or none; returns one result per item, in order. */
    private readonly writeAll: (items: readonly T[]) => Promise<R[]>,
    private readonly maxBatch = 100,
  ) {}

  write(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.flushing) {
        this.flushing = true;
        // Wait one turn of the event loop, so requests already read from the network join this
        // transaction. An embedded store answers through microtasks alone and would otherwise
        // commit each request before the next one is even parsed.
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.maxBatch);
        try {
          const results = await this.writeAll(batch.map((b) => b.item));
          batch.forEach((b, i) => b.resolve(results[i]!));
        } catch (error) {
          if (batch.length === 1) {
            batch[0]!.reject(error);
            continue;
          }
          // One bad write must not fail its neighbours: retry each alone, so only it is refused.
          for (const b of batch) {
            try {
              b.resolve((await this.writeAll([b.item]))[0]!);
            } catch (e) {
              b.reject(e);
            }
          }
        }
      }
    } finally {
      this.flushing = false;
    }
  }
}
