import { Body, Param, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { Access, Command, CommandMeta, CommandResult, CommandRoutes, fromLookup, MANAGERS, respond } from '@platform/common';
import type { Response } from 'express';
import { KeyTaskCommandController } from '../../key-task-commands';
import { KeyTaskUnits } from '../../key-task-units';
import { StockTakeParams } from '../../http/key-task-params';
import { closeStockTake } from './close-stock-take';

/** Closing takes nothing but the stock-take it names. */
export class CloseStockTakeRequest {}

@CommandRoutes('key tasks 重点任务', 'api/key-tasks/:taskId/stock-takes/:stockTakeId')
export class CloseStockTakeHttpController extends KeyTaskCommandController {
  @ApiOperation({ summary: '结束任务调度 (close a stock-take)', description: '结束调度：不再接受报送、点评或退回，其结果可作为通报发布' })
  @Access({ roles: MANAGERS, mode: 'write', units: fromLookup(KeyTaskUnits, 'taskId'), match: 'any' })
  @Post('close')
  handle(@Command() meta: CommandMeta, @Param() p: StockTakeParams, @Body() _body: CloseStockTakeRequest, @Res({ passthrough: true }) res: Response): Promise<CommandResult> {
    return respond(res, this.commands.execute(closeStockTake, { taskId: p.taskId, stockTakeId: p.stockTakeId }, meta));
  }
}
