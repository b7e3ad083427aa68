/**
 * Typed arrays carved, one after another, from a buffer allocated once. Resolving a million
 * records needs a few hundred large arrays; allocated one by one, each large buffer costs a full
 * garbage collection of a heap holding those million records (the engine collects whenever
 * outside memory has grown by 64 MB). Nothing is freed until the whole arena goes; memory the
 * arena never reaches is never touched, so costs nothing. When the arena is spent, arrays are
 * allocated as usual. Fresh arrays are zeroed either way.
 */
export class Arena {
  private readonly buffer: ArrayBuffer;
  private used = 0;

  constructor(bytes: number) {
    this.buffer = new ArrayBuffer(Math.max(0, Math.ceil(bytes / 8) * 8));
  }

  int32(length: number): Int32Array {
    const at = this.take(length * 4);
    return at < 0 ? new Int32Array(length) : new Int32Array(this.buffer, at, length);
  }

  float64(length: number): Float64Array {
    const at = this.take(length * 8);
    return at < 0 ? new Float64Array(length) : new Float64Array(this.buffer, at, length);
  }

  uint8(length: number): Uint8Array {
    const at = this.take(length);
    return at < 0 ? new Uint8Array(length) : new Uint8Array(this.buffer, at, length);
  }

  /** The offset of `bytes` more, 8-aligned, or -1 when they do not fit. */
  private take(bytes: number): number {
    const at = this.used;
    if (at + bytes > this.buffer.byteLength) return -1;
    this.used = at + Math.ceil(bytes / 8) * 8;
    return at;
  }
}

/** No arena: every array allocated as usual. */
export const NO_ARENA = new Arena(0);
