/**
 * The build's rules in force (dist/rules.json, from content/rules and content/exams): what the eligibility checker and the pay estimator
 * judge by.
 */
import type { CheckerRules } from '../../src/lib/eligibility-form';
import { builtJson } from './built-json';

/** The rules with the joint exams' calendars (each route's reference date comes from them). */
export const loadRules = builtJson<CheckerRules>('rules.json');
