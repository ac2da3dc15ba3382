/** Unit, headless-host, engine (LibreOffice) and browser (Chromium) suites all run under `npm test`. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { isolatedModules: true, tsconfig: { jsx: "react-jsx", module: "commonjs", esModuleInterop: true, resolveJsonModule: true } }],
  },
  testTimeout: 120000,
};
