// relocate import global of the invalid-* fixtures on better-sqlite3 (import-invalid.suite.ts).
import { importInvalid } from './import-invalid.suite.js';

importInvalid(['better-sqlite3']);
