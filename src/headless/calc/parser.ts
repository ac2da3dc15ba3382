/** Precedence-climbing (Pratt) parser from tokens to a formula syntax tree. */
import { FormulaSyntaxError, type Token, tokenize } from "./tokenizer";
import type { ErrorCode } from "./values";

export type FormulaNode =
  | { type: "number"; value: number }
  | { type: "string"; value: string }
  | { type: "boolean"; value: boolean }
  | { type: "error"; code: ErrorCode }
  | { type: "ref"; sheet?: string; address: string }
  | { type: "name"; name: string }
  | { type: "structured"; table: string; inner: string }
  | { type: "unary"; op: "-" | "+"; operand: FormulaNode }
  | { type: "percent"; operand: FormulaNode }
  | { type: "binary"; op: string; left: FormulaNode; right: FormulaNode }
  | { type: "call"; name: string; args: FormulaNode[] }
  /** An omitted argument, as in IF(x,,1). */
  | { type: "missing" };

/** Binding power of binary operators; Excel evaluates ^ left to right. */
const INFIX_POWER: Record<string, number> = {
  "=": 10, "<>": 10, "<": 10, ">": 10, "<=": 10, ">=": 10,
  "&": 20,
  "+": 30, "-": 30,
  "*": 40, "/": 40,
  "^": 50,
  ":": 80,
};
const PERCENT_POWER = 60;
/** Negation binds tighter than ^ in Excel: -2^2 is 4. */
const PREFIX_POWER = 70;

export function parseFormula(formula: string): FormulaNode {
  const parser = new Parser(tokenize(formula));
  const node = parser.expression(0);
  parser.expectEnd();
  return node;
}

class Parser {
  private at = 0;

  constructor(private readonly tokens: Token[]) {}

  expression(minPower: number): FormulaNode {
    let left = this.prefix();
    for (;;) {
      const token = this.tokens[this.at];
      if (token?.kind !== "operator") return left;
      if (token.op === "%") {
        if (PERCENT_POWER < minPower) return left;
        this.at++;
        left = { type: "percent", operand: left };
        continue;
      }
      const power = INFIX_POWER[token.op];
      if (power === undefined || power <= minPower) return left;
      this.at++;
      left = { type: "binary", op: token.op, left, right: this.expression(power) };
    }
  }

  expectEnd(): void {
    if (this.at < this.tokens.length) throw new FormulaSyntaxError(`Unexpected ${this.tokens[this.at].kind}`);
  }

  private next(): Token {
    const token = this.tokens[this.at++];
    if (!token) throw new FormulaSyntaxError("Unexpected end of formula");
    return token;
  }

  private prefix(): FormulaNode {
    const token = this.next();
    switch (token.kind) {
      case "number":
      case "string":
      case "boolean":
        return { type: token.kind, value: token.value } as FormulaNode;
      case "error":
        return { type: "error", code: token.code };
      case "ref":
        return { type: "ref", sheet: token.sheet, address: token.address };
      case "name":
        return { type: "name", name: token.name };
      case "structured":
        return { type: "structured", table: token.table, inner: token.inner };
      case "function":
        return { type: "call", name: token.name, args: this.arguments() };
      case "(": {
        const inner = this.expression(0);
        if (this.next().kind !== ")") throw new FormulaSyntaxError("Expected )");
        return inner;
      }
      case "operator":
        if (token.op === "-" || token.op === "+") return { type: "unary", op: token.op, operand: this.expression(PREFIX_POWER) };
        throw new FormulaSyntaxError(`Unexpected operator ${token.op}`);
      default:
        throw new FormulaSyntaxError(`Unexpected ${token.kind}`);
    }
  }

  private arguments(): FormulaNode[] {
    if (this.next().kind !== "(") throw new FormulaSyntaxError("Expected (");
    const args: FormulaNode[] = [];
    if (this.tokens[this.at]?.kind === ")") {
      this.at++;
      return args;
    }
    for (;;) {
      const kind = this.tokens[this.at]?.kind;
      args.push(kind === "," || kind === ")" ? { type: "missing" } : this.expression(0));
      const separator = this.next();
      if (separator.kind === ")") return args;
      if (separator.kind !== ",") throw new FormulaSyntaxError("Expected , or )");
    }
  }
}
