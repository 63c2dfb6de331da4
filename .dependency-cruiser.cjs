// The import-cycle check behind `npm run lint` (docs/decisions.md, "Import cycles are a lint error").
// No module may reach itself through its imports, type-only imports included, across the whole of src; and
// src/restate-admin, shared by the app and the CLI, imports neither of them (src/ui and src/cli import it).
module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      severity: 'error',
      comment: 'An import cycle: move the shared type or function to the module both sides depend on.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'restate-admin-below-ui-and-cli',
      severity: 'error',
      comment: 'src/restate-admin is shared by the app (src/ui) and the CLI (src/cli): it may import neither.',
      from: { path: '^src/restate-admin/' },
      to: { path: '^src/(ui|cli)/' },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.d\\.ts$' },
  },
};
