/**
 * The applicant's cabinet: my appeals with their status and term, my complaints with their review term (APC 99),
 * my complaints about public services with theirs (LSS 25), my reception bookings (90), and the notices the bodies
 * sent me (66).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type AppealList, type Booking } from '../api.ts';
import { Countdown, ErrorBox, Loading, StateBadge, useDates, useLoad } from '../components/ui.tsx';
import { MY_APPEALS, pageData } from '../early.ts';
import { Link, navigate } from '../router.tsx';
import { useSession } from '../session.tsx';

export function NoticeList({ recipientId, subjectId }: { recipientId: string; subjectId?: string }) {
  const { t } = useTranslation();
  const { time, day } = useDates();
  const notices = useLoad(() => api.notices(recipientId), [recipientId]);
  if (!notices.data) return <Loading error={notices.error} />;
  const list = notices.data.filter((n) => !subjectId || n.subject.id === subjectId);
  if (!list.length) return <p>{t('cabinet.noNotices')}</p>;
  const open = (id: string, read: boolean) => {
    if (!read) void api.readNotice(recipientId, id).then(notices.reload, () => undefined);
  };
  return (
    <ul className="notices">
      {list.map((n) => (
        <li key={n.id}>
          <details onToggle={(e) => e.currentTarget.open && open(n.id, !!n.readAt)}>
            <summary>
              {!n.readAt && <span className="tag">{t('cabinet.unread')}</span>} <strong>{n.title}</strong> <span className="muted">{time(n.deliveredAt)}</span>
            </summary>
            <p className="pre">{n.body}</p>
            <p className="cite">{n.citation}</p>
            {n.terms.length > 0 && (
              <ul>
                {n.terms.map((x) => (
                  <li key={x.id}>
                    {x.citation}: {x.due ? day(x.due) : t('cabinet.fromReceipt')}
                  </li>
                ))}
              </ul>
            )}
          </details>
        </li>
      ))}
    </ul>
  );
}

function MyComplaints() {
  const { t } = useTranslation();
  const { day } = useDates();
  const list = useLoad(() => api.complaints(), []);
  if (!list.data) return <Loading error={list.error} />;
  if (!list.data.length) return <p>{t('complaint.none')}</p>;
  return (
    <ul className="cases" data-testid="my-complaints">
      {list.data.map((c) => (
        <li key={c.id}>
          <div>
            <span className="number">{c.number}</span>{' '}
            {/* what is challenged leads to the case it belongs to */}
            {c.appealId ? <Link href={`/appeals/${c.appealId}`}>{c.challengedSummary}</Link> : <span>{c.challengedSummary}</span>}
          </div>
          <div className="meta">
            <span className="badge">{t(`complaintState.${c.state}`, { defaultValue: c.state })}</span>
            <span>
              {t('complaint.due')}: {day(c.due)} <span className="cite">APC 99</span>
            </span>
            <Countdown due={c.due} open={!c.decidedOn && !['decided', 'left_without_consideration', 'deemed_dismissed', 'self_remedied', 'court_route'].includes(c.state)} />
          </div>
        </li>
      ))}
    </ul>
  );
}

/** My complaints about public services (LSS 25): state, the term of 25(2) as extended, how many days are left. */
function MyServiceComplaints() {
  const { t, i18n } = useTranslation();
  const { day } = useDates();
  // the service's name comes in the language of the request
  const list = useLoad(() => api.serviceComplaints(), [i18n.language]);
  if (!list.data) return <Loading error={list.error} />;
  if (!list.data.length) return <p>{t('serviceComplaint.none')}</p>;
  return (
    <ul className="cases" data-testid="my-service-complaints">
      {list.data.map((c) => (
        <li key={c.id}>
          <Link href={`/service-complaints/${c.id}`} className="case-link">
            <span className="number">{c.number}</span> <span className="summary">{c.serviceName}</span>
          </Link>
          <div className="meta">
            <span className="badge">{t(`serviceComplaint.state.${c.state}`, { defaultValue: c.state })}</span>
            <span>
              {t('serviceComplaint.due')}: {day(c.due)} <span className="cite">{c.citation}</span>
            </span>
            <Countdown due={c.due} open={c.state === 'registered'} />
          </div>
        </li>
      ))}
    </ul>
  );
}

