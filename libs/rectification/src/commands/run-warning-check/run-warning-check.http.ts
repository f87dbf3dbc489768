import { Body, Controller, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, Command, CommandMeta, MANAGERS } from '@platform/common';
import { DeadlineWarningCheck, WarningCheckReport } from '../../warnings/deadline-warning-check';
import { WarningCheckAnswer } from './run-warning-check.response';

/** A run takes no input: today comes from the clock, thresholds from each campaign. Unknown fields are refused. */
export class RunWarningCheckRequest {}

@ApiTags('rectification 整改台账')
@Controller('api/problems/warnings')
export class RunWarningCheckHttpController {
  constructor(private readonly check: DeadlineWarningCheck) {}

  @ApiOperation({ summary: '立即运行一次整改时限预警检查 (run the deadline warning check now)', description: '立即运行一次整改时限预警检查（平时由定时任务运行）；返回本次新发出的预警。 The check covers every problem: it is the platform\'s job, started by hand.' })
  @ApiCreatedResponse({ schema: WarningCheckAnswer })
  @Access({ roles: MANAGERS, mode: 'write', units: null })
  @Post('run')
  run(@Command() meta: CommandMeta, @Body() _body: RunWarningCheckRequest): Promise<WarningCheckReport> {
    return this.check.run(meta);
  }
}
