/** What a failure's transport cause says, as far as the exit code needs it. */
interface TransportCause {
  readonly fault: string;
  readonly code: string;
  readonly host: string | undefined;
}

/** A connection the host accepted, then dropped before a complete response. */
const DROPPED = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET']);

function hostOf(url: unknown): string | undefined {
  try {
    return typeof url === 'string' ? new URL(url).host || undefined : undefined;
  } catch {
    return undefined;
  }
}

/** The transport error in a failure's cause chain (a live error or vitest's serialized copy). */
function transportCause(error: unknown): (TransportCause & { readonly causeCode?: unknown }) | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== null && typeof current === 'object'; depth++) {
    const candidate = current as {
      fault?: unknown;
      code?: unknown;
      url?: unknown;
      causeCode?: unknown;
      cause?: unknown;
    };
    if (
      typeof candidate.url === 'string' &&
      typeof candidate.fault === 'string' &&
      typeof candidate.code === 'string'
    )
      return {
        fault: candidate.fault,
        code: candidate.code,
        host: hostOf(candidate.url),
        causeCode: candidate.causeCode,
      };
    current = candidate.cause;
  }
  return undefined;
}

/**
 * The faults of a run's failures, one per error, with an outage read as one: when a host could
 * not be reached (a refused connection, DNS, TLS), a request to it that was in flight as it went
 * away (the connection dropped before a complete response) is part of that outage, not an API
 * fault of its own: checks run side by side, so an outage catches several mid-request.
 */
export function outageFaults(errors: readonly unknown[]): string[] {
  const causes = errors.map(transportCause);
  const down = new Set(causes.filter((cause) => cause?.fault === 'unreachable').map((cause) => cause?.host));
  return errors.map((error, index) => {
    const cause = causes[index];
    const dropped =
      cause !== undefined &&
      cause.fault === 'api' &&
      DROPPED.has(String(cause.causeCode)) &&
      down.has(cause.host);
    return dropped ? 'unreachable' : String((error as { fault?: unknown }).fault ?? 'unknown');
  });
}
