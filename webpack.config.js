/* eslint-disable no-undef */
/**
 * Builds the add-in into dist/: one shared-runtime page (taskpane.html) that loads the task pane,
 * the ribbon commands and the custom functions; functions.js + functions.json for the
 * CustomFunctions extension point; the icons; the manifest.
 *
 *   npm run build                       production: manifest URLs point at the production host
 *   npm run build:dev / dev-server      development: https://localhost:3000/
 *   webpack --env officeJs=local        bundle office.js from @microsoft/office-js instead of the CDN
 *                                       (offline tests and the demo page; never for the Office Store)
 */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const webpack = require("webpack");

const urlDev = "https://localhost:3000/";
/** The one production setting: every https://localhost:3000/ in the manifest becomes this. */
const urlProd = withTrailingSlash(process.env.ISMP_PROD_URL || "https://ismp-addin.example.com/");

/** The Office Store requires office.js from Microsoft's CDN. */
const officeJsCdnUrl = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const officeJsPackageDir = path.dirname(require.resolve("@microsoft/office-js/dist/office.js"));
/** office.js fetches its strings and telemetry helper relative to its own URL outside Office too. */
const officeJsLocalFiles = ["office.js", "o15apptofilemappingtable.js", "en-us/office_strings.js", "telemetry/oteljs_agave.js"];

/**
 * functions.js and commands.js load with the pane's page; they must never pull in React or Fluent UI
 * (with them functions.js would pass 500 KiB). Most of functions.js is the catalogs and the control
 * library (about 170 KiB minified, 47 KB gzip): `npm run build` fails past this limit. The gzip
 * budget is the bench's (bench/bundle.ts).
 */
const smallBundleLimitBytes = 256 * 1024;

function withTrailingSlash(url) {
  return url.endsWith("/") ? url : `${url}/`;
}

/** URLs first, then bare origins (AppDomain entries carry no path). */
function rewriteDevUrls(content) {
  const devOrigin = new URL(urlDev).origin;
  const prodOrigin = new URL(urlProd).origin;
  return content.toString().split(urlDev).join(urlProd).split(devOrigin).join(prodOrigin);
}

async function httpsServerOptions() {
  // Loaded lazily: `webpack --mode production` must not need the developer certificates.
  const devCerts = require("office-addin-dev-certs");
  const { ca, key, cert } = await devCerts.getHttpsServerOptions();
  return { ca, key, cert };
}

/**
 * Fluent UI imports its overlays statically where they render only once opened: every button imports
 * ContextualMenu, Dropdown imports Panel, Callout imports CalloutContent. These three imports, and
 * only these (matched by the importing file), go to src/taskpane/deferredOverlays.tsx, which loads
 * the real components from the "fluent-overlays" chunk, so the Fluent chunk the views wait for
 * does not carry them (issue #10). The build fails when a bundled importer no longer has its import redirected
 * (a Fluent upgrade renamed it), so the deferral cannot stop silently.
 */
class DeferFluentOverlays {
  static STUB = path.resolve(__dirname, "src/taskpane/deferredOverlays.tsx");
  static IMPORTS = [
    { issuer: "components/Button/BaseButton.js", request: "../../ContextualMenu" },
    { issuer: "components/Dropdown/Dropdown.base.js", request: "../../Panel" },
    { issuer: "components/Callout/Callout.js", request: "./CalloutContent" },
  ];

  apply(compiler) {
    const fluentLib = path.join(path.dirname(require.resolve("@fluentui/react/package.json")), "lib");
    const imports = DeferFluentOverlays.IMPORTS.map((entry) => ({ ...entry, issuer: path.join(fluentLib, entry.issuer) }));
    compiler.hooks.normalModuleFactory.tap("DeferFluentOverlays", (factory) => {
      factory.hooks.beforeResolve.tap("DeferFluentOverlays", (resolveData) => {
        if (imports.some((entry) => entry.issuer === resolveData.contextInfo.issuer && entry.request === resolveData.request)) {
          resolveData.request = DeferFluentOverlays.STUB;
        }
      });
    });
    compiler.hooks.thisCompilation.tap("DeferFluentOverlays", (compilation) => {
      compilation.hooks.finishModules.tap("DeferFluentOverlays", (modules) => {
        const byResource = new Map([...modules].filter((module) => module.resource).map((module) => [module.resource, module]));
        const missed = imports.filter(({ issuer, request }) => {
          const importer = byResource.get(issuer);
          if (!importer) return false; // this build does not bundle that component
          const dependency = importer.dependencies.find((d) => d.request === request);
          return compilation.moduleGraph.getModule(dependency)?.resource !== DeferFluentOverlays.STUB;
        });
        if (missed.length > 0) {
          const list = missed.map((m) => `${m.request} from ${path.relative(fluentLib, m.issuer)}`).join("; ");
          compilation.errors.push(new webpack.WebpackError(`DeferFluentOverlays: these imports no longer reach the stub (did Fluent UI move them?): ${list}`));
        }
      });
    });
  }
}

/** TypeScript through ts-loader; type checking is `npm run lint`, the bundle only needs transpiling. */
const typescriptRule = {
  test: /\.tsx?$/,
  exclude: /node_modules/,
  use: {
    loader: "ts-loader",
    options: { transpileOnly: true, compilerOptions: { noEmit: false, sourceMap: true } },
  },
};

module.exports = async (env = {}, options = {}) => {
  const dev = options.mode === "development";
  const localOfficeJs = env.officeJs === "local";
  const serving = Boolean(env.WEBPACK_SERVE);

  return {
    devtool: "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      functions: "./src/functions/functions.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".json"],
    },
    module: {
      rules: [typescriptRule],
    },
    // No cross-entry splitChunks: each entry stays self-contained, so React lives in taskpane.js
    // (Fluent UI in the pane's later chunks) and functions.js can be loaded by the custom functions
    // runtime on its own.
    performance: {
      // Development bundles are unminified; the limit is for what ships.
      hints: dev ? false : "error",
      maxAssetSize: smallBundleLimitBytes,
      maxEntrypointSize: smallBundleLimitBytes,
      assetFilter: (assetName) => assetName === "functions.js" || assetName === "commands.js",
    },
    plugins: [
      new DeferFluentOverlays(),
      new CustomFunctionsMetadataPlugin({
        input: "./src/functions/functions.ts",
        output: "functions.json",
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane", "commands", "functions"],
        templateParameters: { officeJsUrl: localOfficeJs ? "office.js" : officeJsCdnUrl },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          // SupportUrl and the Get Started "Learn more" link of the manifest open this page.
          { from: "src/support/support.html", to: "support.html", transform: (content) => (dev ? content : rewriteDevUrls(content)) },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform: (content) => (dev ? content : rewriteDevUrls(content)),
          },
          ...(localOfficeJs
            ? officeJsLocalFiles.map((file) => ({ from: path.join(officeJsPackageDir, file), to: file }))
            : []),
        ],
      }),
    ],
    devServer: {
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: serving ? await httpsServerOptions() : {} },
      port: Number(process.env.npm_package_config_dev_server_port) || 3000,
    },
  };
};

/** Shared with webpack.demo.config.js. */
module.exports.typescriptRule = typescriptRule;
module.exports.DeferFluentOverlays = DeferFluentOverlays;
