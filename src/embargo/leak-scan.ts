/**
 * The leak scan: after everything is written, read every output byte (decompressing and
 * decoding what a client would) and look for the secret parts of every advisory that is not
 * yet public. One module per concern under leak-scan/:
 *   - secrets.ts: the secrets, derived from each advisory's parsed file;
 *   - values.ts: the forms each value is printed in (dates, commits);
 *   - distinctive.ts: which values are evidence and which are common (docs/embargo.md);
 *   - decode.ts, words.ts: what a browser or reader decodes, and the words compared;
 *   - matcher.ts: many secrets found in one pass;
 *   - scan.ts: the output folder read and scanned.
 */
export { collectSecrets, type SecretSource } from './leak-scan/secrets.ts';
export { SecretIndex, secretMatcher, type Secret } from './leak-scan/matcher.ts';
export { normalize, words } from './leak-scan/words.ts';
export { decodeBytes, decodeText, UnreadableOutput } from './leak-scan/decode.ts';
export { ENGINE_FILES, LeakScanner, listFiles, readOutput, scanForLeaks, sortLeaks, type Leak } from './leak-scan/scan.ts';
