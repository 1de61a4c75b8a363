/**
 * A complaint about the quality of a public service (LSS Art. 25). It is registered at the body it is addressed to
 * (the provider, the State Corporation, or the authorised body for quality assessment) and the term of 25(2) runs
 * from registration; the body may extend it once or more, within 10 working days in total, on the two grounds of
 * 25(4), and tells the complainant within 3 working days; it decides (satisfied, or refused with reasons) and tells
 * the complainant (5(2)(7)). A complaint that is in truth against an administrative act goes the APC way (25(1):
 * "in accordance with the legislation"; APC 91): it is filed as an APC complaint and this one closes, saying so.
 * Overdue is not a state: a registered complaint whose due date has passed is listed as overdue.
 *
 * Actors at the receiving body: the clerk registers paper complaints; `official` is the civil servant authorised
 * to consider complaints (25(4) ¶2); the head or a deputy extends the term (as in terms.ts, 'LSS-25.2').
 */
import type { Lifecycle } from './lifecycle.ts';

export const SERVICE_COMPLAINT_STATES = ['registered', 'decided', 'routed_to_apc', 'withdrawn'] as const;
export type ServiceComplaintState = (typeof SERVICE_COMPLAINT_STATES)[number];

const CONSIDER = ['official', 'head', 'deputy_head'] as const;

export const SERVICE_COMPLAINT: Lifecycle<ServiceComplaintState> = {
  name: 'service_complaint',
  states: SERVICE_COMPLAINT_STATES,
  closed: ['decided', 'routed_to_apc', 'withdrawn'],
  transitions: [
    {
      action: 'extend',
      from: ['registered'],
      to: null,
      actors: ['head', 'deputy_head'],
      citation: 'LSS 25(4)',
      starts: ['LSS-25.4'],
      condition: {
        kk: 'Қосымша зерделеу, тексеру немесе қосымша ақпарат алу қажет болса, барлығы он жұмыс күнінен аспайды; Мемлекеттік корпорация мен мемлекеттік емес қызмет беруші 25(4)-тармақта аталмаған (A-05)',
        ru: 'При необходимости дополнительного изучения, проверки или получения информации, всего не более десяти рабочих дней; Госкорпорация и негосударственный услугодатель в пункте 25(4) не названы (A-05)',
        en: 'For further study, verification or information, at most ten working days in all; the State Corporation and a non-state provider are not named in 25(4) (A-05)',
      },
    },
    { action: 'decide', from: ['registered'], to: 'decided', actors: CONSIDER, citation: 'LSS 25(2), 5(2)(7)' },
    {
      action: 'route_to_apc',
      from: ['registered'],
      to: 'routed_to_apc',
      actors: CONSIDER,
      citation: 'LSS 25(1); APC 91(1), 91(4)',
      condition: {
        kk: 'Шағым мемлекеттік қызметтің сапасына емес, әкімшілік актіге қарсы: ол ӘРПК бойынша актіні қабылдаған органға шағым ретінде беріледі',
        ru: 'Жалоба направлена не на качество услуги, а против административного акта: она подаётся как жалоба по АППК в орган, принявший акт',
        en: 'The complaint is not about the quality of the service but against an administrative act: it is filed as an APC complaint with the body that adopted the act',
      },
    },
    { action: 'withdraw', from: ['registered'], to: 'withdrawn', actors: ['applicant', 'clerk'], citation: 'LSS 25(1); APC 64(9)' },
  ],
};
