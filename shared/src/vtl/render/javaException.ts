/**
 * A Java exception thrown by a method a template called (index out of bounds, bad regex, number format).
 * Velocity wraps it in a MethodInvocationException and API Gateway answers 500; the renderer reports it
 * as the render's error at the call's position.
 */
export class JavaException extends Error {
  constructor(
    /** The Java class name, e.g. `java.lang.StringIndexOutOfBoundsException`. */
    readonly javaClass: string,
    message: string,
  ) {
    super(message);
  }
}