function MyBookings() {
  const { t } = useTranslation();
  const { time } = useDates();
  const list = useLoad(() => api.myBookings(), []);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  if (!list.data) return <Loading error={list.error} />;
  if (!list.data.length) return <p>{t('reception.noBookings')}</p>;
  const cancel = async (b: Booking) => {
    setBusy(true);
    setError(undefined);
    try {
      await api.cancelBooking(b);
      list.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <ErrorBox error={error} />
      <ul className="cases" data-testid="my-bookings">
        {list.data.map((b) => (
          <li key={b.id}>
            <div id={`booking-${b.id}`}>
              <strong>{time(b.slotAt)}</strong> {b.session && <span>{b.session.officialName}, {b.session.place}</span>}
            </div>
            <p className="pre">{b.topic}</p>
            <div className="meta">
              <span className="badge">{t(`reception.state.${b.state}`, { defaultValue: b.state })}</span>
              {b.state === 'booked' && (
                <button type="button" className="secondary" aria-describedby={`booking-${b.id}`} disabled={busy} onClick={() => void cancel(b)}>
                  {t('reception.cancel')}
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}

export default function Cabinet() {
  const { t } = useTranslation();
  const { day } = useDates();
  const { me } = useSession();
  useEffect(() => {
    if (me === null) navigate('/signin?next=/cabinet', true);
    if (me?.kind === 'official') navigate('/staff', true);
  }, [me]);
  // the loader opening.ts may already have asked (the cabinet opened directly): its answer is then at hand
  const list = useLoad<AppealList | undefined>(me?.kind === 'applicant' ? pageData.myAppeals : async () => undefined, [me?.id], MY_APPEALS);
  if (!me) return <Loading />;
  return (
    <div>
      <h1>{t('cabinet.title')}</h1>
      <p>
        <Link className="button" href="/file">
          {t('nav.file')}
        </Link>
      </p>
      <section aria-labelledby="my-appeals">
        <h2 id="my-appeals">{t('cabinet.appeals')}</h2>
        {!list.data ? (
          <Loading error={list.error} />
        ) : list.data.items.length === 0 ? (
          <p>{t('cabinet.noAppeals')}</p>
        ) : (
          <ul className="cases">
            {list.data.items.map((a) => (
              <li key={a.id}>
                <Link href={`/appeals/${a.id}`} className="case-link">
                  <span className="number">{a.number}</span> <span className="summary">{a.summary || t(`appealType.${a.type}`)}</span>
                </Link>
                <div className="meta">
                  <StateBadge state={a.state} /> <span>{t('term.due')}: {day(a.due)}</span>{' '}
                  {/* past a deemed refusal no days are left to count: the refusal below says what happened */}
                  {!a.deemed_refused_on && <Countdown due={a.due} open={!['decided', 'closed', 'redirected', 'returned', 'withdrawn', 'terminated', 'answered', 'noted'].includes(a.state)} />}
                </div>
                {/* silence past the term is a refusal the person may complain against (APC 91(2)) */}
                {a.deemed_refused_on && (
                  <p className="deemed" data-testid="deemed-refusal">
                    <span className="tag">{t('workspace.deemed.tag', { date: day(a.deemed_refused_on) })}</span> <span className="cite">APC 91(2)</span>{' '}
                    <Link href={`/appeals/${a.id}/complaint?kind=deemed_refusal`}>
                      {t('workspace.deemed.complain')}
                      <span className="visually-hidden">: {a.number}</span>
                    </Link>
                  </p>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="my-complaints">
        <h2 id="my-complaints">{t('complaint.mine')}</h2>
        <MyComplaints />
      </section>
      <section aria-labelledby="my-service-complaints">
        <h2 id="my-service-complaints">{t('serviceComplaint.mine')}</h2>
        <MyServiceComplaints />
      </section>
      <section aria-labelledby="my-bookings">
        <h2 id="my-bookings">{t('reception.mine')}</h2>
        <MyBookings />
      </section>
      <section aria-labelledby="my-notices">
        <h2 id="my-notices">{t('cabinet.notices')}</h2>
        <NoticeList recipientId={me.id} />
      </section>
    </div>
  );
}
