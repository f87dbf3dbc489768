import { createBrowserRouter, Navigate } from 'react-router';
import { AppLayout } from './layout/AppLayout';
import { PublicLayout } from './layout/PublicLayout';
import { boardLoader, layoutLoader, problemLoader, trackerLoader, treeLoader } from './shared/route-data';

/**
 * Every page is loaded on first visit, so the first screen carries only what it shows. The
 * loaders start the data requests of the page being opened at the same moment its code starts to
 * load (they return at once; the pages read the answers from the query cache).
 */
const page = (load: () => Promise<{ default: React.ComponentType }>) => async () => ({ Component: (await load()).default });

export const router = createBrowserRouter([
  { path: '/sign-in', lazy: page(() => import('./pages/SignInPage')) },
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
    loader: layoutLoader,
    // Only the opened page's loader runs again on a change of filters, never the layout's.
    shouldRevalidate: () => false,
    children: [
      { index: true, loader: treeLoader, lazy: page(() => import('./pages/HomePage')) },
      { path: 'board', loader: boardLoader, lazy: page(() => import('./pages/BoardPage')) },
      { path: 'units/:unitId', loader: treeLoader, lazy: page(() => import('./pages/UnitPage')) },
      { path: 'tracker', loader: trackerLoader, lazy: page(() => import('./pages/TrackerPage')) },
      { path: 'problems/:problemId', loader: problemLoader, lazy: page(() => import('./pages/ProblemPage')) },
      { path: 'audit', lazy: page(() => import('./pages/AuditPage')) },
      { path: 'notices', lazy: page(() => import('./pages/NoticesPage')) },
      { path: 'notices/:noticeId', lazy: page(() => import('./pages/NoticePage')) },
      { path: 'assessments', lazy: page(() => import('./pages/AssessmentsPage')) },
      { path: 'assessments/:periodId/units/:unitId', lazy: page(() => import('./pages/AssessmentUnitPage')) },
      { path: 'demonstration-points', lazy: page(() => import('./pages/DemonstrationPointsPage')) },
      { path: 'demonstration-points/:unitId', lazy: page(() => import('./pages/DemonstrationPointPage')) },
      { path: 'roster', lazy: page(() => import('./pages/RosterPage')) },
      { path: 'roster/:unitId', lazy: page(() => import('./pages/RosterPage')) },
      { path: 'key-tasks', lazy: page(() => import('./pages/KeyTasksPage')) },
      { path: 'key-tasks/:taskId', lazy: page(() => import('./pages/KeyTaskPage')) },
      { path: 'search', lazy: page(() => import('./pages/SearchPage')) },
      { path: 'inbox', lazy: page(() => import('./pages/InboxPage')) },
      { path: 'instructions/:instructionId', lazy: page(() => import('./pages/InstructionPage')) },
      { path: '*', element: <Navigate to="/" replace /> },
    ],
  },
]);
