import { controls, docAccess, type ChatMessage, type InterviewReport, type Participant, type RoomView, type Scorecard, type StaffRoomView } from '@quorum/shared';
import { useEffect, useMemo, useState } from 'react';
import type { RoomDocs } from '../../sync/roomDocs';
import type { RoomSession, Self } from '../../sync/roomSession';
import { describeError } from '../../ui/errorMessages';
import { reveal } from '../announce/AnnouncementBar';
import type { Announcement } from '../announce/whatChanged';
import { ChatPanel } from '../chat/ChatPanel';
import { useUnread } from '../chat/useUnread';
import { BankBrowser } from './BankBrowser';
import { CandidatePanel } from './CandidatePanel';
import { CustomQuestions } from './CustomQuestions';
import { InterviewOverview } from './InterviewOverview';
import { NotesPad } from './NotesPad';
import { noteStamp } from './noteStamp';
import { PanelTabs, type PanelTab } from './PanelTabs';
import { QuestionSet } from './QuestionSet';
import { ScorecardPanel } from '../scorecard/ScorecardPanel';

interface Props {
  session: RoomSession;
  view: RoomView | null;
  self: Self;
  docs: RoomDocs;
  clockOffset: number;
  scorecard: Scorecard | null;
  feedback: InterviewReport | null;
  chat: ChatMessage[];
  participants: Participant[];
  /** Bring this into view (a new question, hint or stage); `seq` repeats a request for the same one. */
  showing: { announcement: Announcement; seq: number } | null;
  /** Interviewer: puts a system-design question's starter diagram on the board. */
  dropStarter: (questionId: string) => void;
}

/** Opens the tab that shows an announcement (unless the person is typing in the chat), then scrolls to it. */
function useShowing(showing: Props['showing'], openTab: () => void) {
  useEffect(() => {
    if (!showing) return;
    if (document.activeElement?.id === 'chat-input') return;
    openTab();
    // The tab that holds it may render a few frames from now; wait for the element, briefly.
    let frame = 0;
    let tries = 0;
    const attempt = () => {
      tries += 1;
      if (document.getElementById(showing.announcement.target) || tries > 30) reveal(showing.announcement.target);
      else frame = window.requestAnimationFrame(attempt);
    };
    frame = window.requestAnimationFrame(attempt);
    return () => window.cancelAnimationFrame(frame);
  }, [showing?.seq]);
}

export function QuestionPanel({ session, view, self, docs, clockOffset, scorecard, feedback, chat, participants, showing, dropStarter }: Props) {
  const chatPanel = <ChatPanel session={session} messages={chat} participants={participants} self={self} />;
  return (
    <aside className="side-panel" aria-label="Questions" data-testid="question-panel">
      {!view ? (
        <p className="muted" role="status">
          Loading the room…
        </p>
      ) : view.role === 'candidate' ? (
        <CandidateTabs chat={chat} self={self} chatPanel={chatPanel} showing={showing}>
          <CandidatePanel view={view} offset={clockOffset} feedback={feedback} access={{ roomId: session.roomId, token: session.token }} />
        </CandidateTabs>
      ) : (
        <StaffPanel
          session={session}
          view={view}
          self={self}
          docs={docs}
          clockOffset={clockOffset}
          scorecard={scorecard}
          chat={chat}
          chatPanel={chatPanel}
          showing={showing}
          dropStarter={dropStarter}
        />
      )}
    </aside>
  );
}

function CandidateTabs({
  chat,
  self,
  chatPanel,
  showing,
  children,
}: {
  chat: ChatMessage[];
  self: Self;
  chatPanel: React.ReactNode;
  showing: Props['showing'];
  children: React.ReactNode;
}) {
  const [tab, setTab] = useState<'question' | 'chat'>('question');
  useShowing(showing, () => setTab('question'));
  const unread = useUnread(chat, tab === 'chat', self.id);
  return (
    <div className="staff-panel">
      <PanelTabs
        label="Side panel"
        current={tab}
        onSelect={setTab}
        tabs={[
          { id: 'question', label: 'Question' },
          { id: 'chat', label: 'Chat', count: unread, countLabel: 'unread' },
        ]}
      />
      <div className={tab === 'chat' ? 'staff-panel__body staff-panel__body--flush' : 'staff-panel__body'} role="tabpanel" id={`panel-${tab}`} aria-labelledby={`panel-tab-${tab}`}>
        {tab === 'question' ? children : chatPanel}
      </div>
    </div>
  );
}

type StaffTab = 'interview' | 'bank' | 'custom' | 'scorecard' | 'notes' | 'chat';

