import { GENERIC_HINTS, type HintVocabulary } from '../../flow/step/hints.ts';

/** Lerian Identity's words in hints: its users, and the codes its 401 uses for a refused token. */
export const lerianHints: HintVocabulary = {
  ...GENERIC_HINTS,
  resources: { users: 'user' },
  tokenRefusal: 'Lerian IDE-0009 or AUT-0007',
};
