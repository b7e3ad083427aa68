/**
 * Numbers to small ids, in order of first appearance: an open-addressing table over typed arrays.
 * Blocking keys and comparison patterns are up to 52-bit numbers, which a `Map` stores boxed, one
 * allocation each; a million records' keys would make that most of the work. Keys are
 * non-negative integers below 2^53.
 */
export class NumberIndex {
  private keys: Float64Array;
  private ids: Int32Array;
  private mask: number;
  size = 0;

  constructor(expected = 1024) {
    // At most half full: probes stay short.
    const capacity = 2 ** Math.ceil(Math.log2(Math.max(16, expected * 2)));
    this.keys = new Float64Array(capacity);
    this.ids = new Int32Array(capacity).fill(-1);
    this.mask = capacity - 1;
  }

  /** Forgets every key, keeping the table's size. */
  clear(): void {
    this.ids.fill(-1);
    this.size = 0;
  }

  /** The id of `key`, given the next free id if it is new. */
  idOf(key: number): number {
    let slot = this.slot(key);
    while (this.ids[slot] !== -1) {
      if (this.keys[slot] === key) return this.ids[slot]!;
      slot = (slot + 1) & this.mask;
    }
    if ((this.size + 1) * 2 > this.keys.length) {
      this.grow();
      return this.idOf(key);
    }
    this.keys[slot] = key;
    this.ids[slot] = this.size;
    return this.size++;
  }

  /** The id of `key`, or -1. */
  find(key: number): number {
    let slot = this.slot(key);
    while (this.ids[slot] !== -1) {
      if (this.keys[slot] === key) return this.ids[slot]!;
      slot = (slot + 1) & this.mask;
    }
    return -1;
  }

  private slot(key: number): number {
    // Mix the low and high 26 bits, so keys differing only in their top bits spread too.
    const low = (key % 0x4000000) | 0;
    const high = (key / 0x4000000) | 0;
    return Math.imul(low ^ Math.imul(high, 0x27d4eb2d), 0x9e3779b1) & this.mask;
  }

  private grow(): void {
    const { keys, ids } = this;
    this.keys = new Float64Array(keys.length * 2);
    this.ids = new Int32Array(keys.length * 2).fill(-1);
    this.mask = this.keys.length - 1;
    for (let s = 0; s < keys.length; s++) {
      if (ids[s] === -1) continue;
      let slot = this.slot(keys[s]!);
      while (this.ids[slot] !== -1) slot = (slot + 1) & this.mask;
      this.keys[slot] = keys[s]!;
      this.ids[slot] = ids[s]!;
    }
  }
}
