// The import-cycle check behind `npm run lint` (docs/decisions.md, "Import cycles are a lint error").
// One rule: no module may reach itself through its imports, type-only imports included, across the whole of src.
module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      severity: 'error',
      comment: 'An import cycle: move the shared type or function to the module both sides depend on.',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.d\\.ts$' },
  },
};
