import { Body, Param, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { Access, ApiRequestExample, Command, CommandMeta, CommandResult, CommandRoutes, fromParams, NoControlCharacters, respond } from '@platform/common';
import type { Response } from 'express';
import { MemberCommandController } from '../../member-commands';
import { UnitMemberParams } from '../../member-params';
import { renameMember } from './rename-member';

export class RenameMemberRequest {
  /** 更正后的姓名 */
  @IsString()
  @Length(1, 50)
  @NoControlCharacters()
  name!: string;
}

@CommandRoutes('member roster 党员名册', 'api/units/:unitId/members/:memberId')
export class RenameMemberHttpController extends MemberCommandController {
  @ApiOperation({ summary: '更正党员姓名 (correct a member’s name)', description: '更正名册中党员的姓名；状态另行登记' })
  @ApiRequestExample(RenameMemberRequest, '更正姓名 (corrected name)', { name: '王某某' })
  @Access({ roles: ['admin', 'office', 'operator'], mode: 'write', units: fromParams('unitId') })
  @Post('name')
  handle(@Command() meta: CommandMeta, @Param() p: UnitMemberParams, @Body() body: RenameMemberRequest, @Res({ passthrough: true }) res: Response): Promise<CommandResult> {
    return respond(res, this.commands.execute(renameMember, { unitId: p.unitId, memberId: p.memberId, ...body }, meta));
  }
}
