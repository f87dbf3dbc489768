import { BARE_DIGITS, orderedPositionTokens, PositionCodec } from '../position-token';

/**
 * KurrentDB's tokens are `C:` and the commit position zero-padded to 16 digits,
 * `C:0000000000004096`: they sort as the log, and `C:` keeps them apart from the embedded
 * store's. The platform writes no explicit transactions, so the prepare position equals the
 * commit position: an operator looks the event up in KurrentDB's UI at `C:4096/P:4096`. That
 * spelling, the form tokens had before they were ordered, is still read; one whose prepare
 * position differs names no event the platform wrote.
 */
export const KURRENTDB_POSITION_TOKENS: PositionCodec = orderedPositionTokens({
  prefix: 'C:',
  legacy: new RegExp(`^C:${BARE_DIGITS}/P:\\1$`),
  rule: 'KurrentDB 位置令牌为 C: 加 16 位数字，如 C:0000000000004096 (a KurrentDB position token is C: and 16 digits, e.g. C:0000000000004096; the older C:<commit>/P:<prepare> is read too)',
});
