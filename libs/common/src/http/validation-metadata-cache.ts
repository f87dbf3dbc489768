import { getMetadataStorage } from 'class-validator';

type Metadata = { propertyName: string };
type Lookup = (target: Function, schema: string | undefined, always: boolean, strictGroups: boolean, groups?: string[]) => Metadata[];
interface Storage {
  getTargetValidationMetadatas: Lookup;
  groupByPropertyName(metadata: Metadata[]): Record<string, Metadata[]>;
  addValidationMetadata(metadata: unknown): void;
}

const cached = new WeakSet<object>();

/**
 * class-validator looks up a class's rules on every validation by walking every class that has
 * rules (an `instanceof` test each, for inherited rules) and filtering the result: with the
 * platform's 145 classes with rules that walk was the largest part of validating a command's
 * body and path. The rules only change while decorators run (at start, and when
 * requireNestedObjects adds its IsDefined rules), so the answers are kept per class and options and
 * forgotten whenever a rule is added. The lists are read, never changed, by the validator.
 */
export function cacheValidationMetadata(): void {
  const storage = getMetadataStorage() as unknown as Storage;
  if (cached.has(storage)) return;
  cached.add(storage);
  const lookup = storage.getTargetValidationMetadatas.bind(storage);
  const group = storage.groupByPropertyName.bind(storage);
  const add = storage.addValidationMetadata.bind(storage);
  let byTarget = new Map<Function, Map<string, Metadata[]>>();
  let grouped = new WeakMap<Metadata[], Record<string, Metadata[]>>();
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const key = `${schema ?? ''}\u0000${always}\u0000${strictGroups}\u0000${groups ? JSON.stringify(groups) : ''}`;
    let forTarget = byTarget.get(target);
    if (!forTarget) byTarget.set(target, (forTarget = new Map()));
    let found = forTarget.get(key);
    if (!found) forTarget.set(key, (found = lookup(target, schema, always, strictGroups, groups)));
    return found;
  };
  storage.groupByPropertyName = (metadata) => {
    let found = grouped.get(metadata);
    if (!found) grouped.set(metadata, (found = group(metadata)));
    return found;
  };
  storage.addValidationMetadata = (metadata) => {
    byTarget = new Map();
    grouped = new WeakMap();
    add(metadata);
  };
}
