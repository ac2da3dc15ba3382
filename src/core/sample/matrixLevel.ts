import type { MatrixSize } from "../scales";

/** Highest level of the 5-point scale the sample data is authored on. */
export const AUTHORED_SCALE_MAX = 5;

/**
 * Maps a level authored on the 5-point scale onto a matrix of `size` levels, keeping 1 -> 1 and
 * 5 -> size. A level landing exactly half way between two levels goes up or down by
 * `roundUpOnTie`: alternating it between risks is what lets five authored levels reach all six
 * levels of a 6x6 matrix. The mapping is monotonic for a fixed `roundUpOnTie`, so a residual
 * level never overtakes its inherent level by rescaling.
 */
export function toMatrixLevel(authoredLevel: number, size: MatrixSize, roundUpOnTie: boolean): number {
  const scaledSteps = (authoredLevel - 1) * (size - 1);
  const stepsPerLevel = AUTHORED_SCALE_MAX - 1;
  const whole = Math.floor(scaledSteps / stepsPerLevel);
  const remainder = scaledSteps % stepsPerLevel;
  const isTie = remainder * 2 === stepsPerLevel;
  const roundsUp = isTie ? roundUpOnTie : remainder * 2 > stepsPerLevel;
  return 1 + whole + (roundsUp ? 1 : 0);
}
