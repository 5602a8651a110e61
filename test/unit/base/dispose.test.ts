import * as assert from 'node:assert/strict';
import { Disposable, Emitter, Registrations, toDisposable } from '../../../src/base/dispose';

class Owner extends Disposable {
  constructor(log: string[]) {
    super();
    this.register(toDisposable(() => log.push('first')));
    this.register(toDisposable(() => log.push('second')));
  }

  adopt(log: string[], name: string): void {
    this.register(toDisposable(() => log.push(name)));
  }
}

describe('Disposable', () => {
  it('disposes what it registered once, the last registered first', () => {
    const log: string[] = [];
    const owner = new Owner(log);
    owner.dispose();
    owner.dispose();
    assert.deepEqual(log, ['second', 'first']);
  });

  it('disposes at once what is registered after it was disposed', () => {
    const log: string[] = [];
    const owner = new Owner(log);
    owner.dispose();
    owner.adopt(log, 'late');
    assert.deepEqual(log, ['second', 'first', 'late']);
  });

  it('gathers a feature’s registrations into one disposable', () => {
    const log: string[] = [];
    const r = new Registrations();
    r.add(toDisposable(() => log.push('a')));
    r.add(toDisposable(() => log.push('b')));
    r.dispose();
    assert.deepEqual(log, ['b', 'a']);
  });
});

describe('Emitter', () => {
  it('delivers to listeners until they or the emitter are disposed', () => {
    const emitter = new Emitter<number>();
    const seen: number[] = [];
    const listener = emitter.event((n) => seen.push(n));
    emitter.fire(1);
    listener.dispose();
    emitter.fire(2);
    emitter.event((n) => seen.push(n * 10));
    emitter.dispose();
    emitter.fire(3);
    assert.deepEqual(seen, [1]);
  });
});
