import { useEffect, useState } from 'react';
import { App, Button, Card, Col, InputNumber, Row, Space } from 'antd';
import { getCalendar, putCalendar, type CalendarDay, type CalendarYear } from '../../api/admin.ts';
import { ApiError } from '../../api/errors.ts';
import { errorText } from '../../components/ErrorNote.tsx';
import { m } from '../../i18n/index.ts';
import { isWeekend, monthGrid, nextKind } from './calendar/monthGrid.ts';
import { PageTitle } from '../../components/PageTitle.tsx';

const COLORS = { holiday: '#ffccc7', workday: '#d9f7be', weekend: '#f5f5f5' };

/** The working-day calendar: a year of months; a click cycles a day through holiday and make-up workday. */
export default function Calendar() {
  const { message } = App.useApp();
  const [year, setYear] = useState(new Date().getFullYear());
  const [cal, setCal] = useState<CalendarYear>({ year, days: [] });
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    getCalendar(year).then(
      (c) => setCal({ ...c, days: c.days ?? [] }),
      (e: unknown) => {
        setCal({ year, days: [] });
        if (!(e instanceof ApiError && (e.status === 404 || e.code === 'CALENDAR_YEAR_MISSING'))) message.error(errorText(e));
      },
    );
  }, [year, message]);

  const byDate = new Map(cal.days.map((d) => [d.date, d]));
  const toggle = (date: string) => {
    const kind = nextKind(byDate.get(date)?.kind, isWeekend(date));
    const rest = cal.days.filter((d) => d.date !== date);
    const day: CalendarDay | null = kind ? { date, kind, ...(byDate.get(date)?.name ? { name: byDate.get(date)!.name } : {}) } : null;
    setCal({ ...cal, days: day ? [...rest, day].sort((a, b) => a.date.localeCompare(b.date)) : rest });
  };
  async function save() {
    setBusy(true);
    try {
      setCal(await putCalendar({ ...cal, year }));
      message.success(m.app.saved);
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
        <PageTitle>{m.calendar.title}</PageTitle>
        <Space>
          {m.calendar.year}
          <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />
          <Button type="primary" loading={busy} onClick={() => void save()}>{m.app.save}</Button>
        </Space>
      </Space>
      <Space style={{ marginBottom: 8, fontSize: 12 }}>
        <span style={{ background: COLORS.holiday, padding: '0 6px' }}>{m.calendar.holiday}</span>
        <span style={{ background: COLORS.workday, padding: '0 6px' }}>{m.calendar.workday}</span>
        <span style={{ background: COLORS.weekend, padding: '0 6px' }}>{m.calendar.weekend}</span>
        <span>{m.calendar.legend}</span>
      </Space>
      <Row gutter={[8, 8]}>
        {Array.from({ length: 12 }, (_, i) => i + 1).map((month) => (
          <Col span={6} key={month}>
            <Card size="small" title={m.calendar.month(month)} styles={{ body: { padding: 6 } }}>
              <table style={{ width: '100%', borderCollapse: 'collapse', fontSize: 12, textAlign: 'center' }}>
                <thead>
                  <tr>{m.calendar.weekdays.map((w) => <th key={w} style={{ fontWeight: 400, color: '#888' }}>{w}</th>)}</tr>
                </thead>
                <tbody>
                  {monthGrid(year, month).map((week, wi) => (
                    <tr key={wi}>
                      {week.map((date, di) => {
                        if (!date) return <td key={di} />;
                        const day = byDate.get(date);
                        const bg = day ? COLORS[day.kind] : isWeekend(date) ? COLORS.weekend : undefined;
                        return (
                          <td key={di} style={{ padding: 0 }}>
                            <button
                              type="button"
                              title={day?.name ?? date}
                              data-date={date}
                              onClick={() => toggle(date)}
                              style={{ width: '100%', border: 0, background: bg ?? 'transparent', cursor: 'pointer', padding: '2px 0', fontSize: 12 }}
                            >
                              {Number(date.slice(8))}
                            </button>
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </Card>
          </Col>
        ))}
      </Row>
    </>
  );
}
