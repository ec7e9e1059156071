import { literal } from './script-literal.ts';
import type { Capture } from '../flow/step/captures.ts';

/** A `capture <variable>` test that keeps the value in a collection variable for later requests. */
export function captureTest(capture: Capture): string {
  const spec = {
    variable: capture.variable,
    pointer: capture.pointer,
    ...(capture.select ? { select: capture.select } : {}),
    ...(capture.keepExisting ? { keepExisting: true } : {}),
    ...(capture.id ? { id: true } : {}),
    ...(capture.optional ? { optional: true } : {}),
    ...(capture.secret ? { secret: true } : {}),
  };
  return `pm.test(${literal(`capture ${capture.variable}`)}, function () { idflow.capture(${literal(spec)}); });`;
}
