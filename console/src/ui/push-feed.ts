/** Pushes from the agent socket handed to whichever screen is open: the workspace emits, screens subscribe while mounted. */
export class PushFeed<T> {
  private readonly listeners = new Set<(update: T) => void>();

  /** Returns the unsubscribe function (an effect's cleanup). */
  subscribe(listener: (update: T) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(update: T): void {
    for (const listener of this.listeners) listener(update);
  }
}
