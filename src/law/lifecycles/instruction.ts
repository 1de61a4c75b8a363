/**
 * An instruction under control (APC 37–38, 44, 46; REG p.9), as apc-requirements §4.7: registered and assigned to
 * executors (the first named coordinates), reminded before the due date, extended only by the one who gave it on
 * the executor's written request, reported on, and taken off control by the giver or an authorised official.
 */
import type { Lifecycle } from './lifecycle.ts';

export const INSTRUCTION_STATES = ['assigned', 'extension_requested', 'executed', 'control_closed'] as const;
export type InstructionState = (typeof INSTRUCTION_STATES)[number];

const OPEN: readonly InstructionState[] = ['assigned', 'extension_requested'];

export const INSTRUCTION: Lifecycle<InstructionState> = {
  name: 'instruction',
  states: INSTRUCTION_STATES,
  closed: ['control_closed'],
  transitions: [
    // 37(3): terms and executors set and communicated at once; 44(2) competence; 46(3) the first named coordinates
    { action: 'create', from: [], to: 'assigned', actors: ['controller', 'head', 'deputy_head', 'instruction_giver'], citation: 'APC 37(3), 46(3); REG p.9', starts: ['APC-37.3'] },
    { action: 'remind', from: OPEN, to: null, actors: ['system', 'controller'], citation: 'APC 38(6), 46(4)' },
    { action: 'request_extension', from: ['assigned'], to: 'extension_requested', actors: ['executor'], citation: 'APC 46(5)' },
    {
      action: 'extend',
      from: ['assigned', 'extension_requested'],
      to: 'assigned',
      actors: ['instruction_giver', 'controller'],
      citation: 'APC 46(5), 38(5)',
      starts: ['APC-46.5'],
      condition: {
        kk: 'Қосымша мерзімді тапсырма берген басшы ғана белгілейді; сыртқы органның тапсырмасы бойынша бақылаушы сол органның шешімін ғана тіркейді',
        ru: 'Дополнительный срок устанавливает только руководитель, давший поручение; по поручению внешнего органа контролёр лишь фиксирует решение этого органа',
        en: 'Only the head who gave the instruction sets an additional period; for an outside giver the controller only records that giver’s decision',
      },
    },
    { action: 'refuse_extension', from: ['extension_requested'], to: 'assigned', actors: ['instruction_giver', 'controller'], citation: 'APC 46(5)' },
    { action: 'contribute', from: OPEN, to: null, actors: ['executor'], citation: 'APC 46(3)' },
    { action: 'report', from: OPEN, to: 'executed', actors: ['executor'], citation: 'APC 46(3); REG p.9' },
    { action: 'return_for_rework', from: ['executed'], to: 'assigned', actors: ['instruction_giver', 'controller'], citation: 'APC 38(3); REG p.5(5), p.9(1)' },
    { action: 'close_control', from: ['executed'], to: 'control_closed', actors: ['instruction_giver', 'controller'], citation: 'APC 46(6), 38(5)' },
    { action: 'overdue', from: OPEN, to: null, actors: ['system'], citation: 'REG p.9(1), p.9(2)' },
  ],
};
