/* eslint-disable no-undef */
/**
 * The local demo page (src/demo): the real task pane beside a live in-browser workbook, no Office,
 * no network. Output in dist-demo/.
 *
 *   webpack --config webpack.demo.config.js            build dist-demo/
 *   webpack serve --config webpack.demo.config.js      serve it on http://127.0.0.1:3100/
 */
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { DeferFluentOverlays, typescriptRule } = require("./webpack.config");

module.exports = (env = {}, options = {}) => ({
  mode: options.mode || "production",
  devtool: "source-map",
  entry: { demo: "./src/demo/index.tsx" },
  output: {
    path: path.resolve(__dirname, "dist-demo"),
    filename: "[name].js",
    clean: true,
  },
  resolve: {
    extensions: [".ts", ".tsx", ".js", ".json"],
  },
  module: {
    rules: [typescriptRule],
  },
  performance: { hints: false },
  // The task pane as it ships: its overlays load after the first paint.
  plugins: [new DeferFluentOverlays(), new HtmlWebpackPlugin({ filename: "index.html", template: "./src/demo/index.html" })],
  devServer: {
    host: "127.0.0.1",
    port: Number(process.env.ISMP_DEMO_PORT) || 3100,
    static: false,
    open: false,
    client: { overlay: { warnings: false } },
  },
});
