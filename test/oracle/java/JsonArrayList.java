import java.util.ArrayList;

/**
 * A JSON array as API Gateway hands it to a template: a {@code java.util.List} whose text is compact
 * JSON ({@code [{"foo":"bar"}]}), like json-smart's {@code JSONArray}, while a JSON object prints
 * as a Java map ({@code {foo=bar}}).
 */
public final class JsonArrayList extends ArrayList<Object> {
    private static final long serialVersionUID = 1L;

    @Override
    public String toString() {
        return MiniJson.toCompactJson(this);
    }
}
