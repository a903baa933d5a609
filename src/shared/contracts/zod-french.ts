import { z } from 'zod';

/**
 * French wording for Zod's built-in checks, installed once for server and browser. A message given
 * in a schema takes precedence over this global one, so contracts keep their precise wording.
 */
z.config({
  customError: (issue) => {
    switch (issue.code) {
      case 'invalid_type':
        return issue.input === undefined || issue.input === null
          ? 'Ce champ est obligatoire.'
          : 'Valeur invalide.';
      case 'too_small':
        if (issue.origin === 'string')
          return issue.minimum === 1 ? 'Ce champ est obligatoire.' : `Au moins ${issue.minimum} caractères.`;
        if (issue.origin === 'array') return `Au moins ${issue.minimum} élément(s).`;
        return `Valeur trop petite (minimum ${issue.minimum}).`;
      case 'too_big':
        if (issue.origin === 'string') return `Au plus ${issue.maximum} caractères.`;
        if (issue.origin === 'array') return `Au plus ${issue.maximum} élément(s).`;
        return `Valeur trop grande (maximum ${issue.maximum}).`;
      case 'invalid_format':
        return issue.format === 'email' ? 'Adresse e-mail invalide.' : 'Format invalide.';
      case 'invalid_value':
        return 'Valeur non autorisée.';
      case 'unrecognized_keys':
        return 'Champ inconnu.';
      case 'not_multiple_of':
        return 'Valeur invalide.';
      default:
        return undefined;
    }
  },
});
