// Builds the browser code: the widgets bundle, the SDK's script-tag IIFE (minified, size-budgeted) and the
// SDK's ESM build for bundlers.
import replace from '@rollup/plugin-replace';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import resolve from '@rollup/plugin-node-resolve';
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

const plugins = () => [
  replace({ preventAssignment: true, values: { __VERSION__: JSON.stringify(version) } }),
  typescript({ tsconfig: 'sdk/tsconfig.json', compilerOptions: { declaration: false, declarationDir: undefined, emitDeclarationOnly: false, noEmit: false } }),
];

const minify = terser({
  ecma: 2020,
  compress: { passes: 3, unsafe_arrows: true, pure_getters: true },
  // Private members end in no special marker, so only locals are mangled; properties keep their names.
  format: { comments: false },
});

const localeChunks = ['fi', 'sv', 'pl', 'zh'].map((code) => ({
  input: `widgets/src/locales/${code}.ts`,
  output: { file: `dist/widgets/locale-${code}.js`, format: 'iife', plugins: [minify] },
  plugins: [typescript({ tsconfig: 'widgets/tsconfig.json', compilerOptions: { declaration: false, noEmit: false } })],
}));

export default [
  {
    // The dashboard page (Preact + uPlot), served at /dashboard.
    input: 'server/dashboard/src/app.tsx',
    output: { file: 'dist/dashboard/dashboard.js', format: 'iife', plugins: [minify] },
    plugins: [resolve({ browser: true }), typescript({ tsconfig: 'server/dashboard/tsconfig.json', compilerOptions: { declaration: false, noEmit: false } })],
  },
  ...localeChunks,
  {
    // The widgets: loaded by the core only when a survey or cancel flow is due. Preact is bundled in.
    input: 'widgets/src/index.tsx',
    output: { file: 'dist/widgets/widgets.js', format: 'iife', plugins: [minify] },
    plugins: [
      resolve({ browser: true }),
      typescript({ tsconfig: 'widgets/tsconfig.json', compilerOptions: { declaration: false, noEmit: false } }),
    ],
  },
  {
    input: 'sdk/src/iife.ts',
    output: { file: 'dist/sdk/holdfast.js', format: 'iife', plugins: [minify] },
    plugins: plugins(),
  },
  {
    input: 'sdk/src/index.ts',
    output: { file: 'dist/sdk/holdfast.esm.js', format: 'es' },
    plugins: plugins(),
  },
];
