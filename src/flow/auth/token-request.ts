import { buildRequest } from '../step/build-request.ts';
import { captureValue, type Capture } from '../step/captures.ts';
import { renderUrl } from '../step/template.ts';
import type { Handler, HttpRequest, HttpResponse } from '../../http/types.ts';
import type { StepDefinition } from '../step/step.ts';
import type { RunVariables } from '../step/variables.ts';

/** A token obtained from the token step, or why none was. */
export type TokenGrant =
  | {
      readonly ok: true;
      readonly token: string;
      readonly expiresInSeconds: number | undefined;
      readonly sentAt: number;
    }
  | {
      readonly ok: false;
      readonly problem: string;
      /** The token endpoint accepted the request and never answered in time (a `TIMEOUT`). */
      readonly unanswered?: boolean;
    };

/**
 * The token step (step 01) as the keeper uses it: the same definition the flow runs, rendered
 * with `buildRequest`, and the same captures, so there is no second hand-written token request.
 */
export class TokenRequest {
  readonly step: StepDefinition;
  readonly tokenCapture: Capture;
  readonly expiresInCapture: Capture | undefined;

  constructor(options: { step: StepDefinition; tokenVariable: string; expiresInVariable: string }) {
    const find = (name: string) => options.step.captures?.find((capture) => capture.variable === name);
    const tokenCapture = find(options.tokenVariable);
    if (!tokenCapture)
      throw new Error(
        `Step ${options.step.id} captures no ${options.tokenVariable}; the token keeper needs it`,
      );
    this.step = options.step;
    this.tokenCapture = tokenCapture;
    this.expiresInCapture = find(options.expiresInVariable);
  }

  /** True when `request` is this step's request (same method and rendered URL). */
  matches(request: HttpRequest, vars: RunVariables): boolean {
    if (request.method !== this.step.request.method) return false;
    try {
      return renderUrl(this.step.request.url, vars.lookup) === request.url;
    } catch {
      return false;
    }
  }

  /** The token and lifetime a response of this step holds, when it is a success that holds one. */
  read(response: HttpResponse): { token: string; expiresInSeconds: number | undefined } | undefined {
    if (response.status !== this.step.expect.status) return undefined;
    const token = captureValue(this.tokenCapture, response);
    if (typeof token !== 'string' || token === '') return undefined;
    const expiresIn = this.expiresInCapture ? captureValue(this.expiresInCapture, response) : undefined;
    return {
      token,
      expiresInSeconds: typeof expiresIn === 'number' && expiresIn > 0 ? expiresIn : undefined,
    };
  }

  /**
   * Sends the token step's request again with the run's current variables. Never throws. A
   * refresh on behalf of teardown is marked `teardown` too, so the whole-run deadline cannot
   * stop the cleanup at its token.
   */
  async send(
    vars: RunVariables,
    send: Handler,
    now: () => number,
    options: { teardown?: boolean } = {},
  ): Promise<TokenGrant> {
    let request: HttpRequest;
    try {
      request = {
        ...buildRequest(this.step.request, vars.lookup),
        ...(options.teardown ? { teardown: true } : {}),
      };
    } catch (error) {
      return {
        ok: false,
        problem:
          `cannot build ${this.step.id}'s request: ` +
          `${error instanceof Error ? error.message : String(error)}`,
      };
    }
    const sentAt = now();
    let response: HttpResponse;
    try {
      response = await send(request);
    } catch (error) {
      return {
        ok: false,
        problem: `${this.step.id} got no response: ${error instanceof Error ? error.message : String(error)}`,
        unanswered: (error as { code?: unknown } | null)?.code === 'TIMEOUT',
      };
    }
    const grant = this.read(response);
    if (!grant) return { ok: false, problem: `${this.step.id} answered ${response.status} without a token` };
    return { ok: true, ...grant, sentAt };
  }
}
