// Rules for the pure core, shared by eslint.config.js and the test that proves the rule catches violations.
const uiModules = ['react', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*', '@xyflow/*', 'react/*'];

export const pureCoreRules = {
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        { group: uiModules, message: 'The pure core (model, sim, journal-reader) must not import UI libraries.' },
        { group: ['**/ui/**', '**/cli/**'], message: 'Imports point one way: the core never imports ui or cli.' },
      ],
    },
  ],
  'no-restricted-globals': [
    'error',
    ...[
      'window',
      'document',
      'navigator',
      'localStorage',
      'sessionStorage',
      'location',
      'performance',
      'self',
      'globalThis',
    ].map((name) => ({
      name,
      message: `The pure core must not use the DOM/host global '${name}'. Inject what you need.`,
    })),
  ],
  'no-restricted-properties': [
    'error',
    { object: 'Date', property: 'now', message: 'No wall clock in the pure core: use the injected virtual clock.' },
    { object: 'Math', property: 'random', message: 'No Math.random in the pure core: use the seeded RNG.' },
    { object: 'performance', property: 'now', message: 'No wall clock in the pure core.' },
  ],
  'no-restricted-syntax': [
    'error',
    {
      selector: "NewExpression[callee.name='Date'][arguments.length=0]",
      message: 'No wall clock in the pure core: new Date() reads it.',
    },
  ],
};
