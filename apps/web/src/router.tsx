import { createBrowserRouter, Navigate } from 'react-router';
import { AppLayout } from './layout/AppLayout';
import { PublicLayout } from './layout/PublicLayout';
import { SignInPage } from './pages/SignInPage';

/** Every page but sign-in is loaded on first visit, so the first screen carries only what it shows. */
const page = (load: () => Promise<{ default: React.ComponentType }>) => async () => ({ Component: (await load()).default });

export const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage /> },
  {
    path: '/public',
    element: <PublicLayout />,
    children: [
      { path: 'campaigns/:campaignId/problems', lazy: page(() => import('./pages/PublicProblemsPage')) },
      { path: 'campaigns/:campaignId/units/:unitId/ballot', lazy: page(() => import('./pages/PublicBallotPage')) },
    ],
  },
  {
    path: '/',
    element: <AppLayout />,
    children: [
      { index: true, lazy: page(() => import('./pages/HomePage')) },
      { path: 'board', lazy: page(() => import('./pages/BoardPage')) },
      { path: 'units/:unitId', lazy: page(() => import('./pages/UnitPage')) },
      { path: 'tracker', lazy: page(() => import('./pages/TrackerPage')) },
      { path: 'problems/:problemId', lazy: page(() => import('./pages/ProblemPage')) },
      { path: 'audit', lazy: page(() => import('./pages/AuditPage')) },
      { path: 'notices', lazy: page(() => import('./pages/NoticesPage')) },
      { path: 'notices/:noticeId', lazy: page(() => import('./pages/NoticePage')) },
      { path: '*', element: <Navigate to="/" replace /> },
    ],
  },
]);
