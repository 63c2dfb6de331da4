// SDK 1.17 calls Promise.withResolvers (ES2024), which Node 20 lacks. This module must be evaluated before the SDK
// loads: main.ts imports it first and loads the SDK afterwards with a dynamic import. The polyfill itself is the one
// sdk-replay uses (src/sdk-host/polyfill.ts).
import '../../src/sdk-host/polyfill';

export {};
