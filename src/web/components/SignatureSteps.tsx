/**
 * Signing with an electronic signature made outside the browser: in Kazakhstan people sign with the external tool
 * of the national CA (NCALayer), so the page offers the two halves of it: download the exact text to sign, and
 * upload the detached CMS signature (.p7s/.cms) the tool made from it. The file goes to the API as base64.
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBox, Field, fieldError } from './ui.tsx';

/** The raw bytes of a file as base64, in slices (String.fromCharCode takes a limited number of arguments). */
async function base64Of(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** Saves text as a file through a temporary link: the signing tool signs exactly these UTF-8 bytes. */
function saveText(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function SignatureSteps({ level = 3, fileName, help, submitLabel, loadText, sign }: {
  /** the level of its heading, under the section it sits in */
  level?: 3 | 4;
  fileName: string;
  help: string;
  submitLabel: string;
  loadText(): Promise<{ text: string; sha256?: string }>;
  /** sends the signature (base64 of the DER file); a refusal is shown here */
  sign(signature: string): Promise<void>;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const Heading = level === 4 ? 'h4' : 'h3';
  const [sha, setSha] = useState<string>();
  const [file, setFile] = useState<File>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setError(undefined);
    try {
      const { text, sha256 } = await loadText();
      saveText(fileName, text);
      setSha(sha256);
    } catch (err) {
      setError(err);
    }
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(undefined);
    try {
      await sign(await base64Of(file));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="signing" aria-labelledby={headingId}>
      <Heading id={headingId}>{t('signature.title')}</Heading>
      <p className="hint">{help}</p>
      <ErrorBox error={error} />
      <ol className="steps">
        <li>
          <button type="button" className="secondary" onClick={() => void download()}>
            {t('signature.download')}
          </button>
          {sha && (
            <p className="muted">
              SHA-256: <code className="hash">{sha}</code>
            </p>
          )}
        </li>
        <li>
          <form onSubmit={(e) => void submit(e)} noValidate>
            <Field label={t('signature.file')} error={fieldError(error, 'signature')} hint={t('signature.fileHint')}>
              {(p) => <input {...p} type="file" accept=".p7s,.cms,.sig,application/pkcs7-signature" onChange={(e) => setFile(e.target.files?.[0])} />}
            </Field>
            <button type="submit" disabled={busy || !file}>
              {submitLabel}
            </button>
          </form>
        </li>
      </ol>
    </section>
  );
}
