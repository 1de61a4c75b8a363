/**
 * Administration (docs/access-control.md): officials with their appointments and roles, granting and revoking a
 * role (roles.assign); the production calendar, a year at a time, edited with the API's per-field refusals
 * (calendar.manage; audited); the standard forms of acts and the head's approval of a draft version (Rules No. 111
 * p.5(3)). Each part shows only to whom the permission reaches.
 */
import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Body, type CalendarYear, type CalendarYearInput, type Holiday, type Lang, type Official, type Policy, type Transfer } from '../api.ts';
import { ErrorBox, Field, Loading, fieldError, useDates, useLoad } from '../components/ui.tsx';
import { Link, navigate } from '../router.tsx';
import { can, useSession } from '../session.tsx';

/** Roles that reach everywhere are granted without a body (docs/access-control.md). */
const GLOBAL = ['moj_reviewer', 'sysadmin', 'auditor', 'petitions_authority'];

export default function Admin() {
  const { t } = useTranslation();
  const { me } = useSession();
  useEffect(() => {
    if (me === null) navigate('/staff/signin?next=/staff/admin', true);
  }, [me]);
  if (!me) return <Loading />;
  const roles = can(me, 'roles.assign') || can(me, 'officials.read');
  const calendar = can(me, 'calendar.manage');
  const forms = can(me, 'kb.read') || can(me, 'act_template.approve');
  // bodies, subdivisions, positions, appointments and topics have a page of their own (AdminBodies.tsx)
  const organisation = ['bodies.manage', 'officials.manage', 'topics.manage'].some((p) => can(me, p));
  return (
    <div>
      <h1>{t('admin.title')}</h1>
      {!roles && !calendar && !forms && !organisation && <p>{t('admin.nothing')}</p>}
      {(roles || calendar || forms || organisation) && (
        <nav aria-label={t('admin.parts')}>
          <ul className="links plain-list">
            {organisation && <li><Link href="/staff/admin/bodies">{t('workspace.org.title')}</Link></li>}
            {roles && <li><a href="#admin-officials">{t('admin.officials')}</a></li>}
            {calendar && <li><a href="#admin-calendar">{t('admin.calendar')}</a></li>}
            {forms && <li><a href="#admin-forms">{t('admin.forms')}</a></li>}
          </ul>
        </nav>
      )}
      {roles && <Officials />}
      {calendar && <CalendarAdmin />}
      {forms && <Forms />}
    </div>
  );
}

// ---------- officials and roles ----------