function StaffPanel({
  session,
  view,
  self,
  docs,
  clockOffset,
  scorecard,
  chat,
  chatPanel,
  showing,
  dropStarter,
}: Omit<Props, 'view' | 'feedback' | 'participants'> & { view: StaffRoomView; chatPanel: React.ReactNode }) {
  const [tab, setTab] = useState<StaffTab>('interview');
  useShowing(showing, () => setTab('interview'));
  const unread = useUnread(chat, tab === 'chat', self.id);
  // A question from the set opened in the Bank tab, with its rubric, before it is asked.
  const [preview, setPreview] = useState<string | null>(null);
  const steering = controls(self.role);
  // An ended interview takes no more questions; the set and the bank stay readable.
  const canAsk = steering && view.phase !== 'ended';
  const notes = docs.get('notes');
  const askedIds = useMemo(() => new Set(view.asked.map((item) => item.question.id)), [view.asked]);
  const access = useMemo(() => ({ roomId: session.roomId, token: session.token }), [session]);

  const currentId = view.asked.find((item) => item.askedId === view.currentAskedId)?.question.id ?? null;

  const showTab = (next: StaffTab) => {
    setTab(next);
    setPreview(null);
  };
  const ask = async (questionId: string) => {
    const result = await session.ask(questionId);
    if (!result.ok) return describeError(result.error);
    showTab('interview');
    return null;
  };
  const revealHint = async (askedId: string) => {
    const result = await session.revealHint(askedId);
    return result.ok ? null : describeError(result.error);
  };

  const tabs: PanelTab<StaffTab>[] = [
    { id: 'interview', label: 'Interview', count: view.asked.length, countLabel: 'asked' },
    { id: 'bank', label: 'Bank' },
    ...(steering ? [{ id: 'custom' as const, label: 'Custom' }] : []),
    { id: 'scorecard', label: 'Scorecard' },
    ...(notes ? [{ id: 'notes' as const, label: 'Notes' }] : []),
    { id: 'chat', label: 'Chat', count: unread, countLabel: 'unread' },
  ];

  return (
    <div className="staff-panel">
      <PanelTabs label="Question panel" tabs={tabs} current={tab} onSelect={showTab} />
      {tab === 'chat' && (
        <div className="staff-panel__body staff-panel__body--flush" role="tabpanel" id="panel-chat" aria-labelledby="panel-tab-chat">
          {chatPanel}
        </div>
      )}
      {tab !== 'notes' && tab !== 'chat' && (
        <div className="staff-panel__body" role="tabpanel" id={`panel-${tab}`} aria-labelledby={`panel-tab-${tab}`}>
          {tab === 'interview' && (
            <div className="stack">
              {view.suggested.length > 0 && (
                <QuestionSet
                  access={access}
                  questionIds={view.suggested}
                  askedIds={askedIds}
                  currentId={currentId}
                  candidateName={view.pairing?.names.candidate ?? null}
                  ask={canAsk ? ask : undefined}
                  onPreview={(questionId) => {
                    setTab('bank');
                    setPreview(questionId);
                  }}
                />
              )}
              <InterviewOverview
                asked={view.asked}
                currentAskedId={view.currentAskedId}
                offset={clockOffset}
                steer={steering ? { session, revealHint, dropStarter } : undefined}
                hasSet={view.suggested.length > 0}
                ended={view.phase === 'ended'}
              />
            </div>
          )}
          {tab === 'bank' && <BankBrowser access={access} ask={canAsk ? ask : undefined} askedIds={askedIds} initialSelected={preview} track={view.track} />}
        {tab === 'scorecard' && <ScorecardPanel session={session} view={view} card={scorecard} steering={steering} />}
        {tab === 'custom' && steering && (
          <CustomQuestions
            customQuestions={view.customQuestions}
            ask={ask}
            addCustom={async (input) => {
              const result = await session.addCustomQuestion(input);
              return result.ok ? result.data : { error: describeError(result.error) };
            }}
          />
          )}
        </div>
      )}
      {/* The notes editor stays mounted so switching tabs keeps its cursor and undo history. */}
      {notes && (
        <div className="staff-panel__body" role="tabpanel" id="panel-notes" aria-labelledby="panel-tab-notes" hidden={tab !== 'notes'}>
          <NotesPad
            shared={notes}
            readOnly={docAccess(self.role, 'notes', view.phase === 'ended') !== 'write'}
            stamp={() => noteStamp(view, Date.now() + clockOffset)}
          />
        </div>
      )}
    </div>
  );
}
