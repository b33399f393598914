import java.io.StringWriter;

/**
 * Collects a render's output and fails once it passes a limit, as the renderer under test stops a
 * runaway template (10 MB of output): a template that doubles a string in a loop ends in an error
 * on both sides instead of exhausting the harness's memory.
 */
final class BoundedWriter extends StringWriter {
    /** Thrown when the output passes the limit; reported like any other render error. */
    static final class OutputLimitExceeded extends RuntimeException {
        OutputLimitExceeded(long limit) {
            super("output longer than " + limit + " characters");
        }
    }

    private final long limit;
    private long written;

    BoundedWriter(long limit) {
        this.limit = limit;
    }

    private void count(long length) {
        written += length;
        if (written > limit) throw new OutputLimitExceeded(limit);
    }

    @Override
    public void write(int c) {
        count(1);
        super.write(c);
    }

    @Override
    public void write(char[] buffer, int offset, int length) {
        count(length);
        super.write(buffer, offset, length);
    }

    @Override
    public void write(String text, int offset, int length) {
        count(length);
        super.write(text, offset, length);
    }

    @Override
    public void write(String text) {
        count(text.length());
        super.write(text);
    }
}
