import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Answers regex questions with java.util.regex, for the differential test. One case per input line:
 * pattern, input and replacement as hex UTF-16 units separated by tabs. The first output line is the
 * Java version; then one answer line per case.
 */
public final class RegexOracle {
    private static final int MAX_FINDS = 20;

    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        PrintStream out = new PrintStream(System.out, false, "UTF-8");
        out.println(System.getProperty("java.specification.version"));
        String line;
        while ((line = in.readLine()) != null) {
            String[] fields = line.split("\t", -1);
            out.println(answer(unhex(fields[0]), unhex(fields[1]), unhex(fields[2])));
        }
        out.flush();
    }

    /** Thrown by {@link Deadline} when one case has run too long (Java has no step budget). */
    static final class TooSlow extends RuntimeException {
        TooSlow() {
            super(null, null, false, false);
        }
    }

    /** The input, checking the clock now and then so a catastrophic case cannot stall the run. */
    static final class Deadline implements CharSequence {
        private final String text;
        private final long deadline;
        private int reads;

        Deadline(String text, long deadline) {
            this.text = text;
            this.deadline = deadline;
        }

        public char charAt(int index) {
            if ((++reads & 0xfff) == 0 && System.nanoTime() > deadline) throw new TooSlow();
            return text.charAt(index);
        }

        public int length() {
            return text.length();
        }

        public CharSequence subSequence(int start, int end) {
            return text.substring(start, end);
        }

        public String toString() {
            return text;
        }
    }

    static String answer(String pattern, String text, String replacement) {
        CharSequence input = new Deadline(text, System.nanoTime() + 2_000_000_000L);
        Pattern p;
        try {
            p = Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            return "E\t" + hex(e.getDescription()) + "\t" + e.getIndex();
        }
        StringBuilder sb = new StringBuilder("M");
        try {
            sb.append('\t').append(p.matcher(input).matches() ? "1" : "0");
            sb.append('\t').append(finds(p, input));
            sb.append('\t').append(replaceAll(p, input, replacement));
            sb.append('\t').append(split(p, input, 0));
            sb.append('\t').append(split(p, input, -1));
            sb.append('\t').append(split(p, input, 2));
            sb.append('\t').append(findFrom(p, input, input.length() / 2));
        } catch (StackOverflowError | TooSlow e) {
            return "S";
        } catch (RuntimeException e) {
            return "X\t" + e.getClass().getSimpleName();
        }
        return sb.toString();
    }

    static String finds(Pattern p, CharSequence input) {
        Matcher m = p.matcher(input);
        StringBuilder sb = new StringBuilder();
        int n = 0;
        while (n < MAX_FINDS && m.find()) {
            if (n++ > 0) sb.append(';');
            sb.append(m.start()).append(',').append(m.end());
            for (int g = 1; g <= m.groupCount(); g++) sb.append(',').append(m.start(g)).append(',').append(m.end(g));
        }
        return sb.length() == 0 ? "-" : sb.toString();
    }

    static String findFrom(Pattern p, CharSequence input, int from) {
        Matcher m = p.matcher(input);
        if (!m.find(from)) return "-";
        StringBuilder sb = new StringBuilder().append(m.start()).append(',').append(m.end());
        for (int g = 1; g <= m.groupCount(); g++) sb.append(',').append(m.start(g)).append(',').append(m.end(g));
        return sb.toString();
    }

    static String replaceAll(Pattern p, CharSequence input, String replacement) {
        try {
            return "=" + hex(p.matcher(input).replaceAll(replacement));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return "!" + hex(String.valueOf(e.getMessage()));
        }
    }

    static String split(Pattern p, CharSequence input, int limit) {
        String[] pieces = p.split(input, limit);
        StringBuilder sb = new StringBuilder().append(pieces.length).append("[");
        for (int i = 0; i < pieces.length; i++) {
            if (i > 0) sb.append(',');
            sb.append(hex(pieces[i]));
        }
        return sb.append(']').toString();
    }

    static String hex(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) sb.append(String.format("%04x", (int) s.charAt(i)));
        return sb.toString();
    }

    static String unhex(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i + 4 <= s.length(); i += 4) sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
        return sb.toString();
    }
}
