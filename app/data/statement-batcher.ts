interface Waiting<Item, Result> {
  item: Item;
  resolve: (result: Result) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: items that arrive while earlier batches are in the database wait a few milliseconds and go
 * together in the next statement; alone, an item goes at once. Each caller is answered only after its batch's
 * statement has returned (for writes: committed), so an acknowledged rating is never lost, and nothing is kept
 * once answered (the process stays stateless). Items with the same `key` never share a batch.
 */
export class StatementBatcher<Item, Result> {
  private waiting: Waiting<Item, Result>[] = [];
  private inFlight = 0;

  constructor(
    private readonly runBatch: (items: Item[]) => Promise<Result[]>,
    private readonly options: { maxInFlight: number; maxBatch: number; key?: (item: Item) => string },
  ) {}

  submit(item: Item): Promise<Result> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.options.maxInFlight && this.waiting.length > 0) {
      const batch = this.takeBatch();
      this.inFlight += 1;
      void this.flush(batch).finally(() => {
        this.inFlight -= 1;
        this.pump();
      });
    }
  }

  private takeBatch(): Waiting<Item, Result>[] {
    const { key, maxBatch } = this.options;
    if (!key) return this.waiting.splice(0, maxBatch);
    const keys = new Set<string>();
    const batch: Waiting<Item, Result>[] = [];
    const rest: Waiting<Item, Result>[] = [];
    for (const entry of this.waiting) {
      const itemKey = key(entry.item);
      if (batch.length < maxBatch && !keys.has(itemKey)) {
        keys.add(itemKey);
        batch.push(entry);
      } else {
        rest.push(entry);
      }
    }
    this.waiting = rest;
    return batch;
  }

  private async flush(batch: Waiting<Item, Result>[]): Promise<void> {
    try {
      const results = await this.runBatch(batch.map((entry) => entry.item));
      batch.forEach((entry, index) => entry.resolve(results[index]!));
    } catch (error) {
      if (batch.length === 1) {
        batch[0]!.reject(error);
        return;
      }
      // One bad item must not fail its neighbours: each goes alone, and only the failing one fails.
      await Promise.all(batch.map((entry) => this.flush([entry])));
    }
  }
}
