import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, Clock } from '@platform/common';
import { RECTIFICATION_CONFIG, RectificationConfig } from './rectification-config';

/** Today as the campaign office counts days: deadlines are calendar days in its time zone. */
@Injectable()
export class OfficeCalendar {
  private readonly format: Intl.DateTimeFormat;

  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(RECTIFICATION_CONFIG) config: RectificationConfig,
  ) {
    // en-CA formats as YYYY-MM-DD.
    this.format = new Intl.DateTimeFormat('en-CA', { timeZone: config.officeTimeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  }

  today(): string {
    return this.format.format(this.clock());
  }
}
