import { lazy, Suspense } from 'react';
import { LobbyPage } from './lobby/LobbyPage';
import { useRoute } from './routing';
import { ErrorPage } from './ui/ErrorPage';
import { LoadingScreen } from './ui/LoadingScreen';

// The room page carries the editor and the sync stack; the landing page should not pay for them.
const RoomPage = lazy(() => import('./room/RoomPage'));
const HistoryPage = lazy(() => import('./history/HistoryPage'));
// The queue holds a Socket.IO connection; the landing page should not load the client for it.
const PracticePage = lazy(() => import('./practice/PracticePage'));
const SoloPage = lazy(() => import('./solo/SoloPage'));
const ReplayPage = lazy(() => import('./replay/ReplayPage'));
const ReplayFilePage = lazy(() => import('./replay/ReplayFilePage'));
const CalibrationPage = lazy(() => import('./calibration/CalibrationPage'));
const ExercisePage = lazy(() => import('./calibration/ExercisePage'));

export function App() {
  const route = useRoute();
  switch (route.page) {
    case 'lobby':
      return <LobbyPage />;
    case 'practice':
      return (
        <Suspense fallback={<LoadingScreen label="Opening the practice queue…" />}>
          <PracticePage />
        </Suspense>
      );
    case 'solo':
      return (
        <Suspense fallback={<LoadingScreen label="Opening solo practice…" />}>
          <SoloPage {...(route.sessionId ? { sessionId: route.sessionId } : {})} />
        </Suspense>
      );
    case 'history':
      return (
        <Suspense fallback={<LoadingScreen label="Loading your history…" />}>
          <HistoryPage />
        </Suspense>
      );
    case 'room':
      return (
        <Suspense fallback={<LoadingScreen label="Opening the room…" />}>
          <RoomPage key={route.roomId} roomId={route.roomId} />
        </Suspense>
      );
    case 'replay':
      return (
        <Suspense fallback={<LoadingScreen label="Opening the replay…" />}>
          <ReplayPage key={route.roomId} roomId={route.roomId} />
        </Suspense>
      );
    case 'replay-file':
      return (
        <Suspense fallback={<LoadingScreen label="Opening the replay…" />}>
          <ReplayFilePage />
        </Suspense>
      );
    case 'calibration':
      return (
        <Suspense fallback={<LoadingScreen label="Loading the calibration exercises…" />}>
          <CalibrationPage />
        </Suspense>
      );
    case 'calibration-exercise':
      return (
        <Suspense fallback={<LoadingScreen label="Opening the exercise…" />}>
          <ExercisePage key={route.exerciseId} exerciseId={route.exerciseId} />
        </Suspense>
      );
    case 'not-found':
      return (
        <ErrorPage
          title="Page not found"
          message="There is nothing at this address. Check the link, or start from the home page."
        />
      );
  }
}
