import { parseFormula, tokenize, FormulaSyntaxError } from "../../src/headless/calc";
import type { FormulaNode } from "../../src/headless/calc";

/** A compact, readable rendering of a syntax tree: operators fully parenthesised. */
function show(node: FormulaNode): string {
  switch (node.type) {
    case "number": return String(node.value);
    case "string": return JSON.stringify(node.value);
    case "boolean": return node.value ? "TRUE" : "FALSE";
    case "error": return node.code;
    case "ref": return node.sheet === undefined ? node.address : `[${node.sheet}]!${node.address}`;
    case "name": return `name:${node.name}`;
    case "structured": return `${node.table}[${node.inner}]`;
    case "unary": return `(${node.op}${show(node.operand)})`;
    case "percent": return `(${show(node.operand)}%)`;
    case "binary": return `(${show(node.left)}${node.op}${show(node.right)})`;
    case "call": return `${node.name}(${node.args.map(show).join(",")})`;
    case "missing": return "_";
  }
}

const parsed = (formula: string) => show(parseFormula(formula));

describe("formula parser", () => {
  it.each([
    ["=1+2*3", "(1+(2*3))"],
    ["=(1+2)*3", "((1+2)*3)"],
    ["=2^3^2", "((2^3)^2)"],
    ["=-2^2", "((-2)^2)"],
    ["=50%*2", "((50%)*2)"],
    ['="a"&1+2', '("a"&(1+2))'],
    ["=1+2>=3", "((1+2)>=3)"],
    ["=A1<>B$2", "(A1<>B$2)"],
    ["=$A$1:$C$3", "$A$1:$C$3"],
    ["=SUM(A:A)", "SUM(A:A)"],
    ["=Dashboard!$Q$5", "[Dashboard]!$Q$5"],
    ["='Risk Register'!A1:B2", "[Risk Register]!A1:B2"],
    ["='It''s'!A1", "[It's]!A1"],
    ['="say ""hi"""', '"say \\"hi\\""'],
    ["=true", "TRUE"],
    ["=#N/A", "#N/A"],
    ["=RiskAppetite*2", "(name:RiskAppetite*2)"],
    ["=IF(A1,,1)", "IF(A1,_,1)"],
    ["=TODAY()", "TODAY()"],
    ["=ISMP.COVERAGE(A1)", "ISMP.COVERAGE(A1)"],
    ["=Risks[[#This Row],[Inherent Score]]", "Risks[[#This Row],[Inherent Score]]"],
    ["=Requirements[[Requirement ID]:[Applicable]]", "Requirements[[Requirement ID]:[Applicable]]"],
    ["=Odd[[Rate '[%']]]", "Odd[[Rate '[%']]]"],
    ["=COUNTIFS(Risks[Status],\"<>Closed\")", 'COUNTIFS(Risks[Status],"<>Closed")'],
  ])("%s parses as %s", (formula, expected) => {
    expect(parsed(formula)).toBe(expected);
  });

  it("tokenizes numbers with exponents and decimals", () => {
    expect(tokenize("=1.5e3+.25")).toEqual([
      { kind: "number", value: 1500 },
      { kind: "operator", op: "+" },
      { kind: "number", value: 0.25 },
    ]);
  });

  it.each(["=1+", "=SUM(1", '="open', "=(1", "=1)"])("rejects %s", (formula) => {
    expect(() => parseFormula(formula)).toThrow(FormulaSyntaxError);
  });
});
