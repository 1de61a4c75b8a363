/**
 * Kinds of administrative bodies and external parties. Rules No. 111 p.1 part 2 lists its subjects: "central
 * executive bodies and their departments, as well as local executive bodies of regions, cities of republican
 * significance and the capital, districts (towns of regional significance)"; exactly those have
 * `rules111: true`. A department (ведомство) of a central executive body is a body of its own (a committee),
 * not a structural subdivision (rules-services-requirements §0.3, D-05). The Law on State Services adds
 * akims of districts in cities, towns of district significance, settlements, villages and rural districts
 * (Art. 1(4)), outside the Rules.
 */

export const BODY_TYPES = {
  central_executive_body: { rules111: true, external: false },
  ceb_department: { rules111: true, external: false },
  leb_region: { rules111: true, external: false },
  leb_city_republican: { rules111: true, external: false },
  leb_capital: { rules111: true, external: false },
  /** the apparatus of the akim serves the akim and the akimat (Standard Regulation No. 560 p.1) */
  akim_apparatus: { rules111: false, external: false, servesParent: true },
  leb_district: { rules111: true, external: false },
  leb_town_regional: { rules111: true, external: false },
  akim_city_district: { rules111: false, external: false },
  akim_town_district: { rules111: false, external: false },
  rural_akim: { rules111: false, external: false },
  state_corporation: { rules111: false, external: false },
  court: { rules111: false, external: true },
} as const satisfies Record<string, { rules111: boolean; external: boolean; servesParent?: boolean }>;

export type BodyType = keyof typeof BODY_TYPES;
export const BODY_TYPE_IDS = Object.keys(BODY_TYPES) as BodyType[];

export function isSubjectToRules111(type: BodyType): boolean {
  return BODY_TYPES[type].rules111;
}

/**
 * The body whose subordinates an official of `type` oversees: an apparatus oversees what its akimat does (the
 * appeals-monitoring department sits in the apparatus and monitors district and rural akimats, Regulation p.5(9)).
 */
export function servesParent(type: BodyType): boolean {
  return 'servesParent' in BODY_TYPES[type];
}

/** Structural subdivisions by function: the ones the access policy and routing care about, and any other. */
export const SUBDIVISION_KINDS = ['management', 'registry', 'legal_service', 'knowledge_base', 'appeals_monitoring', 'department', 'division', 'sector', 'other'] as const;
export type SubdivisionKind = (typeof SUBDIVISION_KINDS)[number];

export const TERRITORY_KINDS = ['region', 'city_republican', 'capital', 'district', 'city_district', 'town_regional'] as const;
export type TerritoryKind = (typeof TERRITORY_KINDS)[number];
