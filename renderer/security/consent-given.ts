import { createContext } from 'react';

/**
 * Whether the site's consent notice has been acknowledged (or there is none). Dialogs inside the
 * consent gate wait for it, so two dialogs never compete for focus. Alone, as in a component test,
 * consent counts as given.
 */
export const ConsentGiven = createContext(true);
