/** The signed-in console: owns the agent socket and the conversation state, and lays out queue, list and conversation. */
import { useEffect, useReducer, useRef, useState } from 'preact/hooks';
import { roleAtLeast, type AgentProfile, type TeamAgent } from '@kefu/shared';
import { AgentClient, type ConnectionStatus, type Result } from '../net/agent-client.ts';
import { newClientId } from '@kefu/shared/client';
import { attentionCount, consoleReducer } from '../state/console-reducer.ts';
import { initialConsoleState } from '../state/console-state.ts';
import { NotesStore, useNotes } from '../state/notes-store.ts';
import { resyncTargets } from '../state/resync-targets.ts';
import type { MessageKey } from '../i18n/messages.ts';
import type { MessageParams } from '../i18n/translate.ts';
import { AppHeader } from './app-header.tsx';
import { ConversationView } from './conversation-view.tsx';
import { DepartmentsPage } from './departments-page.tsx';
import { HistoryPage } from './history-page.tsx';
import { LiveConversations } from './live-conversations.tsx';
import { TransferDialog } from './transfer-dialog.tsx';
import './desk-tools.css';
import { useHashPage, useHistoryId, useTicketNumber } from './hash-route.ts';
import { useI18n } from './i18n-context.ts';
import { MyConversations } from './my-conversations.tsx';
import { PushFeed } from './push-feed.ts';
import { useDeskSignals } from './notifications-effects.ts';
import { QueueList } from './queue-list.tsx';
import { ShortcutsDialog } from './shortcuts-dialog.tsx';
import { stepThrough } from './desk-shortcuts.ts';
import { useDeskKeys } from './use-desk-keys.ts';
import { SitesPage } from './sites-page.tsx';
import { TeamPage } from './team-page.tsx';
import { KbPage } from './kb-page.tsx';
import { ReportsPage } from './reports-page.tsx';
import { TicketAlertBanner, useTicketAlerts } from './ticket-alerts.tsx';
import { TicketFeed } from './ticket-feed.ts';
import { TicketsPage } from './tickets-page.tsx';

/** Props of {@link Workspace}. */
export interface WorkspaceProps {
  agent: AgentProfile;
  onSignOut(): void;
  /** The session ended (socket refused): back to sign-in. */
  onUnauthorized(): void;
}

function errorKey(result: Result<unknown>): MessageKey {
  return result.ok ? 'error_internal' : `error_${result.error.code}`;
}

function focusById(id: string): void {
  document.getElementById(id)?.focus();
}

