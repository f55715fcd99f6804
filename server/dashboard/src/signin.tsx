// Sign-in with the project id and its secret key; the key is checked against the API before it is kept
// (for this browser tab only, in sessionStorage).
import { useState } from 'preact/hooks';
import { api, type Session } from './api.js';

export function SignIn({ onSignIn }: { onSignIn(s: Session): void }) {
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  async function submit(e: Event) {
    e.preventDefault();
    const form = new FormData(e.target as HTMLFormElement);
    const s = { projectId: String(form.get('project')).trim(), secretKey: String(form.get('key')).trim() };
    setBusy(true);
    setError('');
    try {
      await api(s, '/metrics/stickiness?from=' + new Date().toISOString().slice(0, 10));
      onSignIn(s);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <main class="signin">
      <h1>Holdfast</h1>
      <form onSubmit={submit}>
        <label>Project id<input name="project" autoComplete="username" required value={new URLSearchParams(location.search).get('project') ?? 'demo'} /></label>
        <label>Secret key<input name="key" type="password" autoComplete="current-password" required /></label>
        <button type="submit" disabled={busy}>{busy ? 'Checking…' : 'Sign in'}</button>
        {error && <p class="error" role="alert">{error}</p>}
      </form>
    </main>
  );
}
