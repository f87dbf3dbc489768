/** Writes are refused while the hash chain is broken and no administrator has acknowledged the break. */
export class ChainBrokenError extends Error {
  constructor(readonly position: number) {
    super(
      `事件哈希链在位置 ${position} 处断裂，写入已暂停，须由管理员核实并确认 ` +
        `(the event hash chain is broken at position ${position}: writes are refused until an administrator acknowledges it)`,
    );
    this.name = 'ChainBrokenError';
  }
}

/** An acknowledgement that does not match the break found (none, or another position). */
export class ChainAcknowledgementError extends Error {
  constructor(
    readonly code: 'chain_not_broken' | 'chain_break_position',
    message: string,
    readonly brokenAt: number | null,
  ) {
    super(message);
    this.name = 'ChainAcknowledgementError';
  }
}
