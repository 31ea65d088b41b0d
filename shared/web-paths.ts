/** The web host's routes, named once for the host that serves them and the page that asks. */

/** The contract, over a WebSocket, with the token. */
export const CONTRACT_PATH = '/contract';
/** Finished exports, by name, with the token. */
export const EXPORTS_PATH = '/exports/';
/** A remote browser's passphrase login; asked with a token, whether that token is still good. */
export const LOGIN_PATH = '/login';
/** The site's marking and consent notice, which a page shows before anyone logs in. */
export const MARKINGS_PATH = '/markings';
