/** The product version, shown by the CLI and in the server's initialize result. */
export const VERSION = '0.1.0';
