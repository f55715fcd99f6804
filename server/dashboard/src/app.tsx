// The dashboard shell: sign-in, navigation, hash routes to each page.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { loadSession, saveSession, type Session } from './api.js';
import { Account } from './pages/account.js';
import { Accounts } from './pages/accounts.js';
import { Cancellations } from './pages/cancellations.js';
import { Features } from './pages/features.js';
import { Overview } from './pages/overview.js';
import { Revenue } from './pages/revenue.js';
import { Surveys } from './pages/surveys.js';
import { SignIn } from './signin.js';

const PAGES = [
  ['overview', 'Overview'],
  ['accounts', 'Accounts at risk'],
  ['features', 'Features'],
  ['surveys', 'NPS & CSAT'],
  ['cancellations', 'Cancellations'],
  ['revenue', 'Revenue'],
] as const;

const route = () => location.hash.replace(/^#\/?/, '') || 'overview';

function App() {
  const [session, setSession] = useState<Session | null>(loadSession);
  const [path, setPath] = useState(route);
  useEffect(() => {
    const on = () => setPath(route());
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  if (!session) return <SignIn onSignIn={(s) => (saveSession(s), setSession(s))} />;
  const [page, arg] = path.split('/');
  const body =
    page === 'accounts' && arg ? <Account session={session} id={decodeURIComponent(arg)} /> :
    page === 'accounts' ? <Accounts session={session} /> :
    page === 'features' ? <Features session={session} /> :
    page === 'surveys' ? <Surveys session={session} /> :
    page === 'cancellations' ? <Cancellations session={session} /> :
    page === 'revenue' ? <Revenue session={session} /> :
    <Overview session={session} />;
  return (
    <>
      <header>
        <strong>Holdfast</strong> <span class="muted">{session.projectId}</span>
        <nav>
          {PAGES.map(([id, label]) => (
            <a key={id} href={`#/${id}`} aria-current={page === id ? 'page' : undefined}>{label}</a>
          ))}
        </nav>
        <button class="link" onClick={() => (saveSession(null), setSession(null))}>Sign out</button>
      </header>
      <main>{body}</main>
    </>
  );
}

render(<App />, document.getElementById('app')!);
