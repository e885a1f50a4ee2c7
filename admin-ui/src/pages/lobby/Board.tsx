import { useEffect, useRef, useState } from 'react';
import { Spin, Typography } from 'antd';
import { useParams } from 'react-router';
import { boardStreamUrl, readBoard, type Board as BoardData } from '../../api/lobby.ts';
import { m } from '../../i18n/index.ts';

const t = m.lobby;

/** Says the call aloud where the browser can (speech synthesis), in Chinese. */
function announce(text: string): void {
  if (typeof window === 'undefined' || !('speechSynthesis' in window)) return;
  const u = new SpeechSynthesisUtterance(text);
  u.lang = 'zh-CN';
  window.speechSynthesis.speak(u);
}

/**
 * The lobby screen (大厅叫号屏): the number called and where to go, in very large type, each window's
 * number, what waits per category. Server-sent events keep it current; it announces every call in
 * text and, where the browser has it, by voice.
 */
export default function Board() {
  const { org = '' } = useParams();
  const [board, setBoard] = useState<BoardData | null>(null);
  const [calling, setCalling] = useState<string | null>(null);
  const source = useRef<EventSource | null>(null);

  useEffect(() => {
    void readBoard(org).then(setBoard, () => undefined);
    const es = new EventSource(boardStreamUrl(org));
    source.current = es;
    es.addEventListener('board', (e) => setBoard(JSON.parse((e as MessageEvent<string>).data) as BoardData));
    es.addEventListener('call', (e) => {
      const call = JSON.parse((e as MessageEvent<string>).data) as { ticketNumber: string; windowName: string; recall: boolean };
      const text = t.nowCalling(call.ticketNumber, call.windowName);
      setCalling(text);
      announce(text);
    });
    return () => es.close();
  }, [org]);

  if (!board) return <Spin style={{ margin: 96 }} />;
  const latest = calling ?? (board.calls[0] ? t.nowCalling(board.calls[0].number, board.calls[0].windowName) : t.noCalls);
  return (
    <main style={{ minHeight: '100vh', background: '#002766', color: '#fff', padding: '24px 40px', boxSizing: 'border-box' }}>
      <Typography.Title style={{ color: '#fff', fontSize: 40, margin: 0, textAlign: 'center' }}>{board.org.name} · {t.boardTitle}</Typography.Title>
      <div role="status" aria-live="assertive" data-testid="board-calling" style={{ fontSize: 64, fontWeight: 700, color: '#ffd666', textAlign: 'center', margin: '24px 0' }}>{latest}</div>
      <div style={{ display: 'grid', gridTemplateColumns: '2fr 1fr', gap: 32 }}>
        <table style={{ width: '100%', fontSize: 34, borderCollapse: 'collapse' }}>
          <thead><tr style={{ color: '#91caff' }}><th style={{ textAlign: 'left' }}>{t.windowCol}</th><th style={{ textAlign: 'left' }}>{t.currentCol}</th></tr></thead>
          <tbody>
            {board.windows.map((w) => (
              <tr key={w.id} style={{ borderTop: '1px solid #1d39c4' }}>
                <td style={{ padding: '8px 0' }}>{w.name}</td>
                <td data-testid={`board-window-${w.name}`} style={{ fontWeight: 700, color: w.status === 'paused' ? '#ff7875' : '#fff' }}>
                  {w.status === 'paused' ? `${t.paused}${w.reason ? `（${w.reason}）` : ''}` : (w.current?.number ?? '—')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <section>
          <div style={{ fontSize: 30, color: '#91caff' }}>{t.waiting}：{board.waiting.total}</div>
          {board.waiting.categories.map((c) => (
            <div key={c.code} style={{ fontSize: 30 }}>{c.prefix} {c.name}：{c.waiting}</div>
          ))}
          <div style={{ fontSize: 24, color: '#91caff', marginTop: 24 }}>
            {board.calls.slice(0, 6).map((c, i) => <div key={`${c.at}-${i}`}>{c.number} → {c.windowName}{c.recall ? `（${t.recall}）` : ''}</div>)}
          </div>
        </section>
      </div>
    </main>
  );
}
