/**
 * The parts of HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/) idflow writes. Fields
 * starting with `_` are custom, which the spec allows and importers (Chrome devtools, Postman)
 * ignore. A size or time of -1 means "not known".
 */
export interface Har {
  readonly log: {
    readonly version: '1.2';
    readonly creator: { readonly name: string; readonly version: string };
    readonly pages: readonly HarPage[];
    readonly entries: readonly HarEntry[];
  };
}

export interface HarPage {
  readonly startedDateTime: string;
  readonly id: string;
  readonly title: string;
  readonly pageTimings: { readonly onContentLoad: number; readonly onLoad: number };
}

export interface HarNameValue {
  readonly name: string;
  readonly value: string;
}

export interface HarRequest {
  readonly method: string;
  readonly url: string;
  readonly httpVersion: string;
  readonly cookies: readonly HarNameValue[];
  readonly headers: readonly HarNameValue[];
  readonly queryString: readonly HarNameValue[];
  readonly postData?: { readonly mimeType: string; readonly text: string };
  readonly headersSize: number;
  readonly bodySize: number;
}

export interface HarResponse {
  /** 0 when no answer came. */
  readonly status: number;
  readonly statusText: string;
  readonly httpVersion: string;
  readonly cookies: readonly HarNameValue[];
  readonly headers: readonly HarNameValue[];
  readonly content: {
    readonly size: number;
    readonly mimeType: string;
    readonly text?: string;
    readonly comment?: string;
  };
  readonly redirectURL: string;
  readonly headersSize: number;
  readonly bodySize: number;
  /** Why no answer came, as Chrome devtools writes it for a failed request. */
  readonly _error?: string;
}

export interface HarTimings {
  readonly blocked: number;
  readonly dns: number;
  readonly connect: number;
  readonly send: number;
  readonly wait: number;
  readonly receive: number;
}

export interface HarEntry {
  readonly pageref: string;
  readonly startedDateTime: string;
  /** Sum of the timings that are not -1, in ms. */
  readonly time: number;
  readonly request: HarRequest;
  readonly response: HarResponse;
  readonly cache: Record<string, never>;
  readonly timings: HarTimings;
  /** The id of the step or probe that sent it. */
  readonly _idflowCheck: string;
  readonly _correlationId?: string;
  /** Each attempt the client repeated before the answer shown. */
  readonly _retries?: readonly {
    readonly outcome: string;
    readonly waitedMs: number;
    readonly basis: string;
  }[];
}
