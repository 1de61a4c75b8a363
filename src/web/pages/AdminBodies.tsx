/**
 * The organisation (docs/workspace.md): a body's structural subdivisions and positions (bodies.manage), its officials
 * and their appointments, including an acting appointment for a period in place of an absent holder (officials.manage;
 * Standard Regulation p.19, AT-39), and the classifier of appeal topics (topics.manage). Each part and each form shows
 * only to whom the permission reaches; the API's refusals stand next to the fields.
 */
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Body, type Lang, type Localized, type Policy, type Position, type StaffOfficial, type Subdivision } from '../api.ts';
import { ErrorBox, Field, Loading, almatyDate, fieldError, useDates, useLoad, useSubmit } from '../components/ui.tsx';
import { LANGS } from '../lang.ts';
import { Link, navigate } from '../router.tsx';
import { can, useSession } from '../session.tsx';

/** The structural subdivision kinds of src/modules/bodies/body-types.ts (SUBDIVISION_KINDS). */
const SUBDIVISION_KINDS = ['management', 'registry', 'legal_service', 'knowledge_base', 'appeals_monitoring', 'department', 'division', 'sector', 'other'];
const emptyName = (): Localized => ({ kk: '', ru: '', en: '' });


/** The three language versions of a name, each with its own refusal (`name.kk` …). */
function NameFields({ legend, value, onChange, error, field = 'name' }: { legend: string; value: Localized; onChange: (v: Localized) => void; error: unknown; field?: string }) {
  const { t } = useTranslation();
  return (
    <fieldset className="names">
      <legend>{legend}</legend>
      {LANGS.map((l) => (
        <Field key={l} label={t(`workspace.in.${l}`)} error={fieldError(error, `${field}.${l}`)}>
          {(p) => <input {...p} lang={l} value={value[l]} onChange={(e) => onChange({ ...value, [l]: e.target.value })} />}
        </Field>
      ))}
    </fieldset>
  );
}

function Said({ text }: { text: string }) {
  return (
    <p role="status" className="ok">
      {text}
    </p>
  );
}

export default function AdminBodies() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { me } = useSession();
  useEffect(() => {
    if (me === null) navigate('/staff/signin?next=/staff/admin/bodies', true);
  }, [me]);
  const ref = useLoad(() => Promise.all([api.bodies(), api.policy()]), [lang]);
  const [bodyId, setBodyId] = useState<string>();
  if (!me || !ref.data) return <Loading error={ref.error} />;
  const [bodies, policy] = ref.data;
  const bodiesManage = can(me, 'bodies.manage');
  const officialsManage = can(me, 'officials.manage');
  const topicsManage = can(me, 'topics.manage');
  const canRead = bodiesManage || officialsManage || can(me, 'officials.read');
  // a body's own administrators (a head with officials.manage there) see their body; bodies.manage reaches all
  const internal = bodies.filter((b) => b.active && b.type !== 'court' && (bodiesManage || b.id === me.bodyId));
  const chosen = bodyId ?? me.bodyId ?? internal[0]?.id ?? '';
  const body = bodies.find((b) => b.id === chosen);
  return (
    <div>
      <p className="crumbs">
        <Link href="/staff/admin">{t('admin.title')}</Link>
      </p>
      <h1>{t('workspace.org.title')}</h1>
      {!canRead && !topicsManage && <p>{t('admin.nothing')}</p>}
      {canRead && (
        <>
          <div className="filters">
            <div className="field">
              <label htmlFor="org-body">{t('admin.body')}</label>
              <select id="org-body" value={chosen} onChange={(e) => setBodyId(e.target.value)}>
                {internal.map((b) => (
                  <option key={b.id} value={b.id}>
                    {b.name[lang]}
                  </option>
                ))}
              </select>
            </div>
          </div>
          {body && <Structure key={body.id} body={body} policy={policy} />}
        </>
      )}
      {topicsManage && <Topics />}
    </div>
  );
}

