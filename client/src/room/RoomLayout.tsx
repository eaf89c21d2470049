import { docAccess } from '@quorum/shared';
import { lazy, Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import { CallPanel } from '../call/CallPanel';
import { summarizeConnection } from '../sync/connectionState';
import type { RoomDocs } from '../sync/roomDocs';
import type { RoomSession, SessionSnapshot, Self } from '../sync/roomSession';
import { ClockAlert } from './clock/ClockAlert';
import { currentQuestion } from './currentQuestion';
import { CodeEditor } from './editor/CodeEditor';
import { Header } from './Header';
import { NoticeStack } from './NoticeStack';
import { PeerBar } from './peer/PeerBar';
import { QuestionPanel } from './questions/QuestionPanel';

// Excalidraw is the heaviest dependency by far; it loads after the room is already usable.
const Whiteboard = lazy(() => import('./whiteboard/Whiteboard'));

type Tab = 'board' | 'code';

interface Props {
  session: RoomSession;
  snapshot: SessionSnapshot;
  self: Self;
  docs: RoomDocs;
}

export function RoomLayout({ session, snapshot, self, docs }: Props) {
  const [tab, setTab] = useState<Tab>(() => (snapshot.view?.track === 'coding' ? 'code' : 'board'));
  const ended = snapshot.view?.phase === 'ended';
  // Once the interview is over, its clocks no longer warn anyone.
  const live = ended ? null : snapshot.view;
  const board = docs.get('board');
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

  return (
    <div className="room">
      <Header
        session={session}
        view={snapshot.view}
        self={self}
        participants={snapshot.participants}
        connection={summarizeConnection(snapshot)}
        clockOffset={snapshot.clockOffset}
      />
      {snapshot.view && pairing && <PeerBar session={session} snapshot={snapshot} view={snapshot.view} pairing={pairing} self={self} />}
      <ClockAlert question={live ? currentQuestion(live) : null} offset={snapshot.clockOffset} role={self.role} />
      <NoticeStack notices={snapshot.notices} session={session} />
      <div className="room__body">
        <section className="workspace" aria-label="Shared workspace">
          <div className="tabs" role="tablist" aria-label="Workspace">
            <TabButton id="board" label="Whiteboard" current={tab} onSelect={setTab} />
            <TabButton id="code" label="Code editor" current={tab} onSelect={setTab} />
          </div>
          {/* Both panes stay mounted so their documents keep syncing while hidden. */}
          <div className="workspace__panes">
            <Pane id="board" active={tab === 'board'}>
              {board && (
                <Suspense fallback={<p className="pane-loading">Loading the whiteboard…</p>}>
                  <Whiteboard shared={board} readOnly={docAccess(self.role, 'board', ended) !== 'write'} />
                </Suspense>
              )}
            </Pane>
            <Pane id="code" active={tab === 'code'}>
              {code && <CodeEditor shared={code} readOnly={docAccess(self.role, 'code', ended) !== 'write'} />}
            </Pane>
          </div>
        </section>
        <QuestionPanel
          session={session}
          view={snapshot.view}
          self={self}
          docs={docs}
          clockOffset={snapshot.clockOffset}
          scorecard={snapshot.scorecard}
          feedback={snapshot.feedback}
        />
      </div>
      <CallPanel session={session} />
    </div>
  );
}

/** A hidden pane is inert: nothing in it takes focus or clicks, yet its document stays live. */
function Pane({ id, active, children }: { id: Tab; active: boolean; children: ReactNode }) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (element.current) element.current.inert = !active;
  }, [active]);
  return (
    <div ref={element} className="workspace__pane" role="tabpanel" id={`pane-${id}`} aria-labelledby={`tab-${id}`} data-active={active}>
      {children}
    </div>
  );
}

function TabButton({ id, label, current, onSelect }: { id: Tab; label: string; current: Tab; onSelect: (tab: Tab) => void }) {
  return (
    <button
      type="button"
      role="tab"
      id={`tab-${id}`}
      aria-selected={current === id}
      aria-controls={`pane-${id}`}
      className="tabs__tab"
      data-testid={`tab-${id}`}
      onClick={() => onSelect(id)}
    >
      {label}
    </button>
  );
}
