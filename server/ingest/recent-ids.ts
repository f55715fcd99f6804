// A bounded memory of recently accepted message ids: a client retry of a delivered batch is dropped at the door.
// Storage deduplicates by message id too (ReplacingMergeTree); this only saves the duplicate write.
export class RecentIds {
  private readonly ids = new Set<string>();

  constructor(private readonly max = 200_000) {}

  /** True if the id was seen; otherwise remembers it. */
  seen(id: string): boolean {
    if (this.ids.has(id)) return true;
    if (this.ids.size >= this.max) this.ids.delete(this.ids.values().next().value as string);
    this.ids.add(id);
    return false;
  }

  /** Forgets ids whose write failed, so that the client's retry is accepted. */
  forget(ids: string[]): void {
    for (const id of ids) this.ids.delete(id);
  }
}