function Structure({ body, policy }: { body: Body; policy: Policy }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { me } = useSession();
  const data = useLoad(() => Promise.all([api.subdivisions(body.id), api.positions(body.id), api.staffOfficials(body.id)]), [body.id, lang]);
  if (!data.data) return <Loading error={data.error} />;
  const [subdivisions, positions, officials] = data.data;
  const bodiesManage = can(me, 'bodies.manage');
  const officialsManage = can(me, 'officials.manage');
  return (
    <>
      <nav aria-label={t('admin.parts')}>
        <ul className="links plain-list">
          <li><a href="#org-subdivisions">{t('workspace.org.subdivisions')}</a></li>
          <li><a href="#org-positions">{t('workspace.org.positions')}</a></li>
          <li><a href="#org-officials">{t('workspace.org.officials')}</a></li>
        </ul>
      </nav>
      <section aria-labelledby="org-subdivisions" className="admin-part">
        <h2 id="org-subdivisions">{t('workspace.org.subdivisions')}</h2>
        <Table head={[t('admin.code'), t('admin.name'), t('workspace.org.kind')]} empty={subdivisions.length === 0}>
          {subdivisions.map((s) => (
            <tr key={s.id}>
              <td><code>{s.code}</code></td>
              <th scope="row" className="wrap">{s.name[lang]}</th>
              <td>{t(`workspace.kinds.${s.kind}`, { defaultValue: s.kind })}</td>
            </tr>
          ))}
        </Table>
        {bodiesManage && <AddSubdivision body={body} subdivisions={subdivisions} onDone={data.reload} />}
      </section>
      <section aria-labelledby="org-positions" className="admin-part">
        <h2 id="org-positions">{t('workspace.org.positions')}</h2>
        <Table head={[t('admin.code'), t('workspace.org.positionTitle'), t('workspace.org.subdivision'), t('admin.role')]} empty={positions.length === 0}>
          {positions.map((p) => (
            <tr key={p.id}>
              <td><code>{p.code}</code></td>
              <th scope="row" className="wrap">{p.title[lang]}</th>
              <td className="wrap">{subdivisions.find((s) => s.id === p.subdivisionId)?.name[lang] ?? '—'}</td>
              <td>{p.role ? (policy.roles.find((r) => r.id === p.role)?.name ?? p.role) : '—'}</td>
            </tr>
          ))}
        </Table>
        {bodiesManage && <AddPosition body={body} subdivisions={subdivisions} policy={policy} onDone={data.reload} />}
      </section>
      <section aria-labelledby="org-officials" className="admin-part">
        <h2 id="org-officials">{t('workspace.org.officials')}</h2>
        <Appointments officials={officials} onChanged={data.reload} />
        {officialsManage && <Appoint officials={officials} positions={positions} onDone={data.reload} />}
        {officialsManage && <AddOfficial body={body} onDone={data.reload} />}
      </section>
    </>
  );
}

