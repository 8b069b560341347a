import { addWorkingDays, isWorkingDay } from '../../src/bankruptcy/working-days';
import { isOverdue } from '../../src/bankruptcy/release-tasks';

describe('working-day calendar', () => {
  const plain = { holidays: [] as string[] };

  it('skips weekends: ten working days from a Tuesday end on the second Tuesday after', () => {
    expect(addWorkingDays('2026-12-01', 10, plain)).toBe('2026-12-15');
    // From a Friday: the next Monday is the first working day.
    expect(addWorkingDays('2026-12-04', 1, plain)).toBe('2026-12-07');
    expect(addWorkingDays('2026-12-04', 10, plain)).toBe('2026-12-18');
  });

  it('skips configured holidays and counts make-up working days (调休)', () => {
    const national = { holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'], makeupWorkdays: ['2026-10-10'] };
    expect(isWorkingDay('2026-10-01', national)).toBe(false);
    expect(isWorkingDay('2026-10-10', national)).toBe(true); // a Saturday worked
    expect(isWorkingDay('2026-10-11', national)).toBe(false);
    // From Wednesday 30 September: 8 and 9 October, Saturday the 10th, 12-16 October, then 19 and 20 October.
    expect(addWorkingDays('2026-09-30', 10, national)).toBe('2026-10-20');
    expect(addWorkingDays('2026-09-30', 10, plain)).toBe('2026-10-14');
  });

  it('calls a task overdue only after its due date and only while not released', () => {
    expect(isOverdue({ state: 'PENDING', dueOn: '2026-12-15' }, '2026-12-15')).toBe(false);
    expect(isOverdue({ state: 'PENDING', dueOn: '2026-12-15' }, '2026-12-16')).toBe(true);
    expect(isOverdue({ state: 'RELEASING', dueOn: '2026-12-15' }, '2026-12-16')).toBe(true);
    expect(isOverdue({ state: 'RELEASED', dueOn: '2026-12-15' }, '2026-12-16')).toBe(false);
  });
});
