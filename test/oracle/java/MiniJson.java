import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON reader and writers the oracle needs, written out because no JSON library is on the
 * classpath. Reading builds the Java values API Gateway's JSONPath provider would: objects become
 * {@link LinkedHashMap} (insertion order, {@code {k=v}} text), arrays {@link JsonArrayList} (compact
 * JSON text), integers Integer/Long/BigInteger by size, other numbers Double.
 */
public final class MiniJson {
    private final String text;
    private int at;

    private MiniJson(String text) {
        this.text = text;
    }

    /** Parses one JSON value; throws IllegalArgumentException on malformed input or trailing text. */
    public static Object parse(String text) {
        MiniJson reader = new MiniJson(text);
        reader.skipSpace();
        Object value = reader.value();
        reader.skipSpace();
        if (reader.at != text.length()) throw reader.fail("trailing text");
        return value;
    }

    private IllegalArgumentException fail(String why) {
        return new IllegalArgumentException("JSON " + why + " at offset " + at);
    }

    private void skipSpace() {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
            at++;
        }
    }

    private Object value() {
        if (at >= text.length()) throw fail("unexpected end");
        char c = text.charAt(at);
        switch (c) {
            case '{': return object();
            case '[': return array();
            case '"': return string();
            case 't': return word("true", Boolean.TRUE);
            case 'f': return word("false", Boolean.FALSE);
            case 'n': return word("null", null);
            default: return number();
        }
    }

    private Object word(String expected, Object result) {
        if (!text.startsWith(expected, at)) throw fail("unexpected character");
        at += expected.length();
        return result;
    }

    private Map<String, Object> object() {
        Map<String, Object> map = new LinkedHashMap<String, Object>();
        at++;
        skipSpace();
        if (peek() == '}') {
            at++;
            return map;
        }
        while (true) {
            skipSpace();
            if (peek() != '"') throw fail("expected a key");
            String key = string();
            skipSpace();
            if (peek() != ':') throw fail("expected ':'");
            at++;
            skipSpace();
            map.put(key, value());
            skipSpace();
            char c = peek();
            at++;
            if (c == '}') return map;
            if (c != ',') throw fail("expected ',' or '}'");
        }
    }

    private List<Object> array() {
        List<Object> list = new JsonArrayList();
        at++;
        skipSpace();
        if (peek() == ']') {
            at++;
            return list;
        }
        while (true) {
            skipSpace();
            list.add(value());
            skipSpace();
            char c = peek();
            at++;
            if (c == ']') return list;
            if (c != ',') throw fail("expected ',' or ']'");
        }
    }

    private char peek() {
        if (at >= text.length()) throw fail("unexpected end");
        return text.charAt(at);
    }

    private String string() {
        StringBuilder out = new StringBuilder();
        at++;
        while (true) {
            char c = peek();
            at++;
            if (c == '"') return out.toString();
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = peek();
            at++;
            switch (e) {
                case '"': out.append('"'); break;
                case '\\': out.append('\\'); break;
                case '/': out.append('/'); break;
                case 'b': out.append('\b'); break;
                case 'f': out.append('\f'); break;
                case 'n': out.append('\n'); break;
                case 'r': out.append('\r'); break;
                case 't': out.append('\t'); break;
                case 'u':
                    if (at + 4 > text.length()) throw fail("short \\u escape");
                    out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                    at += 4;
                    break;
                default: throw fail("bad escape");
            }
        }
    }

    private Object number() {
        int start = at;
        boolean integral = true;
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == '.' || c == 'e' || c == 'E') integral = false;
            else if (!(c == '-' || c == '+' || (c >= '0' && c <= '9'))) break;
            at++;
        }
        String literal = text.substring(start, at);
        if (literal.isEmpty()) throw fail("unexpected character");
        try {
            if (!integral) return Double.valueOf(literal);
            BigInteger big = new BigInteger(literal);
            if (big.bitLength() < 32) return Integer.valueOf(big.intValue());
            if (big.bitLength() < 64) return Long.valueOf(big.longValue());
            return big;
        } catch (NumberFormatException e) {
            throw fail("bad number");
        }
    }

    /** A JSON string literal whose non-ASCII characters are escaped, so lone surrogates survive transport. */
    public static String quoteAscii(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') out.append('\\').append(c);
            else if (c >= 0x20 && c < 0x7f) out.append(c);
            else out.append(String.format("\\u%04x", (int) c));
        }
        return out.append('"').toString();
    }

    /**
     * Compact JSON as json-smart's default style writes it ({@code JSONStyle.NO_COMPRESS}): no spaces,
     * every string quoted, {@code /} escaped, control and U+007F-U+009F, U+2000-U+20FF as upper-case
     * {@code \\uXXXX}.
     */
    public static String toCompactJson(Object value) {
        StringBuilder out = new StringBuilder();
        writeCompact(value, out, true);
        return out.toString();
    }

    /**
     * Compact JSON in json-smart's {@code JSONStyle.LT_COMPRESS}, the style Jayway JsonPath's
     * {@code JsonSmartJsonProvider.toJson} writes: as {@link #toCompactJson} but {@code /} as is.
     */
    public static String toCompactJsonLt(Object value) {
        StringBuilder out = new StringBuilder();
        writeCompact(value, out, false);
        return out.toString();
    }

    private static void writeCompact(Object value, StringBuilder out, boolean escapeSlash) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String) {
            writeQuoted((String) value, out, escapeSlash);
        } else if (value instanceof Double) {
            Double d = (Double) value;
            out.append(d.isInfinite() || d.isNaN() ? "null" : d.toString());
        } else if (value instanceof Map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                if (!first) out.append(',');
                first = false;
                writeQuoted(String.valueOf(entry.getKey()), out, escapeSlash);
                out.append(':');
                writeCompact(entry.getValue(), out, escapeSlash);
            }
            out.append('}');
        } else if (value instanceof List) {
            out.append('[');
            boolean first = true;
            for (Object item : (List<?>) value) {
                if (!first) out.append(',');
                first = false;
                writeCompact(item, out, escapeSlash);
            }
            out.append(']');
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value.toString());
        } else {
            writeQuoted(value.toString(), out, escapeSlash);
        }
    }

    private static void writeQuoted(String s, StringBuilder out, boolean escapeSlash) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': out.append("\\\""); break;
                case '\\': out.append("\\\\"); break;
                case '/': if (escapeSlash) out.append("\\/"); else out.append('/'); break;
                case '\b': out.append("\\b"); break;
                case '\f': out.append("\\f"); break;
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                case '\t': out.append("\\t"); break;
                default:
                    if (c <= 0x1f || (c >= 0x7f && c <= 0x9f) || (c >= 0x2000 && c <= 0x20ff)) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
            }
        }
        out.append('"');
    }
}