/** Header + two columns. */
export function Workspace({ agent, onSignOut, onUnauthorized }: WorkspaceProps) {
  const { t } = useI18n();
  const hashPage = useHashPage();
  const historyId = useHistoryId();
  const ticketNumber = useTicketNumber();
  // A page the role may not see falls back to the desk (the server refuses its routes anyway).
  const supervising = roleAtLeast(agent.role, 'supervisor');
  const page = (hashPage === 'team' || hashPage === 'live') && !supervising ? 'desk' : (hashPage === 'departments' || hashPage === 'sites') && agent.role !== 'admin' ? 'desk' : hashPage;
  const [state, dispatch] = useReducer(consoleReducer, {
    ...initialConsoleState,
    agent,
    pageVisible: document.visibilityState !== 'hidden',
  });
  const [status, setStatus] = useState<ConnectionStatus>('connecting');
  const [accepting, setAccepting] = useState<string | null>(null);
  const [closing, setClosing] = useState<string | null>(null);
  const [alert, showAlert] = useState<{ key: MessageKey; params?: MessageParams } | null>(null);
  const setAlert = (key: MessageKey | null, params?: MessageParams) => showAlert(key ? { key, ...(params ? { params } : {}) } : null);
  const stateRef = useRef(state);
  stateRef.current = state;
  const clientRef = useRef<AgentClient | null>(null);
  const drafts = useRef(new Map<string, string>()).current;
  const notes = useRef(new NotesStore()).current;
  const ticketFeed = useRef(new TicketFeed()).current;
  const teamFeed = useRef(new PushFeed<TeamAgent>()).current;
  const ticketAlerts = useTicketAlerts(page === 'tickets' ? ticketNumber : undefined);
  const [transferring, setTransferring] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const unauthorizedRef = useRef(onUnauthorized);
  unauthorizedRef.current = onUnauthorized;
  const onTypingSignal = useDeskSignals({ state, dispatch, client: clientRef, status, deskShown: page === 'desk', t, onOpen: (id) => void select(id) });

  useEffect(() => {
    const client = new AgentClient({
      status: setStatus,
      hello: (result) => dispatch({ type: 'hello', result }),
      queue: (queue) => dispatch({ type: 'queue', queue }),
      conversation: (summary) => dispatch({ type: 'conversation', summary }),
      message: (message) => dispatch({ type: 'message', message }),
      typing: onTypingSignal,
      read: (mark) => dispatch({ type: 'read', ...mark }),
      resynced: (detail) => {
        notes.set(detail.conversation.id, detail.notes);
        dispatch({ type: 'opened', detail });
      },
      note: (note) => notes.add(note),
      ticket: (ticket) => ticketFeed.emit({ type: 'ticket', ticket }),
      ticketEvent: (event) => ticketFeed.emit({ type: 'event', event }),
      ticketAlert: (alert) => ticketAlerts.push(alert),
      teamAgent: (row) => teamFeed.emit(row),
      unauthorized: () => unauthorizedRef.current(),
      watched: () => resyncTargets(stateRef.current),
    });
    clientRef.current = client;
    client.start();
    // Signing in replaced the form that had focus; start keyboard and screen-reader users at the queue.
    focusById('queue-heading');
    return () => client.close();
  }, []);

  useEffect(() => {
    const onVisibility = () => dispatch({ type: 'page-visible', visible: document.visibilityState === 'visible' });
    document.addEventListener('visibilitychange', onVisibility);
    return () => document.removeEventListener('visibilitychange', onVisibility);
  }, []);

  const count = attentionCount(state) + ticketAlerts.alerts.length;
  useEffect(() => {
    document.title = count > 0 ? `(${count}) ${t('appTitle')}` : t('appTitle');
  }, [count, t]);

  // One of my conversations was given to someone else: say where it went (it has left the list).
  useEffect(() => {
    const away = state.handedAway;
    if (!away) return;
    drafts.delete(away.conversationId);
    if (away.agentName) setAlert('handedAwayTo', { visitor: away.visitorName, name: away.agentName });
    else setAlert('handedAwayToQueue', { visitor: away.visitorName });
  }, [state.handedAway]);

  useEffect(() => {
    if (!alert) return;
    const timer = setTimeout(() => setAlert(null), 6000);
    return () => clearTimeout(timer);
  }, [alert]);

  const accept = async (conversationId: string) => {
    const client = clientRef.current;
    if (!client) return;
    setAccepting(conversationId);
    const res = await client.accept(conversationId);
    setAccepting(null);
    if (res.ok) {
      notes.set(conversationId, res.data.notes);
      dispatch({ type: 'accepted', detail: res.data });
      return;
    }
    if (res.error.code === 'conflict' || res.error.code === 'not_found' || res.error.code === 'invalid_state') {
      dispatch({ type: 'taken', conversationId });
      setAlert(res.error.code === 'conflict' ? 'takenByOther' : errorKey(res));
      focusById('queue-heading');
    } else {
      setAlert(errorKey(res));
    }
  };

  const select = async (conversationId: string) => {
    dispatch({ type: 'select', conversationId });
    const view = stateRef.current.conversations[conversationId];
    if (view?.loaded || !clientRef.current) return;
    const res = await clientRef.current.open(conversationId);
    if (res.ok) {
      notes.set(conversationId, res.data.notes);
      dispatch({ type: 'opened', detail: res.data });
    } else setAlert(errorKey(res));
  };

  const addNote = async (conversationId: string, text: string) => {
    const res = await clientRef.current?.note(conversationId, newClientId(), text);
    if (res?.ok) notes.add(res.data.note);
    else if (res) setAlert(errorKey(res));
  };

  const deliver = async (conversationId: string, clientId: string, text: string) => {
    const client = clientRef.current;
    if (!client) return;
    const res = await client.send(conversationId, clientId, text);
    if (res.ok) {
      dispatch({ type: 'reply-sent', conversationId, clientId, message: res.data.message });
    } else {
      dispatch({ type: 'reply-failed', conversationId, clientId });
      if (res.error.code !== 'timeout') setAlert(errorKey(res));
    }
  };

  const send = (conversationId: string, text: string) => {
    const clientId = newClientId();
    dispatch({ type: 'reply-pending', conversationId, reply: { clientId, text, createdAt: Date.now(), status: 'sending' } });
    void deliver(conversationId, clientId, text);
  };

  const retry = (conversationId: string, clientId: string) => {
    const reply = stateRef.current.conversations[conversationId]?.pending.find((p) => p.clientId === clientId);
    if (!reply) return;
    dispatch({ type: 'reply-retry', conversationId, clientId });
    void deliver(conversationId, clientId, reply.text);
  };

  const close = async (conversationId: string) => {
    const client = clientRef.current;
    if (!client) return;
    setClosing(conversationId);
    const res = await client.closeConversation(conversationId);
    setClosing(null);
    if (res.ok) dispatch({ type: 'conversation', summary: res.data.conversation });
    else setAlert(errorKey(res));
  };

  const loadOlder = async (conversationId: string) => {
    const first = stateRef.current.conversations[conversationId]?.messages[0];
    if (!first || !clientRef.current) return;
    const res = await clientRef.current.history(conversationId, first.seq);
    if (res.ok) dispatch({ type: 'older', conversationId, beforeSeq: first.seq, page: res.data });
    else setAlert(errorKey(res));
  };

  const remove = (conversationId: string) => {
    dispatch({ type: 'remove', conversationId });
    drafts.delete(conversationId);
    focusById('mine-heading');
  };

  const open = state.openId ? state.conversations[state.openId] : undefined;
  const openNotes = useNotes(notes, state.openId);
  const mine = state.mine.flatMap((id) => state.conversations[id] ?? []);

  useDeskKeys((action) => {
    if (action === 'help') return setHelpOpen(true);
    if (page !== 'desk') return;
    if (action === 'acceptNext') {
      const first = stateRef.current.queue[0];
      if (first && accepting === null) void accept(first.id);
    } else if (action === 'next' || action === 'previous') {
      const id = stepThrough(stateRef.current.mine, stateRef.current.openId ?? undefined, action === 'next' ? 1 : -1);
      if (id) void select(id);
    } else focusById(action === 'reply' ? 'reply-input' : 'queue-heading');
  });

  return (
    <div class="app">
      <AppHeader agent={agent} status={status} page={page} onSignOut={onSignOut} onShortcuts={() => setHelpOpen(true)} />
      {page === 'team' && <TeamPage me={agent} feed={teamFeed} status={status} />}
      {page === 'departments' && <DepartmentsPage />}
      {page === 'history' && <HistoryPage client={clientRef.current} openId={historyId} canExport={supervising} />}
      {page === 'tickets' && <TicketsPage me={agent} client={clientRef.current} openNumber={ticketNumber} feed={ticketFeed} />}
      {page === 'sites' && <SitesPage />}
      {page === 'kb' && <KbPage />}
      {page === 'reports' && <ReportsPage />}
      {page === 'live' && (
        <LiveConversations
          client={clientRef.current}
          me={agent}
          onOpen={(id) => {
            location.hash = '#/';
            void select(id);
          }}
        />
      )}
      {/* The desk stays mounted (hidden) on other pages: its drafts and scroll positions survive a visit. */}
      {/* On a phone the desk shows one column at a time: the lists, or the open conversation with a way back. */}
      <div class={open ? 'columns has-open' : 'columns'} hidden={page !== 'desk'}>
        <aside class="sidebar">
          <QueueList queue={state.queue} accepting={accepting} onAccept={(id) => void accept(id)} />
          <MyConversations views={mine} openId={state.openId} onSelect={(id) => void select(id)} />
        </aside>
        <main class="main">
          {open ? (
            <ConversationView
              view={open}
              closing={closing === open.summary.id}
              drafts={drafts}
              onSend={(text) => send(open.summary.id, text)}
              onRetry={(clientId) => retry(open.summary.id, clientId)}
              onClose={() => void close(open.summary.id)}
              onRemove={() => remove(open.summary.id)}
              onLoadOlder={() => loadOlder(open.summary.id)}
              onBack={() => {
                dispatch({ type: 'select', conversationId: null });
                requestAnimationFrame(() => focusById('mine-heading'));
              }}
              onTyping={(typing) => (typing ? clientRef.current?.typing(open.summary.id) : clientRef.current?.stopTyping(open.summary.id))}
              notes={openNotes}
              onNote={(text) => void addNote(open.summary.id, text)}
              actions={
                (open.summary.assignedAgentId === agent.id || supervising) && (
                  <button type="button" class="transfer-button" aria-haspopup="dialog" onClick={() => setTransferring(true)}>
                    {t('transfer')}
                  </button>
                )
              }
            />
          ) : (
            <p class="placeholder">{t('selectPrompt')}</p>
          )}
        </main>
      </div>
      {transferring && open && clientRef.current && (
        <TransferDialog
          client={clientRef.current}
          conversation={open.summary}
          mayOverfill={supervising}
          onCancel={() => setTransferring(false)}
          onDone={(summary) => {
            setTransferring(false);
            dispatch({ type: 'conversation', summary });
            // Handed to someone else: it leaves this agent's list (a supervisor may still open it from 全部会话).
            if (summary.assignedAgentId !== agent.id) remove(summary.id);
            setAlert('transferDone');
          }}
        />
      )}
      {helpOpen && <ShortcutsDialog onClose={() => setHelpOpen(false)} />}
      <TicketAlertBanner alerts={ticketAlerts.alerts} onDismiss={ticketAlerts.dismiss} />
      <div class="toast-region" role="alert">
        {alert && <p class="toast">{t(alert.key, alert.params)}</p>}
      </div>
    </div>
  );
}
