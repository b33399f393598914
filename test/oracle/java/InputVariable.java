import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code $input} as API Gateway offers it to a mapping template: the raw body, JSONPath reads as Java
 * values ({@code path}) or as JSON text ({@code json}), and the method request parameters.
 * Only the JSONPath forms the generator writes are understood: {@code $}, {@code .name},
 * {@code ['name']}, {@code ["name"]} and {@code [index]}; anything else reads as missing.
 */
public final class InputVariable {
    private static final Object UNREADABLE = new Object();

    private final String body;
    private final Map<String, Object> params;
    private Object parsedBody;

    public InputVariable(String body, Map<String, Object> params) {
        this.body = body;
        this.params = params;
    }

    /** The payload text; an empty payload reads as {@code {}} (SEMANTICS 9.2). */
    public String getBody() {
        return body.isEmpty() ? "{}" : body;
    }

    /** The value at a JSONPath as a Java object, or null when missing or the body is not JSON. */
    public Object path(String jsonPath) {
        Object root = parsedBody();
        return root == UNREADABLE ? null : select(root, jsonPath);
    }

    /**
     * The value at a JSONPath as compact JSON text. A missing value gives {@code ""} (two quote
     * characters), as the conformance scenario unit-input-json-missing-on-nonobject says
     * (LocalStack; not recorded on AWS, SEMANTICS 16.4). Written like Jayway JsonPath's json-smart
     * provider ({@code LT_COMPRESS}: {@code /} not escaped), unlike a JSON array's own toString().
     */
    public String json(String jsonPath) {
        Object value = path(jsonPath);
        return value == null ? "\"\"" : MiniJson.toCompactJsonLt(value);
    }

    /** Every method request parameter: {@code {path={…}, querystring={…}, header={…}}}. */
    public Map<String, Object> params() {
        return params;
    }

    /** A parameter looked up in path, then query string, then headers; missing is the empty string. */
    public Object params(String name) {
        for (String where : new String[] { "path", "querystring", "header" }) {
            Object group = params.get(where);
            if (group instanceof Map && ((Map<?, ?>) group).containsKey(name)) return ((Map<?, ?>) group).get(name);
        }
        return "";
    }

    /**
     * The body, parsed once per render: a change made to a map that {@code $input.path} returned is
     * seen by later reads (as in our renderer; how AWS behaves is not recorded).
     */
    private Object parsedBody() {
        if (parsedBody == null) {
            try {
                parsedBody = MiniJson.parse(body);
            } catch (IllegalArgumentException e) {
                parsedBody = UNREADABLE;
            }
            if (parsedBody == null) parsedBody = UNREADABLE;
        }
        return parsedBody;
    }

    private static Object select(Object root, String jsonPath) {
        if (jsonPath == null || !jsonPath.startsWith("$")) return null;
        Object current = root;
        int at = 1;
        while (at < jsonPath.length()) {
            char c = jsonPath.charAt(at);
            String key;
            if (c == '.') {
                int end = at + 1;
                while (end < jsonPath.length() && jsonPath.charAt(end) != '.' && jsonPath.charAt(end) != '[') end++;
                key = jsonPath.substring(at + 1, end);
                at = end;
                if (key.isEmpty()) return null;
            } else if (c == '[') {
                int end = jsonPath.indexOf(']', at);
                if (end < 0) return null;
                key = jsonPath.substring(at + 1, end);
                at = end + 1;
            } else {
                return null;
            }
            current = step(current, key);
            if (current == null) return null;
        }
        return current;
    }

    private static Object step(Object current, String key) {
        boolean quoted = key.length() >= 2
            && (key.charAt(0) == '\'' || key.charAt(0) == '"')
            && key.charAt(key.length() - 1) == key.charAt(0);
        if (quoted) key = key.substring(1, key.length() - 1);
        if (current instanceof Map) return ((Map<?, ?>) current).get(key);
        if (current instanceof List && !quoted) {
            try {
                int index = Integer.parseInt(key);
                List<?> list = (List<?>) current;
                if (index < 0) index += list.size();
                return index >= 0 && index < list.size() ? list.get(index) : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** The parameter map from the case's {@code params} object, each group present. */
    public static Map<String, Object> paramsFrom(Object value) {
        Map<String, Object> result = new LinkedHashMap<String, Object>();
        Map<?, ?> given = value instanceof Map ? (Map<?, ?>) value : new LinkedHashMap<String, Object>();
        for (String where : new String[] { "path", "querystring", "header" }) {
            Object group = given.get(where);
            result.put(where, group instanceof Map ? group : new LinkedHashMap<String, Object>());
        }
        return result;
    }
}
