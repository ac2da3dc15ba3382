/** One problem Check found, pointing at its cell. */
export interface CheckProblem {
  code: string;
  severity: "error" | "warning";
  sheet: string;
  address: string;
  message: string;
}
