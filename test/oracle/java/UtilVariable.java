import java.io.UnsupportedEncodingException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.apache.commons.lang.StringEscapeUtils;

/**
 * {@code $util} built from the Java libraries API Gateway most likely uses (SEMANTICS 9.3):
 * Commons Lang 2.6 for {@code escapeJavaScript}, {@code java.net.URLEncoder} for
 * {@code urlEncode}, UTF-8 base64, and the oracle's JSON reader for {@code parseJson}.
 * Arguments are taken as objects and stringified, since templates pass maps and numbers too.
 */
public final class UtilVariable {
    public String escapeJavaScript(Object value) {
        return value == null ? null : StringEscapeUtils.escapeJavaScript(value.toString());
    }

    public String urlEncode(Object value) throws UnsupportedEncodingException {
        return value == null ? "" : URLEncoder.encode(value.toString(), "UTF-8");
    }

    public String urlDecode(Object value) throws UnsupportedEncodingException {
        return value == null ? "" : URLDecoder.decode(value.toString(), "UTF-8");
    }

    public String base64Encode(Object value) {
        return value == null ? "" : Base64.getEncoder().encodeToString(value.toString().getBytes(StandardCharsets.UTF_8));
    }

    public String base64Decode(Object value) {
        return value == null ? "" : new String(Base64.getDecoder().decode(value.toString()), StandardCharsets.UTF_8);
    }

    public Object parseJson(Object value) {
        return value == null ? null : MiniJson.parse(value.toString());
    }
}
