// Every service the real-server tests deploy, as one handler module for `replay-inspector sdk-replay` (the code that
// wrote the captures in test/fixtures/restate-1.7.12). Checkout runs v1 unless code-version says otherwise.
export { worker, lab } from './services';
export { extras, counter, approval } from './more-services';
export { checkout } from './mismatch-service';
export { live } from './live-service';
