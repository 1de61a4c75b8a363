/**
 * Reads the committed production calendar (`data/calendar/kz.json`, the format of shared/calendar) into what an
 * administrator would enter: holidays and transfers. Carry-overs are not read: `calendar.ts` derives them, and a
 * test holds the derivation to the file's own list.
 */
import type { CalendarYearInput, HolidayKind } from './calendar.ts';

interface FileDay { date: string; type?: string; source_ids?: string[]; confirmed?: boolean }
interface FileHoliday extends FileDay { name_kk: string; name_ru: string; name_en: string; kind: HolidayKind }
interface FileYear {
  complete: boolean;
  holidays: FileHoliday[];
  extra_days_off: FileDay[];
  working_weekend_days: FileDay[];
  working_days_total: number;
  notes?: string;
}
export interface ProductionCalendarFile {
  sources: { id: string; title: string }[];
  years: Record<string, FileYear>;
}

export function readProductionCalendarFile(file: ProductionCalendarFile): CalendarYearInput[] {
  const actOf = (ids: string[] = []) => {
    const source = file.sources.find((s) => ids.includes(s.id) && s.id !== 'labour-code');
    return source ? source.title.split(':')[0]!.trim() : ids.join(', ');
  };
  return Object.entries(file.years).map(([year, y]) => ({
    year: Number(year),
    complete: y.complete,
    holidays: y.holidays.map((h) => ({
      date: h.date,
      name: { kk: h.name_kk, ru: h.name_ru, en: h.name_en },
      kind: h.kind,
      confirmed: h.confirmed !== false,
    })),
    transfers: y.extra_days_off
      .filter((e) => e.type === 'transfer')
      .map((e) => {
        const worked = y.working_weekend_days.find((w) => w.source_ids?.some((id) => e.source_ids?.includes(id)));
        return { dayOff: e.date, ...(worked ? { workedOn: worked.date } : {}), act: actOf(e.source_ids) };
      }),
    ...(y.notes ? { note: y.notes } : {}),
  }));
}
