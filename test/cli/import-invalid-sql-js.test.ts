// relocate import global of the invalid-* fixtures on sql.js (import-invalid.suite.ts).
import { importInvalid } from './import-invalid.suite.js';

importInvalid(['sql.js']);
