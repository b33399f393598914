import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.event.EventCartridge;
import org.apache.velocity.app.event.ReferenceInsertionEventHandler;
import org.apache.velocity.runtime.RuntimeInstance;
import org.apache.velocity.runtime.parser.node.SimpleNode;

/**
 * Renders mapping templates with Apache Velocity 1.7 set up like API Gateway, for differential tests.
 *
 * <p>Protocol: one JSON object a line on stdin,
 * {@code {"id", "template", "body", "params": {path, querystring, header}, "context", "stageVariables"}};
 * one JSON object a line on stdout, in the same order,
 * {@code {"id", "output"}} or {@code {"id", "error": "<exception class>", "message"}}.
 * Output is flushed whenever stdin has nothing more buffered, so a caller may send a batch and
 * wait for as many answers.
 *
 * <p>Set up like API Gateway where it differs from a plain 1.7 engine: a null or missing reference
 * renders as nothing ({@link #NULL_AS_EMPTY}), a null compares equal to an empty text
 * ({@link NullEqualsEmpty}), values are the Java types of {@link MiniJson}. Macros are local to
 * each case, so one case's {@code #macro} never leaks into the next.
 */
public final class OracleMain {
    private static final ReferenceInsertionEventHandler NULL_AS_EMPTY = new ReferenceInsertionEventHandler() {
        public Object referenceInsert(String reference, Object value) {
            return value == null ? "" : value;
        }
    };

    /** The renderer under test stops at 10 MB of output; a longer output is an error here too. */
    private static final long OUTPUT_LIMIT_CHARS = 10L * 1024 * 1024;

    /** A case that takes longer is reported as an error, so one runaway template cannot stall a batch. */
    private static final long CASE_TIME_LIMIT_MS = 5_000;

    private OracleMain() {
    }

    @SuppressWarnings("removal")
    private static String renderWithin(long limitMs, String line, String templateName) throws InterruptedException {
        final String[] answer = new String[1];
        final RuntimeInstance engine = velocity;
        Thread worker = new Thread(() -> answer[0] = renderCase(engine, line, templateName), templateName);
        worker.setDaemon(true);
        worker.start();
        worker.join(limitMs);
        if (worker.isAlive()) {
            // Velocity has no cancellation point; the harness is a throwaway process, so stopping is acceptable.
            worker.stop();
            worker.join(1_000);
            velocity = newVelocity();
            return "{\"id\":null,\"error\":\"Timeout\",\"message\":\"no answer within " + limitMs + " ms\"}";
        }
        return answer[0];
    }

    private static RuntimeInstance newVelocity() {
        RuntimeInstance velocity = new RuntimeInstance();
        velocity.setProperty("runtime.log.logsystem.class", "org.apache.velocity.runtime.log.NullLogChute");
        velocity.setProperty("velocimacro.permissions.allow.inline.local.scope", "true");
        velocity.init();
        return velocity;
    }

    /** The engine; replaced after a timeout, since the stopped render may have left it inconsistent. */
    private static RuntimeInstance velocity;

    public static void main(String[] args) throws Exception {
        velocity = newVelocity();

        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        Writer out = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
        long caseNumber = 0;
        String line;
        while ((line = in.readLine()) != null) {
            if (line.trim().isEmpty()) continue;
            caseNumber++;
            out.write(renderWithin(CASE_TIME_LIMIT_MS, line, "case-" + caseNumber));
            out.write('\n');
            if (!in.ready()) out.flush();
        }
        out.flush();
    }

    private static String renderCase(RuntimeInstance velocity, String line, String templateName) {
        String id = "null";
        try {
            Map<?, ?> request = (Map<?, ?>) MiniJson.parse(line);
            Object givenId = request.get("id");
            id = givenId == null ? "null" : MiniJson.quoteAscii(givenId.toString());
            String output = render(velocity, request, templateName);
            return "{\"id\":" + id + ",\"output\":" + MiniJson.quoteAscii(output) + "}";
        } catch (Throwable failure) {
            Throwable reported = failure;
            return "{\"id\":" + id + ",\"error\":" + MiniJson.quoteAscii(reported.getClass().getName())
                + ",\"message\":" + MiniJson.quoteAscii(String.valueOf(reported.getMessage())) + "}";
        }
    }

    private static String render(RuntimeInstance velocity, Map<?, ?> request, String templateName) throws Exception {
        String template = String.valueOf(request.get("template"));
        Object body = request.get("body");

        VelocityContext context = new VelocityContext();
        context.put("input", new InputVariable(body == null ? "" : body.toString(), InputVariable.paramsFrom(request.get("params"))));
        context.put("util", new UtilVariable());
        context.put("context", mapOrEmpty(request.get("context")));
        context.put("stageVariables", mapOrEmpty(request.get("stageVariables")));
        EventCartridge events = new EventCartridge();
        events.addEventHandler(NULL_AS_EMPTY);
        events.attachToContext(context);

        try {
            SimpleNode tree = velocity.parse(new StringReader(template), templateName);
            NullEqualsEmpty.rewrite(tree);
            BoundedWriter output = new BoundedWriter(OUTPUT_LIMIT_CHARS);
            velocity.render(context, output, templateName, tree);
            return output.toString();
        } finally {
            // The case's macros live in a namespace of its own; a long run would otherwise keep every one.
            velocity.dumpVMNamespace(templateName);
        }
    }

    private static Object mapOrEmpty(Object value) {
        return value instanceof Map ? value : new LinkedHashMap<String, Object>();
    }
}
