/**
 * The build's rules in force (dist/rules.json, from content/rules): what the eligibility checker and the pay estimator
 * judge by.
 */
import type { Rules } from '../../src/schemas/rules';
import { builtJson } from './built-json';

export const loadRules = builtJson<Rules>('rules.json');
