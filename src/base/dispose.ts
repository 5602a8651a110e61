// Ownership of disposables without a vscode import, so plain-Node unit tests can use it too.

export interface DisposableLike {
  dispose(): void;
}

/** Wraps a clean-up function (a timer to clear, a set to empty) as a disposable. */
export function toDisposable(dispose: () => void): DisposableLike {
  return { dispose };
}

/** Disposes every item, the last registered first, and forgets them. */
export function disposeAll(items: DisposableLike[]): void {
  for (const item of items.splice(0).reverse()) item.dispose();
}

/**
 * A base for everything that owns other disposables: `register()` hands ownership over, and one
 * `dispose()` releases all of them, in reverse order, once.
 */
export abstract class Disposable implements DisposableLike {
  private readonly owned: DisposableLike[] = [];
  private disposed = false;

  protected get isDisposed(): boolean {
    return this.disposed;
  }

  protected register<T extends DisposableLike>(item: T): T {
    if (this.disposed) item.dispose();
    else this.owned.push(item);
    return item;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    disposeAll(this.owned);
  }
}

/** A feature's registrations gathered into one disposable (what each `register…` returns). */
export class Registrations extends Disposable {
  add<T extends DisposableLike>(item: T): T {
    return this.register(item);
  }
}

/** An event source like vscode.EventEmitter, for code that must also run in plain Node. */
export class Emitter<T> implements DisposableLike {
  private listeners = new Set<(value: T) => void>();

  readonly event = (listener: (value: T) => void): DisposableLike => {
    this.listeners.add(listener);
    return toDisposable(() => this.listeners.delete(listener));
  };

  fire(value: T): void {
    for (const listener of [...this.listeners]) listener(value);
  }

  dispose(): void {
    this.listeners.clear();
  }
}
