/**
 * Personal reception (APC 90; Standard Regulation No. 560 p.6) as data. Source: apc-requirements.md §2.16, §4.6,
 * §8 #51; rules-services-requirements.md §3.2 (D-6.1 – D-6.6), AT-35.
 */

/** APC 90(1): heads and their deputies receive at least once a month, per a schedule approved by the head. */
export const RECEPTIONS_PER_MONTH = { min: 1, citation: 'APC 90(1)', term: 'APC-90.1' } as const;

/** The roles that must hold receptions (APC 90(1): "руководители … и их заместители"). */
export const RECEPTION_DUTY_ROLES = ['body_head', 'deputy_head'] as const;

/**
 * Where a reception is held. APC 90(2): at the place of work, on published days and hours. REG p.6(3)–(4):
 * in another settlement (visiting receptions in districts) and by videoconference; a videoconference with the
 * Assistant to the President – head of the Presidential Administration's department needs the person's consent.
 */
export const RECEPTION_FORMATS = {
  office: { citation: 'APC 90(2)', consent: false },
  visiting: { citation: 'REG p.6(3), p.6(4)', consent: false },
  video: { citation: 'REG p.6(4)', consent: false },
  video_pa: { citation: 'REG p.6(3)', consent: true },
} as const;
export type ReceptionFormat = keyof typeof RECEPTION_FORMATS;
export const RECEPTION_FORMAT_IDS = Object.keys(RECEPTION_FORMATS) as [ReceptionFormat, ...ReceptionFormat[]];

export function needsConsent(format: ReceptionFormat): boolean {
  return RECEPTION_FORMATS[format].consent;
}

/**
 * The months (YYYY-MM) from `from` to `to` inclusive in which an official held or scheduled no reception
 * (scenario #51: the compliance report flags each such month).
 */
export function monthsWithoutReception(sessionDays: readonly string[], from: string, to: string): string[] {
  const held = new Set(sessionDays.map((d) => d.slice(0, 7)));
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  while (y < ty || (y === ty && m <= tm)) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    if (!held.has(key)) out.push(key);
    m++;
    if (m === 13) {
      m = 1;
      y++;
    }
  }
  return out;
}