function Officials() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { me } = useSession();
  const ref = useLoad(() => Promise.all([api.bodies(), api.policy()]), [lang]);
  const [bodyId, setBodyId] = useState(can(me, 'bodies.manage') ? '' : (me?.bodyId ?? ''));
  const list = useLoad(() => (bodyId ? api.officials(bodyId) : api.allOfficials()), [bodyId]);
  const [open, setOpen] = useState<string>();
  if (!ref.data) return <Loading error={ref.error} />;
  const [bodies, policy] = ref.data;
  const bodyName = new Map(bodies.map((b) => [b.id, b.name[lang]]));
  const roleName = new Map(policy.roles.map((r) => [r.id, r.name]));
  const current = list.data?.find((o) => o.id === open);
  return (
    <section aria-labelledby="admin-officials" className="admin-part">
      <h2 id="admin-officials">{t('admin.officials')}</h2>
      <div className="filters">
        <div className="field">
          <label htmlFor="admin-body">{t('admin.body')}</label>
          <select id="admin-body" value={bodyId} onChange={(e) => (setBodyId(e.target.value), setOpen(undefined))}>
            <option value="">{t('admin.allBodies')}</option>
            {bodies.filter((b) => b.active).map((b) => (
              <option key={b.id} value={b.id}>
                {b.name[lang]}
              </option>
            ))}
          </select>
        </div>
      </div>
      {!list.data ? (
        <Loading error={list.error} />
      ) : (
        <div className="table-wrap">
          <table className="worklist">
            <thead>
              <tr>
                <th scope="col">{t('admin.official')}</th>
                <th scope="col">{t('admin.body')}</th>
                <th scope="col">{t('admin.appointments')}</th>
                <th scope="col">{t('admin.roles')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((o) => (
                <tr key={o.id}>
                  <th scope="row" className="wrap">
                    {o.fullName}
                    {!o.active && <span className="tag">{t('admin.inactive')}</span>}
                  </th>
                  <td className="wrap">{bodyName.get(o.bodyId) ?? o.bodyId}</td>
                  <td className="wrap">
                    <ul className="plain-list">
                      {o.appointments.map((a, i) => (
                        <li key={i}>
                          {a.title[lang]}
                          {a.role && <span className="tag">{roleName.get(a.role) ?? a.role}</span>}
                          {a.acting && <span className="tag">{t('admin.acting', { until: a.validTo ?? '' })}</span>}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>
                    <button type="button" className="secondary" aria-expanded={open === o.id} aria-controls="admin-roles" onClick={() => setOpen(open === o.id ? undefined : o.id)}>
                      {t('admin.manageRoles')}
                      <span className="visually-hidden">: {o.fullName}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div id="admin-roles">{current && <Roles key={current.id} official={current} bodies={bodies} policy={policy} />}</div>
    </section>
  );
}

function Roles({ official, bodies, policy }: { official: Official; bodies: Body[]; policy: Policy }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { me } = useSession();
  const { day } = useDates();
  const roles = useLoad(() => api.officialRoles(official.id), [official.id, lang]);
  const grantable = policy.roles.filter((r) => r.id !== 'applicant');
  const [form, setForm] = useState({ role: grantable[0]?.id ?? '', bodyId: official.bodyId, validTo: '' });
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState('');
  const roleName = new Map(policy.roles.map((r) => [r.id, r.name]));
  const bodyName = new Map(bodies.map((b) => [b.id, b.name[lang]]));
  const global = GLOBAL.includes(form.role);
  const grant = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const g = await api.grantRole(official.id, { role: form.role, ...(global ? {} : { bodyId: form.bodyId }), ...(form.validTo ? { validTo: form.validTo } : {}) });
      setSaid(t('admin.granted', { role: roleName.get(g.role) ?? g.role, name: official.fullName }));
      roles.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const revoke = async (id: string, role: string) => {
    setError(undefined);
    try {
      await api.revokeRole(id);
      setSaid(t('admin.revoked', { role: roleName.get(role) ?? role, name: official.fullName }));
      roles.reload();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <div className="card plain">
      <h3>{t('admin.rolesOf', { name: official.fullName })}</h3>
      <p role="status" className="ok">
        {said}
      </p>
      <ErrorBox error={error} />
      {!roles.data ? (
        <Loading error={roles.error} />
      ) : (
        <>
          <h4>{t('admin.heldToday')}</h4>
          {roles.data.current.length === 0 ? (
            <p className="muted">{t('admin.noRoles')}</p>
          ) : (
            <ul className="plain-list">
              {roles.data.current.map((r, i) => (
                <li key={i}>
                  {r.roleName}
                  {r.bodyId && ` — ${bodyName.get(r.bodyId) ?? r.bodyId}`}
                  {r.until && ` (${t('admin.until', { date: day(r.until) })})`}
                </li>
              ))}
            </ul>
          )}
          <h4>{t('admin.grants')}</h4>
          {roles.data.grants.length === 0 ? (
            <p className="muted">{t('admin.noGrants')}</p>
          ) : (
            <ul className="plain-list grants">
              {roles.data.grants.map((g) => (
                <li key={g.id}>
                  <span className={g.revoked ? 'muted' : undefined}>
                    {roleName.get(g.role) ?? g.role}
                    {g.bodyId && ` — ${bodyName.get(g.bodyId) ?? g.bodyId}`} · {day(g.validFrom)}
                    {g.validTo && ` – ${day(g.validTo)}`}
                  </span>{' '}
                  {g.revoked ? (
                    <span className="tag">{t('admin.revokedTag')}</span>
                  ) : (
                    can(me, 'roles.assign') && (
                      <button type="button" className="secondary" onClick={() => void revoke(g.id, g.role)}>
                        {t('admin.revoke')}
                        <span className="visually-hidden">: {roleName.get(g.role) ?? g.role}</span>
                      </button>
                    )
                  )}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {can(me, 'roles.assign') && (
        <form onSubmit={(e) => void grant(e)} noValidate>
          <fieldset>
            <legend>{t('admin.grant')}</legend>
            <Field label={t('admin.role')} error={fieldError(error, 'role')}>
              {(p) => (
                <select {...p} value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value })}>
                  {grantable.map((r) => (
                    <option key={r.id} value={r.id}>
                      {r.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {!global && (
              <Field label={t('admin.grantBody')} error={fieldError(error, 'bodyId')}>
                {(p) => (
                  <select {...p} value={form.bodyId} onChange={(e) => setForm({ ...form, bodyId: e.target.value })}>
                    {bodies.filter((b) => b.active).map((b) => (
                      <option key={b.id} value={b.id}>
                        {b.name[lang]}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            )}
            <Field label={t('admin.validTo')} hint={t('admin.validToHint')} error={fieldError(error, 'validTo')}>
              {(p) => <input {...p} type="date" value={form.validTo} onChange={(e) => setForm({ ...form, validTo: e.target.value })} />}
            </Field>
            <button type="submit" disabled={busy}>
              {t('admin.grantButton')}
            </button>
          </fieldset>
        </form>
      )}
    </div>
  );
}

// ---------- the production calendar ----------

const KINDS: Holiday['kind'][] = ['national', 'state', 'religious'];

/** An input in a table cell, labelled for screen readers, with the API's message for its field under it. */
function Cell({ label, error, children }: { label: string; error?: string | undefined; children: (p: { id: string; 'aria-label': string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode }) {
  const id = useId();
  return (
    <div className={error ? 'invalid' : undefined}>
      {children({ id, 'aria-label': label, ...(error ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-err` } : {}) })}
      {error && (
        <p className="error" id={`${id}-err`}>
          {error}
        </p>
      )}
    </div>
  );
}

function CalendarAdmin() {
  const { t } = useTranslation();
  const [year, setYear] = useState(new Date().getFullYear());
  const [asked, setAsked] = useState(year);
  const data = useLoad(() => api.calendarYear(asked).catch((e: unknown) => (e && (e as { status?: number }).status === 404 ? null : Promise.reject(e))), [asked]);
  const [editing, setEditing] = useState(false);
  const show = (e: FormEvent) => {
    e.preventDefault();
    setEditing(false);
    setAsked(year);
  };
  return (
    <section aria-labelledby="admin-calendar" className="admin-part">
      <h2 id="admin-calendar">{t('admin.calendar')}</h2>
      <form className="filters" onSubmit={show}>
        <div className="field">
          <label htmlFor="admin-year">{t('admin.year')}</label>
          <input id="admin-year" type="number" inputMode="numeric" min={1991} max={2200} value={year} onChange={(e) => setYear(Number(e.target.value))} />
        </div>
        <button type="submit">{t('admin.show')}</button>
      </form>
      {data.data === undefined ? (
        <Loading error={data.error} />
      ) : editing || data.data === null ? (
        <YearEditor
          key={`${asked}-${data.data?.revision ?? 'new'}`}
          year={asked}
          stored={data.data}
          onSaved={() => (setEditing(false), data.reload())}
          onCancel={data.data ? () => setEditing(false) : undefined}
        />
      ) : (
        <YearView y={data.data} onEdit={() => setEditing(true)} />
      )}
    </section>
  );
}

function YearView({ y, onEdit }: { y: CalendarYear; onEdit: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { day, time } = useDates();
  return (
    <div>
      <h3>{t('admin.yearTitle', { year: y.year })}</h3>
      <dl className="facts">
        <dt>{t('admin.workingDays')}</dt>
        <dd data-testid="working-days" className="number">
          {y.workingDays}
        </dd>
        <dt>{t('admin.complete')}</dt>
        <dd>{y.complete ? t('admin.yes') : t('admin.no')}</dd>
        <dt>{t('admin.revision')}</dt>
        <dd>
          {y.revision} · {time(y.updatedAt)} · {y.updatedBy}
        </dd>
        {y.note && (
          <>
            <dt>{t('admin.note')}</dt>
            <dd className="pre">{y.note}</dd>
          </>
        )}
      </dl>
      <button type="button" onClick={onEdit}>
        {t('admin.edit')}
      </button>
      <h4>{t('admin.holidays')}</h4>
      <div className="table-wrap">
        <table className="worklist">
          <thead>
            <tr>
              <th scope="col">{t('admin.date')}</th>
              <th scope="col">{t('admin.name')}</th>
              <th scope="col">{t('admin.kind')}</th>
            </tr>
          </thead>
          <tbody>
            {y.holidays.map((h) => (
              <tr key={h.date}>
                <td>{day(h.date)}</td>
                <td className="wrap">
                  {h.name[lang]}
                  {!h.confirmed && <span className="tag">{t('admin.unconfirmed')}</span>}
                </td>
                <td>{t(`admin.kinds.${h.kind}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h4>{t('admin.transfers')}</h4>
      {y.transfers.length === 0 ? (
        <p className="muted">{t('admin.none')}</p>
      ) : (
        <ul className="plain-list transfers">
          {y.transfers.map((x) => (
            <li key={x.dayOff}>{t(x.workedOn ? 'admin.transferLine' : 'admin.transferOff', { dayOff: day(x.dayOff), workedOn: x.workedOn ? day(x.workedOn) : '', act: x.act })}</li>
          ))}
        </ul>
      )}
      <h4>{t('admin.extraDaysOff')}</h4>
      {y.extraDaysOff.length === 0 ? (
        <p className="muted">{t('admin.none')}</p>
      ) : (
        <ul className="plain-list">
          {y.extraDaysOff.map((x) => (
            <li key={x.date}>
              {day(x.date)}
              {x.movedFrom && ` ← ${day(x.movedFrom)}`}
              {x.act && ` (${x.act})`}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function YearEditor({ year, stored, onSaved, onCancel }: { year: number; stored: CalendarYear | null; onSaved: () => void; onCancel?: (() => void) | undefined }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<CalendarYearInput>(() => ({
    complete: stored?.complete ?? false,
    holidays: stored?.holidays.map((h) => ({ date: h.date, name: { ...h.name }, kind: h.kind as Holiday['kind'], confirmed: h.confirmed })) ?? [],
    transfers: stored?.transfers.map((x) => ({ ...x })) ?? [],
    note: stored?.note ?? '',
  }));
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const setHoliday = (i: number, h: Partial<Holiday>) => setDraft({ ...draft, holidays: draft.holidays.map((x, j) => (j === i ? { ...x, ...h } : x)) });
  const setTransfer = (i: number, x: Partial<Transfer>) => setDraft({ ...draft, transfers: draft.transfers.map((y, j) => (j === i ? { ...y, ...x } : y)) });
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await api.putCalendarYear(year, {
        complete: draft.complete,
        holidays: draft.holidays,
        transfers: draft.transfers.map((x) => ({ dayOff: x.dayOff, act: x.act, ...(x.workedOn ? { workedOn: x.workedOn } : {}) })),
        ...(draft.note?.trim() ? { note: draft.note.trim() } : {}),
      });
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const err = (field: string) => fieldError(error, field);
  return (
    <form onSubmit={(e) => void save(e)} noValidate aria-labelledby="year-edit">
      <h3 id="year-edit">{t(stored ? 'admin.editYear' : 'admin.addYear', { year })}</h3>
      {!stored && <p className="note">{t('admin.noYear', { year })}</p>}
      <ErrorBox error={error} />
      <div className="field check">
        <label>
          <input type="checkbox" checked={draft.complete} onChange={(e) => setDraft({ ...draft, complete: e.target.checked })} /> {t('admin.completeHint')}
        </label>
      </div>
      <fieldset>
        <legend>{t('admin.holidays')}</legend>
        <div className="table-wrap">
          <table className="worklist edit">
            <thead>
              <tr>
                <th scope="col">{t('admin.date')}</th>
                <th scope="col">{t('admin.nameKk')}</th>
                <th scope="col">{t('admin.nameRu')}</th>
                <th scope="col">{t('admin.nameEn')}</th>
                <th scope="col">{t('admin.kind')}</th>
                <th scope="col">{t('admin.confirmed')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('admin.remove')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {draft.holidays.map((h, i) => {
                const n = i + 1;
                return (
                  <tr key={i}>
                    <td>
                      <Cell label={t('admin.rowField', { field: t('admin.date'), n, what: t('admin.holiday') })} error={err(`holidays.${i}.date`)}>
                        {(p) => <input {...p} type="date" value={h.date} onChange={(e) => setHoliday(i, { date: e.target.value })} />}
                      </Cell>
                    </td>
                    {(['kk', 'ru', 'en'] as const).map((l) => (
                      <td key={l}>
                        <Cell label={t('admin.rowField', { field: t(`admin.name${l === 'kk' ? 'Kk' : l === 'ru' ? 'Ru' : 'En'}`), n, what: t('admin.holiday') })} error={err(`holidays.${i}.name.${l}`)}>
                          {(p) => <input {...p} lang={l} value={h.name[l]} onChange={(e) => setHoliday(i, { name: { ...h.name, [l]: e.target.value } })} />}
                        </Cell>
                      </td>
                    ))}
                    <td>
                      <Cell label={t('admin.rowField', { field: t('admin.kind'), n, what: t('admin.holiday') })} error={err(`holidays.${i}.kind`)}>
                        {(p) => (
                          <select {...p} value={h.kind} onChange={(e) => setHoliday(i, { kind: e.target.value as Holiday['kind'] })}>
                            {KINDS.map((k) => (
                              <option key={k} value={k}>
                                {t(`admin.kinds.${k}`)}
                              </option>
                            ))}
                          </select>
                        )}
                      </Cell>
                    </td>
                    <td>
                      <input type="checkbox" aria-label={t('admin.rowField', { field: t('admin.confirmed'), n, what: t('admin.holiday') })} checked={h.confirmed} onChange={(e) => setHoliday(i, { confirmed: e.target.checked })} />
                    </td>
                    <td>
                      <button type="button" className="secondary" onClick={() => setDraft({ ...draft, holidays: draft.holidays.filter((_, j) => j !== i) })}>
                        {t('admin.remove')}
                        <span className="visually-hidden"> {t('admin.holiday')} {n}</span>
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <button type="button" className="secondary" onClick={() => setDraft({ ...draft, holidays: [...draft.holidays, { date: '', name: { kk: '', ru: '', en: '' }, kind: 'state', confirmed: true }] })}>
          {t('admin.addHoliday')}
        </button>
      </fieldset>
      <fieldset>
        <legend>{t('admin.transfers')}</legend>
        <p className="hint">{t('admin.transfersHint')}</p>
        <div className="table-wrap">
          <table className="worklist edit">
            <thead>
              <tr>
                <th scope="col">{t('admin.dayOff')}</th>
                <th scope="col">{t('admin.workedOn')}</th>
                <th scope="col">{t('admin.act')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('admin.remove')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {draft.transfers.map((x, i) => {
                const n = i + 1;
                return (
                  <tr key={i}>
                    <td>
                      <Cell label={t('admin.rowField', { field: t('admin.dayOff'), n, what: t('admin.transfer') })} error={err(`transfers.${i}.dayOff`)}>
                        {(p) => <input {...p} type="date" value={x.dayOff} onChange={(e) => setTransfer(i, { dayOff: e.target.value })} />}
                      </Cell>
                    </td>
                    <td>
                      <Cell label={t('admin.rowField', { field: t('admin.workedOn'), n, what: t('admin.transfer') })} error={err(`transfers.${i}.workedOn`)}>
                        {(p) => <input {...p} type="date" value={x.workedOn ?? ''} onChange={(e) => setTransfer(i, { workedOn: e.target.value })} />}
                      </Cell>
                    </td>
                    <td>
                      <Cell label={t('admin.rowField', { field: t('admin.act'), n, what: t('admin.transfer') })} error={err(`transfers.${i}.act`)}>
                        {(p) => <input {...p} value={x.act} onChange={(e) => setTransfer(i, { act: e.target.value })} />}
                      </Cell>
                    </td>
                    <td>
                      <button type="button" className="secondary" onClick={() => setDraft({ ...draft, transfers: draft.transfers.filter((_, j) => j !== i) })}>
                        {t('admin.remove')}
                        <span className="visually-hidden"> {t('admin.transfer')} {n}</span>
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <button type="button" className="secondary" onClick={() => setDraft({ ...draft, transfers: [...draft.transfers, { dayOff: '', act: '' }] })}>
          {t('admin.addTransfer')}
        </button>
      </fieldset>
      <Field label={t('admin.note')} error={err('note')}>
        {(p) => <textarea {...p} rows={3} value={draft.note ?? ''} onChange={(e) => setDraft({ ...draft, note: e.target.value })} />}
      </Field>
      <div className="buttons">
        <button type="submit" disabled={busy}>
          {t('admin.save')}
        </button>
        {onCancel && (
          <button type="button" className="secondary" onClick={onCancel}>
            {t('action.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}

// ---------- standard forms of acts ----------

function Forms() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { me } = useSession();
  const list = useLoad(() => api.templates(), [lang]);
  const [error, setError] = useState<unknown>();
  const [said, setSaid] = useState('');
  const approve = async (id: string, title: string) => {
    setError(undefined);
    try {
      await api.approveTemplate(id);
      setSaid(t('admin.approved', { title }));
      list.reload();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section aria-labelledby="admin-forms" className="admin-part">
      <h2 id="admin-forms">{t('admin.forms')}</h2>
      <p className="muted">{t('admin.formsLead')}</p>
      <p role="status" className="ok">
        {said}
      </p>
      <ErrorBox error={error} />
      {!list.data ? (
        <Loading error={list.error} />
      ) : list.data.length === 0 ? (
        <p>{t('admin.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="worklist">
            <thead>
              <tr>
                <th scope="col">{t('admin.formTitle')}</th>
                <th scope="col">{t('admin.code')}</th>
                <th scope="col">{t('admin.version')}</th>
                <th scope="col">{t('inbox.state')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('admin.approve')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((x) => (
                <tr key={x.id}>
                  <th scope="row" className="wrap">
                    {x.title[lang]}
                    {!x.bodyId && <span className="tag">{t('admin.shared')}</span>}
                  </th>
                  <td>
                    <code>{x.code}</code>
                  </td>
                  <td>{x.version}</td>
                  <td>
                    <span className={`badge a-${x.state}`}>{t(`admin.formState.${x.state}`, { defaultValue: x.state })}</span>
                  </td>
                  <td>
                    {x.state === 'draft' && x.bodyId && can(me, 'act_template.approve') && (
                      <button type="button" onClick={() => void approve(x.id, x.title[lang])}>
                        {t('admin.approve')}
                        <span className="visually-hidden">: {x.title[lang]}</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
