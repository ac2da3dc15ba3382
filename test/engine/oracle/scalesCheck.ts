/** Scales: the Matrix Size setting follows the likelihood scale. */
import { SCALES_SHEET } from "../../../src/core/blueprint/scalesSheet";
import type { SheetCheck } from "./check";

export const scalesCheck: SheetCheck = {
  sheet: SCALES_SHEET,
  expectations: ({ book, scales }) => [
    { cell: book.name("MatrixSize")[0][0], rule: "MatrixSize = highest likelihood level", expected: Math.max(...scales.likelihoodLevels) },
  ],
};
