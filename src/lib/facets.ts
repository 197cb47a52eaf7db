/** The pre-built listing pages of the openings: one per value of each facet, so filters work without JavaScript. */
import { employmentTypes, hiringTypes, jobFamilies, keyOf, labels } from './taxonomy';

export const facets = {
  type: { field: 'hiringType', vocab: hiringTypes },
  family: { field: 'jobFamily', vocab: jobFamilies },
  employment: { field: 'employmentType', vocab: employmentTypes },
} as const;

export type FacetName = keyof typeof facets;
export type FacetField = (typeof facets)[FacetName]['field'];

export interface FacetValue {
  facet: FacetName;
  key: string;
  label: string;
  href: string;
}

/** Every value of every facet, in vocabulary order. */
export function facetValues(): FacetValue[] {
  return (Object.keys(facets) as FacetName[]).flatMap((facet) =>
    labels(facets[facet].vocab).map((label) => {
      const key = keyOf(facets[facet].vocab, label);
      return { facet, key, label, href: `/jobs/${facet}/${key}/` };
    }),
  );
}

/**
 * The values at least one of `jobs` has, with how many: the facet links of the listings, and the facet pages built.
 * A page for a family nobody can apply to would be an empty list that no link leads to.
 */
export function facetValuesOf(jobs: { data: Record<FacetField, string> }[]): (FacetValue & { count: number })[] {
  return facetValues()
    .map((v) => ({ ...v, count: jobs.filter((j) => j.data[facets[v.facet].field] === v.label).length }))
    .filter((v) => v.count > 0);
}
