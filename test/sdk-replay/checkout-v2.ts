// Checkout as v2 of its code (the code the real server replayed when it recorded the 570s of the journal-mismatch
// captures): a handler module for `sdk-replay` tests of changed code.
import { codeVersion } from '../restate-service/code-version';

codeVersion.set(2);

export { checkout } from '../restate-service/mismatch-service';
