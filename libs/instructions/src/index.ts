export * from './instructions.module';
export * from './instruction-commands';
export * from './commands/issue-instruction/issue-instruction';
export { ISSUE_INSTRUCTION_EXAMPLE } from './commands/issue-instruction/issue-instruction.http';
export * from './commands/acknowledge-instruction/acknowledge-instruction';
export * from './commands/report-on-instruction/report-on-instruction';
