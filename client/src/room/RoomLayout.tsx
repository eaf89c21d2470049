import { docAccess } from '@quorum/shared';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { CallPanel } from '../call/CallPanel';
import { summarizeConnection } from '../sync/connectionState';
import { presenceOf } from '../sync/presence';
import type { RoomDocs } from '../sync/roomDocs';
import type { RoomSession, SessionSnapshot, Self } from '../sync/roomSession';
import { AnnouncementBar } from './announce/AnnouncementBar';
import { useAnnouncements } from './announce/useAnnouncements';
import type { Announcement } from './announce/whatChanged';
import { usePendingOffer } from './calibration/usePendingOffer';
import { ClockAlert } from './clock/ClockAlert';
import { currentQuestion } from './currentQuestion';
import { CodeEditor } from './editor/CodeEditor';
import { FollowControls } from './follow/FollowControls';
import { useFollow } from './follow/useFollow';
import { Header } from './Header';
import { storedFraction, storedPaneMode, storeFraction, storePaneMode, type PaneMode } from './layout/layoutPrefs';
import { Splitter } from './layout/Splitter';
import { Workspace } from './layout/Workspace';
import { NoticeStack } from './NoticeStack';
import { PeerBar } from './peer/PeerBar';
import { QuestionPanel } from './questions/QuestionPanel';
import { RunPanel } from './run/RunPanel';

// Excalidraw is the heaviest dependency by far; it loads after the room is already usable.
const Whiteboard = lazy(() => import('./whiteboard/Whiteboard'));

interface Props {
  session: RoomSession;
  snapshot: SessionSnapshot;
  self: Self;
  docs: RoomDocs;
}

export function RoomLayout({ session, snapshot, self, docs }: Props) {
  const [mode, setMode] = useState<PaneMode>(() => storedPaneMode(defaultPaneMode(snapshot.view?.track)));
  const board = docs.get('board');
  const follow = useFollow(board?.provider.awareness, snapshot, self.id);
  // Choosing a pane yourself is taking the wheel: it ends following.
  const choosePane = (next: PaneMode) => {
    follow.follow(null);
    setMode(next);
    storePaneMode(next);
  };
  const leaderPane = follow.leaderView?.pane;
  useEffect(() => {
    if (leaderPane) setMode(leaderPane);
  }, [leaderPane]);
  useEffect(() => {
    board?.provider.awareness.setLocalStateField('pane', mode);
  }, [board, mode]);
  usePendingOffer(session.roomId, session.token, self.role);
  const ended = snapshot.view?.phase === 'ended';
  // Once the interview is over, its clocks no longer warn anyone.
  const live = ended ? null : snapshot.view;
  const title = snapshot.view?.title;
  const pairing = snapshot.view?.pairing;
  useEffect(() => {
    if (!title) return;
    const previous = document.title;
    document.title = `${title} · Quorum`;
    return () => {
      document.title = previous;
    };
  }, [title]);
  const code = docs.get('code');
  const body = useRef<HTMLDivElement>(null);
  const { announcements, dismiss } = useAnnouncements(snapshot.view);
  // What the side panel should bring into view: each new announcement for the candidate, any one on request.
  const [showing, setShowing] = useState<{ announcement: Announcement; seq: number } | null>(null);
  const newest = announcements.at(-1);
  useEffect(() => {
    if (newest && self.role === 'candidate') setShowing((current) => ({ announcement: newest, seq: (current?.seq ?? 0) + 1 }));
    // A coding question is answered in the editor: it comes into view for everyone.
    if (newest?.questionType === 'coding') setMode((current) => (current === 'board' ? 'code' : current));
  }, [newest?.id, self.role]);
  const [starter, setStarter] = useState<{ questionId: string; seq: number } | null>(null);
  const dropStarter = (questionId: string) => {
    setStarter((current) => ({ questionId, seq: (current?.seq ?? 0) + 1 }));
    setMode((current) => (current === 'code' ? 'split' : current));
  };
  const [sideShare, setSideShare] = useState(() => storedFraction('side', Math.min(0.5, Math.max(0.3, 400 / window.innerWidth)), 0.2, 0.5));

  return (
    <div className="room">
      <Header
        session={session}
        view={snapshot.view}
        self={self}
        participants={presenceOf(snapshot)}
        connection={summarizeConnection(snapshot)}
        clockOffset={snapshot.clockOffset}
      />
      {snapshot.view && pairing && <PeerBar session={session} snapshot={snapshot} view={snapshot.view} pairing={pairing} self={self} />}
      <ClockAlert question={live ? currentQuestion(live) : null} offset={snapshot.clockOffset} role={self.role} />
      <AnnouncementBar
        announcements={announcements}
        onDismiss={dismiss}
        onShow={(announcement) => setShowing((current) => ({ announcement, seq: (current?.seq ?? 0) + 1 }))}
      />
      <NoticeStack notices={snapshot.notices} session={session} />
      <div className="room__body" ref={body} style={{ ['--side-share' as string]: String(sideShare) }}>
        <Workspace
          mode={mode}
          onMode={choosePane}
          board={
            board && (
              <Suspense fallback={<p className="pane-loading">Loading the whiteboard…</p>}>
                <Whiteboard
                  shared={board}
                  readOnly={docAccess(self.role, 'board', ended) !== 'write'}
                  followViewport={follow.leaderView?.viewport ?? null}
                  onOwnScroll={() => follow.follow(null)}
                  starter={starter}
                />
              </Suspense>
            )
          }
          code={
            code && (
              <>
                <CodeEditor shared={code} readOnly={docAccess(self.role, 'code', ended) !== 'write'} />
                <RunPanel session={session} snapshot={snapshot} self={self} shared={code} readOnly={docAccess(self.role, 'code', ended) !== 'write'} />
              </>
            )
          }
          tools={<FollowControls session={session} self={self} participants={snapshot.participants} follow={follow} />}
          leaderColor={snapshot.participants.find((person) => person.id === follow.leaderId)?.color ?? null}
        />
        <Splitter
          orientation="vertical"
          fromEnd
          value={sideShare}
          min={0.2}
          max={0.5}
          container={() => body.current}
          onChange={setSideShare}
          onCommit={(value) => storeFraction('side', value)}
          label="Resize the question panel"
          testId="side-divider"
        />
        {/* The call has its own place at the top of the side column, so it never sits on the workspace's controls. */}
        <div className="side-column" data-testid="side-column">
          <CallPanel session={session} />
          <QuestionPanel
            session={session}
            view={snapshot.view}
            self={self}
            docs={docs}
            clockOffset={snapshot.clockOffset}
            scorecard={snapshot.scorecard}
            feedback={snapshot.feedback}
            chat={snapshot.chat}
            participants={snapshot.participants}
            showing={showing}
            dropStarter={dropStarter}
          />
        </div>
      </div>
    </div>
  );
}

/** Both panes when the screen has room for them; otherwise the one the track works in. */
function defaultPaneMode(track: string | undefined): PaneMode {
  if (window.innerWidth >= 1100) return 'split';
  return track === 'coding' ? 'code' : 'board';
}
