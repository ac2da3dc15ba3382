/**
 * Seeded random draws for the loss simulation: pure-rand's xoroshiro128+ (the same sequence on every
 * machine and in every JavaScript engine) with uniform, normal and Poisson variates on top.
 */
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import type { JumpableRandomGenerator } from "pure-rand/types/JumpableRandomGenerator";

/** Below this mean Poisson draws invert the CDF (one uniform); above it they use PTRS rejection. */
const INVERSION_LIMIT = 10;
/** Guards the inversion against a uniform so close to 1 that the running CDF never passes it. */
const INVERSION_MAX_STEPS = 1000;
const TWO_TO_MINUS_32 = 2 ** -32;
// Module-level copies: hot loops then avoid global lookups, which are slow in sandboxed contexts (jest's vm).
const { abs, exp, floor, log, sqrt } = Math;

export class RandomStream {
  private spareNormal = 0;
  private hasSpare = false;

  constructor(private readonly generator: JumpableRandomGenerator) {}

  /** Uniform on [0, 1), 53 random bits. */
  uniform(): number {
    return uniformFloat64(this.generator);
  }

  /** Uniform on [0, 1) from one 32-bit draw: for choosing among at most a few thousand items (years of a block). */
  uniform32(): number {
    return (this.generator.next() >>> 0) * TWO_TO_MINUS_32;
  }

  /**
   * Standard normal by Marsaglia's polar method (no sine or cosine); the second value of each pair is
   * kept for the next call.
   */
  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spareNormal;
    }
    let x: number;
    let y: number;
    let s: number;
    do {
      x = 2 * this.uniform32() - 1;
      y = 2 * this.uniform32() - 1;
      s = x * x + y * y;
    } while (s >= 1 || s === 0);
    const scale = sqrt((-2 * log(s)) / s);
    this.spareNormal = y * scale;
    this.hasSpare = true;
    return x * scale;
  }

  /** Poisson with the given mean ≥ 0. */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    return mean < INVERSION_LIMIT ? this.poissonByInversion(mean) : this.poissonPtrs(mean);
  }

  private poissonByInversion(mean: number): number {
    const u = this.uniform();
    let probability = exp(-mean);
    let cumulative = probability;
    let k = 0;
    while (u > cumulative && k < INVERSION_MAX_STEPS) {
      k++;
      probability *= mean / k;
      cumulative += probability;
    }
    return k;
  }

  /** Hörmann's transformed rejection with squeeze (PTRS, 1993), valid for mean ≥ 10. */
  private poissonPtrs(mean: number): number {
    const logMean = log(mean);
    const b = 0.931 + 2.53 * sqrt(mean);
    const a = -0.059 + 0.02483 * b;
    const inverseAlpha = 1.1239 + 1.1328 / (b - 3.4);
    const vr = 0.9277 - 3.6224 / (b - 2);
    for (;;) {
      const u = this.uniform() - 0.5;
      const v = this.uniform();
      const us = 0.5 - abs(u);
      const k = floor(((2 * a) / us + b) * u + mean + 0.43);
      if (us >= 0.07 && v <= vr) return k;
      if (k < 0 || (us < 0.013 && v > us)) continue;
      if (log(v) + log(inverseAlpha) - log(a / (us * us) + b) <= -mean + k * logMean - logFactorial(k)) return k;
    }
  }
}

const SMALL_LOG_FACTORIALS: number[] = (() => {
  const table = [0];
  for (let k = 1; k < 30; k++) table.push(table[k - 1] + log(k));
  return table;
})();

/** ln(k!): a table below 30, Stirling's series above (error below 1e-12 there). */
export function logFactorial(k: number): number {
  if (k < SMALL_LOG_FACTORIALS.length) return SMALL_LOG_FACTORIALS[k];
  const n = k + 1;
  return (n - 0.5) * log(n) - n + 0.5 * log(2 * Math.PI) + 1 / (12 * n) - 1 / (360 * n * n * n);
}

/**
 * Independent streams from one seed: stream i is the seeded generator jumped i times (2^64 draws
 * apart), so each risk draws the same numbers whatever the other risks are.
 */
export function seededStreams(seed: number, count: number): RandomStream[] {
  const generator = xoroshiro128plus(seed | 0);
  const streams: RandomStream[] = [];
  for (let i = 0; i < count; i++) {
    streams.push(new RandomStream(generator.clone()));
    generator.jump();
  }
  return streams;
}
