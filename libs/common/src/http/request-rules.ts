import { getMetadataStorage, IsDefined, ValidateBy, ValidationArguments, ValidationTypes } from 'class-validator';

/**
 * At most `places` decimal places. class-validator's own maxDecimalPlaces reads the digits after
 * the point of `String(value)`, and a tiny number written in exponent form (3e-323) has none: it
 * throws, and bad input became a 500. This one asks whether rounding to `places` keeps the value.
 */
export const MaxDecimalPlaces = (places: number) =>
  ValidateBy({
    name: 'maxDecimalPlaces',
    constraints: [places],
    validator: {
      validate: (value: unknown) => typeof value === 'number' && Number.isFinite(value) && Number(value.toFixed(places)) === value,
      defaultMessage: (a?: ValidationArguments) => `${a?.property} 最多 ${places} 位小数 (at most ${places} decimal places)`,
    },
  });

const required = new WeakSet<object>();

/**
 * A nested object (@ValidateNested) that is not @IsOptional() must be present: class-validator
 * skips a missing one silently, and the handler then read a property of undefined (a 500).
 * Applied once to every validated class, so no request class has to remember it.
 */
export function requireNestedObjects(): void {
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<Function, Array<{ type: string; propertyName: string; each?: boolean }>> };
  for (const [target, metas] of storage.validationMetadatas) {
    if (required.has(target)) continue;
    required.add(target);
    const optional = new Set(metas.filter((m) => m.type === ValidationTypes.CONDITIONAL_VALIDATION).map((m) => m.propertyName));
    const defined = new Set(metas.filter((m) => m.type === ValidationTypes.IS_DEFINED).map((m) => m.propertyName));
    for (const m of metas) {
      if (m.type === ValidationTypes.NESTED_VALIDATION && !optional.has(m.propertyName) && !defined.has(m.propertyName)) {
        IsDefined({ message: `${m.propertyName} 为必填项 (required)` })(target.prototype as object, m.propertyName);
        defined.add(m.propertyName);
      }
    }
  }
}
