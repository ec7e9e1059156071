/** A JSON Schema fragment for one variable's value (a string). */
export type ValueSchema = Record<string, unknown>;

/** One configuration variable of a target: its shape, and what messages say about it. */
export interface VariableSpec {
  /** The variable name, such as `ACME_CLIENT_ID`. */
  name: string;
  /** JSON Schema for the value, such as `{ type: 'string', format: 'uuid' }`. */
  schema: ValueSchema;
  /** How the value must look, completing "NAME …": `must be a UUID`. */
  rule: string;
  /** An example value for messages; a placeholder such as `<client secret>` for secrets. */
  example: string;
  required?: boolean;
  /** Registered for redaction before validation, and never echoed in a message. */
  secret?: boolean;
  /** For a secret sent in a Basic header: the variable holding its client id. */
  clientIdVariable?: string;
  /** The matching key in the target's Postman environment, named in messages for Postman files. */
  postmanKey?: string;
}

/** Two variables that are set together or not at all. */
export interface VariablePair {
  first: string;
  second: string;
  /** Why they go together, for the message: `the identity-data-admin actor`. */
  purpose: string;
}

/** Everything the target-neutral validator needs to know about one target's variables. */
export interface VariableRules {
  /** Target name for messages, such as `Acme Identity`. */
  target: string;
  /** The env file a user edits, such as `env/acme.env`. */
  envFile: string;
  /** The committed example, such as `env/acme.env.example`. */
  exampleFile: string;
  variables: readonly VariableSpec[];
  pairs: readonly VariablePair[];
}
