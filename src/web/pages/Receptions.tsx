/**
 * Personal receptions of heads and deputies (APC 90): the published schedule of the coming weeks with its free
 * slots (public), and booking a slot with the topic stated in advance (REG p.6(1)) for a signed-in citizen; a
 * videoconference with the Presidential Administration needs consent (p.6(3)). Bookings and their cancelling are
 * in the cabinet.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Booking, type Body, type Lang, type ReceptionSession } from '../api.ts';
import { ErrorBox, Field, Loading, almatyClock, almatyDate, fieldError, useDates, useLoad } from '../components/ui.tsx';
import { Link } from '../router.tsx';
import { useSession } from '../session.tsx';

/** How far ahead the schedule is shown. */
const WEEKS_AHEAD = 8;
const clock = (iso: string) => almatyClock(new Date(iso)).time;

function BookingForm({ session, onBooked }: { session: ReceptionSession; onBooked(b: Booking): void }) {
  const { t, i18n } = useTranslation();
  const [slotAt, setSlotAt] = useState('');
  const [topic, setTopic] = useState('');
  const [consent, setConsent] = useState(false);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const book = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      onBooked(await api.book(session.id, { slotAt, topic, language: i18n.language as Lang, videoConsent: consent }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void book(e)} noValidate>
      <ErrorBox error={error} />
      <Field label={t('reception.slot') + ' *'} error={fieldError(error, 'slotAt')}>
        {(p) => (
          <select {...p} required value={slotAt} onChange={(e) => setSlotAt(e.target.value)}>
            <option value="">{t('field.choose')}</option>
            {session.freeSlots.map((s) => (
              <option key={s} value={s}>
                {clock(s)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('reception.topic') + ' *'} error={fieldError(error, 'topic')} hint={t('reception.topicHint')}>
        {(p) => <textarea {...p} required rows={3} value={topic} onChange={(e) => setTopic(e.target.value)} />}
      </Field>
      {session.format === 'video_pa' && (
        <div className={fieldError(error, 'videoConsent') ? 'field check invalid' : 'field check'}>
          <label>
            <input type="checkbox" checked={consent} onChange={(e) => setConsent(e.target.checked)} /> {t('reception.videoConsent')}
          </label>
          {fieldError(error, 'videoConsent') && <p className="error">{fieldError(error, 'videoConsent')}</p>}
        </div>
      )}
      <button type="submit" disabled={busy}>
        {t('reception.book')}
      </button>
    </form>
  );
}

function Session({ session, bodies }: { session: ReceptionSession; bodies: Body[] }) {
  const { t, i18n } = useTranslation();
  const { day } = useDates();
  const { me } = useSession();
  const [booked, setBooked] = useState<Booking>();
  const body = bodies.find((b) => b.id === session.bodyId);
  const headingId = `session-${session.id}`;
  return (
    <li className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {day(session.startsAt)}, {clock(session.startsAt)}–{clock(session.endsAt)}
      </h2>
      <dl className="facts">
        <dt>{t('reception.official')}</dt>
        <dd>{session.officialName}</dd>
        {body && (
          <>
            <dt>{t('reception.body')}</dt>
            <dd>{body.name[i18n.language as Lang]}</dd>
          </>
        )}
        <dt>{t('reception.place')}</dt>
        <dd>{session.place}</dd>
        <dt>{t('reception.format')}</dt>
        <dd>{t(`reception.formats.${session.format}`, { defaultValue: session.format })}</dd>
        <dt>{t('reception.free')}</dt>
        <dd>{session.freeSlots.length}</dd>
      </dl>
      {booked ? (
        <p className="ok" role="status">
          {t('reception.booked', { time: clock(booked.slotAt) })} <Link href="/cabinet">{t('nav.cabinet')}</Link>
        </p>
      ) : session.freeSlots.length === 0 ? (
        <p>{t('reception.full')}</p>
      ) : me?.kind === 'applicant' ? (
        <BookingForm session={session} onBooked={setBooked} />
      ) : (
        <Link className="button secondary" href="/signin?next=/receptions">
          {t('reception.signInToBook')}
        </Link>
      )}
    </li>
  );
}

export default function Receptions() {
  const { t } = useTranslation();
  const data = useLoad(() => {
    const from = new Date();
    const to = new Date(from.getTime() + WEEKS_AHEAD * 7 * 86_400_000);
    return Promise.all([api.schedule(almatyDate(from), almatyDate(to)), api.bodies()]);
  }, []);
  return (
    <div>
      <h1>{t('reception.title')}</h1>
      <p>
        {t('reception.lead')} <span className="cite">APC 90</span>
      </p>
      {!data.data ? (
        <Loading error={data.error} />
      ) : data.data[0].length === 0 ? (
        <p>{t('reception.none')}</p>
      ) : (
        <ul className="sessions">
          {data.data[0].map((s) => (
            // a slot already begun cannot be booked (the API says slot_in_past): only the future ones are offered
            <Session key={s.id} session={{ ...s, freeSlots: s.freeSlots.filter((x) => Date.parse(x) > Date.now()) }} bodies={data.data![1]} />
          ))}
        </ul>
      )}
    </div>
  );
}
