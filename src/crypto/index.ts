export { encodeBase64, decodeBase64, Base64Error } from './base64url.js';
export { fernetEncrypt, fernetDecrypt, generateFernetKey, InvalidTokenError } from './fernet.js';
export type { FernetParts } from './fernet.js';
export { generateKeyPair, importPrivateKey, importPublicKey, publicPemOf, toPem, KeyFormatError, DecryptionError } from './rsa-keys.js';
export { createEncryptedExport, decryptEncryptedExport, readEncryptedExport, InvalidTarballError } from './encrypted-export.js';
export { verifyTarHeaders, headerChecksums } from './tar-headers.js';
export { gunzip, gunzipHead } from './gzip.js';
export { ENCRYPTED_TARBALL, SNIFF_BYTES, identifyFile, isGzip, isTar, sniffFileKind } from './file-kind.js';
export type { FileKind } from './file-kind.js';