function Table({ head, empty, children }: { head: string[]; empty: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  if (empty) return <p className="muted">{t('admin.none')}</p>;
  return (
    <div className="table-wrap">
      <table className="worklist">
        <thead>
          <tr>
            {head.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

function AddSubdivision({ body, subdivisions, onDone }: { body: Body; subdivisions: Subdivision[]; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const s = useSubmit();
  const [form, setForm] = useState({ code: '', kind: 'department', parentId: '', name: emptyName() });
  const submit = (e: FormEvent) =>
    void s.run(e, async () => {
      const made = await api.addSubdivision(body.id, { code: form.code.trim(), kind: form.kind, name: form.name, ...(form.parentId ? { parentId: form.parentId } : {}) });
      setForm({ code: '', kind: 'department', parentId: '', name: emptyName() });
      onDone();
      return t('workspace.org.subdivisionAdded', { name: made.name[lang] });
    });
  return (
    <form onSubmit={submit} noValidate className="card plain">
      <h3>{t('workspace.org.addSubdivision')}</h3>
      <Said text={s.said} />
      <ErrorBox error={s.error} />
      <Field label={t('admin.code')} hint={t('workspace.org.codeHint')} error={fieldError(s.error, 'code')}>
        {(p) => <input {...p} value={form.code} onChange={(e) => setForm({ ...form, code: e.target.value })} />}
      </Field>
      <Field label={t('workspace.org.kind')} error={fieldError(s.error, 'kind')}>
        {(p) => (
          <select {...p} value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value })}>
            {SUBDIVISION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`workspace.kinds.${k}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('workspace.org.parent')} error={fieldError(s.error, 'parentId')}>
        {(p) => (
          <select {...p} value={form.parentId} onChange={(e) => setForm({ ...form, parentId: e.target.value })}>
            <option value="">{t('workspace.org.noParent')}</option>
            {subdivisions.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name[lang]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <NameFields legend={t('admin.name')} value={form.name} onChange={(name) => setForm({ ...form, name })} error={s.error} />
      <button type="submit" disabled={s.busy}>
        {t('workspace.org.addSubdivision')}
      </button>
    </form>
  );
}

function AddPosition({ body, subdivisions, policy, onDone }: { body: Body; subdivisions: Subdivision[]; policy: Policy; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const s = useSubmit();
  const [form, setForm] = useState({ code: '', subdivisionId: '', role: '', title: emptyName() });
  const roles = policy.roles.filter((r) => r.id !== 'applicant');
  const submit = (e: FormEvent) =>
    void s.run(e, async () => {
      const made = await api.addPosition(body.id, { code: form.code.trim(), title: form.title, ...(form.subdivisionId ? { subdivisionId: form.subdivisionId } : {}), ...(form.role ? { role: form.role } : {}) });
      setForm({ code: '', subdivisionId: '', role: '', title: emptyName() });
      onDone();
      return t('workspace.org.positionAdded', { name: made.title[lang] });
    });
  return (
    <form onSubmit={submit} noValidate className="card plain">
      <h3>{t('workspace.org.addPosition')}</h3>
      <Said text={s.said} />
      <ErrorBox error={s.error} />
      <Field label={t('admin.code')} hint={t('workspace.org.codeHint')} error={fieldError(s.error, 'code')}>
        {(p) => <input {...p} value={form.code} onChange={(e) => setForm({ ...form, code: e.target.value })} />}
      </Field>
      <Field label={t('workspace.org.subdivision')} error={fieldError(s.error, 'subdivisionId')}>
        {(p) => (
          <select {...p} value={form.subdivisionId} onChange={(e) => setForm({ ...form, subdivisionId: e.target.value })}>
            <option value="">{t('workspace.org.wholeBody')}</option>
            {subdivisions.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name[lang]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('admin.role')} hint={t('workspace.org.roleHint')} error={fieldError(s.error, 'role')}>
        {(p) => (
          <select {...p} value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value })}>
            <option value="">{t('workspace.org.noRole')}</option>
            {roles.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <NameFields legend={t('workspace.org.positionTitle')} value={form.title} onChange={(title) => setForm({ ...form, title })} error={s.error} field="title" />
      <button type="submit" disabled={s.busy}>
        {t('workspace.org.addPosition')}
      </button>
    </form>
  );
}

function Appointments({ officials, onChanged }: { officials: StaffOfficial[]; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { me } = useSession();
  const { day } = useDates();
  const s = useSubmit();
  const names = new Map(officials.map((o) => [o.id, o.fullName]));
  const end = (e: FormEvent, o: StaffOfficial, appointmentId: string, title: string) =>
    void s.run(e, async () => {
      await api.endAppointment(o.id, appointmentId);
      onChanged();
      return t('workspace.org.ended', { name: o.fullName, title });
    });
  return (
    <>
      <Said text={s.said} />
      <ErrorBox error={s.error} />
      <Table head={[t('admin.official'), t('admin.appointments')]} empty={officials.length === 0}>
        {officials.map((o) => (
          <tr key={o.id}>
            <th scope="row" className="wrap">
              {o.fullName}
              {!o.active && <span className="tag">{t('admin.inactive')}</span>}
            </th>
            <td className="wrap">
              {o.appointments.length === 0 ? (
                <span className="muted">{t('workspace.org.noAppointment')}</span>
              ) : (
                <ul className="plain-list appointments">
                  {o.appointments.map((a) => (
                    <li key={a.id}>
                      {a.title[lang]}
                      {a.acting && (
                        <span className="tag">
                          {t('workspace.org.actingPeriod', { from: day(a.validFrom), to: a.validTo ? day(a.validTo) : '…' })}
                          {a.actingFor && ` · ${t('workspace.org.inPlaceOf', { name: names.get(a.actingFor) ?? '—' })}`}
                        </span>
                      )}{' '}
                      {can(me, 'officials.manage') && (
                        <form className="inline" onSubmit={(e) => end(e, o, a.id, a.title[lang])}>
                          <button type="submit" className="secondary" disabled={s.busy}>
                            {t('workspace.org.end')}
                            <span className="visually-hidden">
                              : {o.fullName}, {a.title[lang]}
                            </span>
                          </button>
                        </form>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </td>
          </tr>
        ))}
      </Table>
    </>
  );
}

function Appoint({ officials, positions, onDone }: { officials: StaffOfficial[]; positions: Position[]; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const s = useSubmit();
  const today = almatyDate();
  const [form, setForm] = useState({ officialId: '', positionId: '', acting: false, actingFor: '', validFrom: today, validTo: '' });
  // whoever holds the position now: the one an acting appointment replaces
  const holders = officials.filter((o) => o.appointments.some((a) => a.positionId === form.positionId && !a.acting));
  const submit = (e: FormEvent) =>
    void s.run(e, async () => {
      if (!form.officialId) throw new FormProblem('officialId', t('workspace.required'));
      const official = officials.find((o) => o.id === form.officialId)!;
      const position = positions.find((p) => p.id === form.positionId);
      await api.appoint(form.officialId, {
        positionId: form.positionId,
        acting: form.acting,
        validFrom: form.validFrom,
        ...(form.validTo ? { validTo: form.validTo } : {}),
        ...(form.acting && form.actingFor ? { actingFor: form.actingFor } : {}),
      });
      setForm({ officialId: '', positionId: '', acting: false, actingFor: '', validFrom: today, validTo: '' });
      onDone();
      return t(form.acting ? 'workspace.org.appointedActing' : 'workspace.org.appointed', { name: official.fullName, title: position?.title[lang] ?? '' });
    });
  const err = (f: string) => (s.error instanceof FormProblem ? (s.error.field === f ? s.error.message : undefined) : fieldError(s.error, f));
  return (
    <form onSubmit={submit} noValidate className="card plain">
      <h3>{t('workspace.org.appoint')}</h3>
      <p className="cite">{t('workspace.org.appointLead')}</p>
      <Said text={s.said} />
      {!(s.error instanceof FormProblem) && <ErrorBox error={s.error} />}
      <Field label={t('admin.official')} error={err('officialId')}>
        {(p) => (
          <select {...p} value={form.officialId} onChange={(e) => setForm({ ...form, officialId: e.target.value })}>
            <option value="">{t('workspace.choose')}</option>
            {officials.filter((o) => o.active).map((o) => (
              <option key={o.id} value={o.id}>
                {o.fullName}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('workspace.org.position')} error={err('positionId')}>
        {(p) => (
          <select {...p} value={form.positionId} onChange={(e) => setForm({ ...form, positionId: e.target.value, actingFor: '' })}>
            <option value="">{t('workspace.choose')}</option>
            {positions.map((x) => (
              <option key={x.id} value={x.id}>
                {x.title[lang]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="field check">
        <label>
          <input type="checkbox" checked={form.acting} onChange={(e) => setForm({ ...form, acting: e.target.checked, actingFor: '' })} /> {t('workspace.org.acting')}
        </label>
      </div>
      {form.acting && (
        <Field label={t('workspace.org.actingFor')} hint={t('workspace.org.actingForHint')} error={err('actingFor')}>
          {(p) => (
            <select {...p} value={form.actingFor} onChange={(e) => setForm({ ...form, actingFor: e.target.value })}>
              <option value="">{t('workspace.org.nobodyNamed')}</option>
              {holders.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.fullName}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field label={t('workspace.org.validFrom')} error={err('validFrom')}>
        {(p) => <input {...p} type="date" value={form.validFrom} onChange={(e) => setForm({ ...form, validFrom: e.target.value })} />}
      </Field>
      <Field label={t('workspace.org.validTo')} hint={t(form.acting ? 'workspace.org.validToActing' : 'workspace.org.validToHint')} error={err('validTo')}>
        {(p) => <input {...p} type="date" value={form.validTo} onChange={(e) => setForm({ ...form, validTo: e.target.value })} />}
      </Field>
      <button type="submit" disabled={s.busy}>
        {t('workspace.org.appointButton')}
      </button>
    </form>
  );
}

/** A refusal found before anything is sent (no official chosen: the API names it only in the path). */
class FormProblem extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

function AddOfficial({ body, onDone }: { body: Body; onDone: () => void }) {
  const { t } = useTranslation();
  const s = useSubmit();
  const [form, setForm] = useState({ fullName: '', iin: '', email: '', phone: '' });
  const submit = (e: FormEvent) =>
    void s.run(e, async () => {
      const extra = Object.fromEntries(Object.entries({ iin: form.iin, email: form.email, phone: form.phone }).filter(([, v]) => v.trim() !== ''));
      const made = await api.addOfficial({ bodyId: body.id, fullName: form.fullName, ...extra });
      setForm({ fullName: '', iin: '', email: '', phone: '' });
      onDone();
      return t('workspace.org.officialAdded', { name: made.fullName });
    });
  return (
    <form onSubmit={submit} noValidate className="card plain">
      <h3>{t('workspace.org.addOfficial')}</h3>
      <Said text={s.said} />
      <ErrorBox error={s.error} />
      <Field label={t('workspace.org.fullName')} error={fieldError(s.error, 'fullName')}>
        {(p) => <input {...p} autoComplete="off" value={form.fullName} onChange={(e) => setForm({ ...form, fullName: e.target.value })} />}
      </Field>
      <Field label={t('register.iin')} error={fieldError(s.error, 'iin')}>
        {(p) => <input {...p} inputMode="numeric" value={form.iin} onChange={(e) => setForm({ ...form, iin: e.target.value })} />}
      </Field>
      <Field label={t('workspace.org.email')} error={fieldError(s.error, 'email')}>
        {(p) => <input {...p} type="email" value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} />}
      </Field>
      <Field label={t('workspace.org.phone')} error={fieldError(s.error, 'phone')}>
        {(p) => <input {...p} type="tel" value={form.phone} onChange={(e) => setForm({ ...form, phone: e.target.value })} />}
      </Field>
      <button type="submit" disabled={s.busy}>
        {t('workspace.org.addOfficial')}
      </button>
    </form>
  );
}

function Topics() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const list = useLoad(() => api.topics(), [lang]);
  const s = useSubmit();
  const [form, setForm] = useState({ code: '', parentId: '', competentBodyType: '', name: emptyName() });
  const types = useLoad(() => api.bodies(), [lang]);
  const bodyTypes = [...new Map((types.data ?? []).map((b) => [b.type, b.typeName])).entries()];
  const submit = (e: FormEvent) =>
    void s.run(e, async () => {
      await api.addTopic({ code: form.code.trim(), name: form.name, ...(form.parentId ? { parentId: form.parentId } : {}), ...(form.competentBodyType ? { competentBodyType: form.competentBodyType } : {}) });
      const name = form.name[lang];
      setForm({ code: '', parentId: '', competentBodyType: '', name: emptyName() });
      list.reload();
      return t('workspace.org.topicAdded', { name });
    });
  return (
    <section aria-labelledby="org-topics" className="admin-part">
      <h2 id="org-topics">{t('workspace.org.topics')}</h2>
      {!list.data ? (
        <Loading error={list.error} />
      ) : (
        <ul className="topics">
          {list.data.map((x) => (
            <li key={x.id}>
              {x.name[lang]} <code>{x.code}</code>
              {x.children.length > 0 && (
                <ul>
                  {x.children.map((c) => (
                    <li key={c.id}>
                      {c.name[lang]} <code>{c.code}</code>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={submit} noValidate className="card plain">
        <h3>{t('workspace.org.addTopic')}</h3>
        <Said text={s.said} />
        <ErrorBox error={s.error} />
        <Field label={t('admin.code')} hint={t('workspace.org.codeHint')} error={fieldError(s.error, 'code')}>
          {(p) => <input {...p} value={form.code} onChange={(e) => setForm({ ...form, code: e.target.value })} />}
        </Field>
        <Field label={t('workspace.org.parentTopic')} error={fieldError(s.error, 'parentId')}>
          {(p) => (
            <select {...p} value={form.parentId} onChange={(e) => setForm({ ...form, parentId: e.target.value })}>
              <option value="">{t('workspace.org.topLevel')}</option>
              {(list.data ?? []).map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name[lang]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('workspace.org.competentType')} error={fieldError(s.error, 'competentBodyType')}>
          {(p) => (
            <select {...p} value={form.competentBodyType} onChange={(e) => setForm({ ...form, competentBodyType: e.target.value })}>
              <option value="">—</option>
              {bodyTypes.map(([id, name]) => (
                <option key={id} value={id}>
                  {name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <NameFields legend={t('admin.name')} value={form.name} onChange={(name) => setForm({ ...form, name })} error={s.error} />
        <button type="submit" disabled={s.busy}>
          {t('workspace.org.addTopic')}
        </button>
      </form>
    </section>
  );
}
