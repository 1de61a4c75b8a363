/**
 * Control of execution of instructions (APC 37–38, 44, 46; Standard Regulation No. 560 p.9) as data. Source:
 * apc-requirements.md §2.20, §4.7; rules-services-requirements.md §3.5 (D-9.0 – D-9.7), AT-35, AT-37.
 */

/** REG p.9, p.8(4): who gave the instruction. `head`: the head of the body itself (APC 46); `reception`: given at a personal reception (REG p.6(1)). */
export const INSTRUCTION_SOURCES = ['president', 'state_adviser', 'pa_leadership', 'pa_department', 'akim', 'head', 'reception'] as const;
export type InstructionSource = (typeof INSTRUCTION_SOURCES)[number];

/** APC 46(3): of several executors, the first named coordinates the execution and answers for it. */
export const COORDINATOR_CITATION = 'APC 46(3)';

/**
 * APC 38(6), 46(4): a reminder "заблаговременно", before the due date. The Code has no number (A28); Tynda
 * reminds 3 and 1 working days before, as for appeals.
 */
export const INSTRUCTION_REMINDER_WORKING_DAYS = [3, 1] as const;

/** APC 46(5): only the head who gave the instruction sets an additional period, on the executor's written request. */
export const EXTENSION_CITATION = 'APC 46(5)';

/** APC 46(6): control is closed by the one who gave the instruction or an authorised official; 38(5) for individual legal acts: management. */
export const CLOSE_CITATION = 'APC 46(6), 38(5)';

/** REG p.9(1)–(2): overdue instructions surface for the monitoring department and feed proposals on executive discipline. */
export const OVERDUE_CITATION = 'REG p.9(1), p.9(2)';
