import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, Command, CommandMeta, CommandResult, respond } from '@platform/common';
import type { Response } from 'express';
import { RegisterUserCommand } from './register-user.command';
import { RegisterUserRequest } from './register-user.request.dto';

@ApiTags('users 用户')
@Controller('api/users')
export class RegisterUserHttpController {
  constructor(private readonly bus: CommandBus) {}

  @ApiOperation({ summary: '新建用户 (register a user)', description: '新建用户：角色、工作范围（组织子树）与初始密码' })
  @Access({ roles: ['admin'], mode: 'write', units: null })
  @Post()
  register(@Command() meta: CommandMeta, @Body() body: RegisterUserRequest, @Res({ passthrough: true }) res: Response): Promise<CommandResult> {
    return respond(res, this.bus.execute(new RegisterUserCommand(meta, body)));
  }
}
