/**
 * The complaint against an act or an action (inaction) (APC Chapters 13–15), as the table of apc-requirements §4.4.
 * Filing is with the body whose act or action is challenged (91(4)); it either satisfies the complaint fully within
 * 3 working days or forwards it with the case file to the review body within 3 working days; with no superior body
 * the route is the court (91(6)). There is no "refuse to accept" action (92(3), 94(1) -> 64(1)) and no "extend"
 * action (§9 C: the Code has no extension of the review term). Deemed dismissal (100(5)) is recorded by the system.
 *
 * Actors: at the originating body the clerk registers and the official, head or deputy acts for the body; at the
 * review body `reviewer` is whoever holds `complaint.review` there (the head, a deputy, the legal service).
 */
import type { Lifecycle } from './lifecycle.ts';

export const COMPLAINT_STATES = [
  'filed_at_origin',
  'self_remedied',
  'forwarded',
  'court_route',
  'registered_at_review',
  'awaiting_correction',
  'in_review',
  'decided',
  'left_without_consideration',
  'deemed_dismissed',
] as const;
export type ComplaintState = (typeof COMPLAINT_STATES)[number];

/** before the decision: withdrawal (94(1) -> 64(9)) and the suspension exception (96) are possible */
export const COMPLAINT_PRE_DECISION: readonly ComplaintState[] = ['filed_at_origin', 'forwarded', 'registered_at_review', 'awaiting_correction', 'in_review'];

const ORIGIN = ['official', 'head', 'deputy_head'] as const;
const REVIEW = ['reviewer'] as const;

export const COMPLAINT: Lifecycle<ComplaintState> = {
  name: 'complaint',
  states: COMPLAINT_STATES,
  closed: ['self_remedied', 'court_route', 'decided', 'left_without_consideration'],
  transitions: [
    {
      action: 'satisfy',
      from: ['filed_at_origin'],
      to: 'self_remedied',
      actors: ORIGIN,
      citation: 'APC 91(4) ¶3',
      condition: {
        kk: 'Шағым түскен күннен бастап 3 жұмыс күні ішінде шағымның талаптарын толық қанағаттандыратын қолайлы акт қабылданса немесе әрекет жасалса; актісі шағымданған лауазымды адам да әрекет ете алады (97(2)(2))',
        ru: 'Если в течение 3 рабочих дней со дня поступления жалобы принят благоприятный акт или совершено действие, полностью удовлетворяющие жалобу; может действовать и лицо, чей акт обжалуется (97(2)(2))',
        en: 'Within 3 working days of receipt, a favourable act or action that fully satisfies the complaint; the official whose act is challenged may act here (97(2)(2))',
      },
    },
    { action: 'forward', from: ['filed_at_origin'], to: 'forwarded', actors: ORIGIN, citation: 'APC 91(4) ¶2', starts: ['APC-91.4'] },
    {
      action: 'court_route',
      from: ['filed_at_origin'],
      to: 'court_route',
      actors: ORIGIN,
      citation: 'APC 91(6)',
      condition: {
        kk: 'Жоғары тұрған орган немесе лауазымды адам жоқ: акт немесе әрекет сотқа шағымдалады',
        ru: 'Вышестоящего органа или должностного лица нет: акт или действие обжалуются в суд',
        en: 'There is no superior body or official: the act or action is challenged in court',
      },
    },
    { action: 'record_suspension_exception', from: COMPLAINT_PRE_DECISION, to: null, actors: [...ORIGIN, 'reviewer'], citation: 'APC 96' },
    { action: 'register_at_review', from: ['forwarded'], to: 'registered_at_review', actors: ['clerk', 'reviewer'], citation: 'APC 94(1), 94(2)' },
    { action: 'request_correction', from: ['registered_at_review'], to: 'awaiting_correction', actors: REVIEW, citation: 'APC 94(1), 64(6)' },
    { action: 'correction_received', from: ['awaiting_correction'], to: 'registered_at_review', actors: ['reviewer', 'clerk', 'applicant'], citation: 'APC 94(1), 64(6)' },
    { action: 'return', from: ['awaiting_correction'], to: 'left_without_consideration', actors: REVIEW, citation: 'APC 94(1), 64(7), 95(1)(3)', starts: ['APC-95.2'] },
    { action: 'withdraw', from: COMPLAINT_PRE_DECISION, to: 'left_without_consideration', actors: ['applicant', 'clerk'], citation: 'APC 94(1), 64(9), 95(1)(4)', starts: ['APC-95.2'] },
    { action: 'leave_without_consideration', from: ['registered_at_review', 'awaiting_correction', 'in_review'], to: 'left_without_consideration', actors: REVIEW, citation: 'APC 95', starts: ['APC-95.2'] },
    {
      action: 'decide_restoration',
      from: ['registered_at_review', 'in_review'],
      to: null,
      actors: REVIEW,
      citation: 'APC 92(2)',
      condition: {
        kk: 'Дәлелді себептер: науқас, еңсерілмейтін күш және шағым беруге кедергі болған өзге де мән-жайлар',
        ru: 'Уважительные причины: болезнь, непреодолимая сила и иные обстоятельства, препятствовавшие подаче жалобы',
        en: 'Valid reasons: illness, force majeure and other circumstances that prevented filing',
      },
    },
    {
      action: 'start_review',
      from: ['registered_at_review'],
      to: 'in_review',
      actors: REVIEW,
      citation: 'APC 97',
      condition: {
        kk: 'Актісі, әрекеті (әрекетсіздігі) шағымданатын лауазымды адам шағымды қарауға жіберілмейді (алқалы құрамның мүшесі болған жағдайды қоспағанда)',
        ru: 'Должностное лицо, чьи акт, действие (бездействие) обжалуются, не допускается к рассмотрению жалобы (кроме участия в коллегиальном составе)',
        en: 'The official whose act or action is challenged may not review the complaint (except as a member of a collegial body)',
      },
    },
    { action: 'record_hearing', from: ['in_review'], to: null, actors: REVIEW, citation: 'APC 98(3), 73' },
    {
      action: 'decide',
      from: ['in_review', 'deemed_dismissed'],
      to: 'decided',
      actors: REVIEW,
      citation: 'APC 100(1)',
      condition: {
        kk: 'Шағымды қараған кезде өтініш берушінің жағдайын нашарлатуға жол берілмейді (98(6)); 1)–3) шешімдер органның құзыретінде болса ғана (100(2)); бас тарту дәлелді болуы керек (100(4))',
        ru: 'Обращение жалобы во вред заявителю не допускается (98(6)); решения 1)–3) – только в пределах компетенции органа (100(2)); отказ должен быть мотивирован (100(4))',
        en: 'No worsening of the complainant\'s position (98(6)); decisions (1)–(3) only within the review body\'s competence (100(2)); a dismissal is reasoned (100(4))',
      },
    },
    { action: 'send_back', from: ['decided'], to: null, actors: REVIEW, citation: 'APC 100(2) ¶2', starts: ['APC-100.2'] },
  ],
};
