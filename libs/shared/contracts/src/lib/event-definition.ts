/** A published event type at one version. Its topic is `<type>.v<version>`, e.g. `billing.bill.created.v1`. */
export interface EventDefinition<TPayload extends object = object> {
  /** `<context>.<aggregate>.<past-tense verb>`, e.g. `billing.bill.created`. */
  readonly type: string;
  readonly version: number;
  readonly topic: string;
  /** The contract class of the payload: class-validator decorators are its schema. */
  readonly payload: new () => TPayload;
  /** One sentence for the AsyncAPI document: when the event is published. */
  readonly description: string;
}

const EVENT_TYPE = /^[a-z]+(\.[a-z][a-z0-9-]*){2}$/;

export function defineEvent<TPayload extends object>(definition: {
  type: string;
  version: number;
  payload: new () => TPayload;
  description: string;
}): EventDefinition<TPayload> {
  if (!EVENT_TYPE.test(definition.type)) {
    throw new Error(`Event type "${definition.type}" must read <context>.<aggregate>.<verb>`);
  }
  if (!Number.isInteger(definition.version) || definition.version < 1) {
    throw new Error(`Event ${definition.type} needs a whole version number from 1`);
  }
  return Object.freeze({ ...definition, topic: `${definition.type}.v${definition.version}` });
}
