import { Rng } from './random';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** The office counts days in Asia/Shanghai, which has no daylight saving: a fixed UTC+8. */
const OFFSET = 8 * HOUR;

/**
 * The city's calendar, anchored at `now`: day 0 is the office's calendar day of `now`, day -1
 * the day before. Every action happens in office hours (08:30–18:00 local), so its UTC date is
 * its local date too.
 */
export class Calendar {
  /** UTC instant of local midnight of day 0. */
  private readonly day0: number;

  constructor(readonly now: number) {
    this.day0 = Math.floor((now + OFFSET) / DAY) * DAY - OFFSET;
  }

  /** UTC instant of local hh:mm on `day`. */
  at(day: number, hour: number, minute = 0): number {
    return this.day0 + day * DAY + hour * HOUR + minute * MINUTE;
  }

  dayOf(t: number): number {
    return Math.floor((t - this.day0) / DAY);
  }

  /** YYYY-MM-DD in the office's time zone. */
  date(t: number): string {
    return new Date(t + OFFSET).toISOString().slice(0, 10);
  }

  dateOfDay(day: number): string {
    return this.date(this.at(day, 12));
  }

  /** 0 Sunday … 6 Saturday, local. */
  weekday(t: number): number {
    return new Date(t + OFFSET).getUTCDay();
  }

  /** Local minutes after midnight. */
  minuteOfDay(t: number): number {
    return Math.floor(((t - this.day0) % DAY + DAY) % DAY / MINUTE);
  }

  /**
   * A working moment on the day of `t`: a random time between 08:30 and 17:45. Weekends mostly
   * move to the Monday after, as offices mostly rest then.
   */
  workTime(t: number, rng: Rng): number {
    let day = this.dayOf(t);
    const wd = this.weekday(this.at(day, 12));
    if (wd === 6 && rng.chance(0.75)) day += 2;
    else if (wd === 0 && rng.chance(0.85)) day += 1;
    return this.at(day, 8, 30) + rng.int(0, 555) * MINUTE;
  }

  /** A little after `prev`, still in the day's working hours: else the next working day. */
  shortlyAfter(prev: number, rng: Rng, minMinutes = 10, maxMinutes = 60): number {
    const t = prev + rng.int(minMinutes, maxMinutes) * MINUTE;
    const m = this.minuteOfDay(t);
    if (this.dayOf(t) === this.dayOf(prev) && m >= 8 * 60 && m < 23 * 60 + 30) return t;
    return Math.max(prev + MINUTE, this.workTime(this.at(this.dayOf(prev) + 1, 12), rng));
  }

  /** The next hh:20 after `t`: when the hourly deadline-warning job runs. */
  nextHourlyTick(t: number): number {
    const base = Math.floor((t - this.day0) / HOUR) * HOUR + this.day0 + 20 * MINUTE;
    return base > t ? base : base + HOUR;
  }

  /** 00:20 local of the day after `t`'s day: the job's first run of a new day. */
  nextDailyTick(t: number): number {
    const tick = this.at(this.dayOf(t), 0, 20);
    return tick > t ? tick : tick + DAY;
  }
}

export const iso = (t: number): string => new Date(t).toISOString();
