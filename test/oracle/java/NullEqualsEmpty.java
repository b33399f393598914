import org.apache.velocity.context.InternalContextAdapter;
import org.apache.velocity.runtime.parser.Token;
import org.apache.velocity.runtime.parser.node.ASTEQNode;
import org.apache.velocity.runtime.parser.node.ASTNENode;
import org.apache.velocity.runtime.parser.node.Node;
import org.apache.velocity.runtime.parser.node.SimpleNode;

/**
 * API Gateway's one recorded departure from Velocity 1.7 comparison: a null (or missing) value
 * compares equal to a value whose text is empty ({@code $missing == ""} is true, recorded in
 * tmpl-input-path-nested-null-list), where plain 1.7 says false.
 *
 * <p>Velocity builds its syntax tree with fixed node classes, so after parsing every {@code ==} and
 * {@code !=} node is swapped for a subclass that settles the null-against-empty case itself and
 * hands every other pair to the 1.7 code unchanged. Each operand is evaluated exactly once (a
 * method call with side effects in a comparison runs once, as in 1.7).
 */
public final class NullEqualsEmpty {
    private NullEqualsEmpty() {
    }

    /** Replaces, in place, each equality node below {@code node}. */
    public static void rewrite(Node node) {
        for (int i = 0; i < node.jjtGetNumChildren(); i++) {
            Node child = node.jjtGetChild(i);
            rewrite(child);
            if (child instanceof ASTEQNode && !(child instanceof Equals)) {
                node.jjtAddChild(adopt(new Equals(), (SimpleNode) child, node), i);
            } else if (child instanceof ASTNENode && !(child instanceof NotEquals)) {
                node.jjtAddChild(adopt(new NotEquals(), (SimpleNode) child, node), i);
            }
        }
    }

    private static <T extends SimpleNode> T adopt(T replacement, SimpleNode original, Node parent) {
        for (int i = 0; i < original.jjtGetNumChildren(); i++) {
            Node operand = original.jjtGetChild(i);
            replacement.jjtAddChild(operand, i);
            operand.jjtSetParent(replacement);
        }
        replacement.setFirstToken(original.getFirstToken());
        ((Comparison) replacement).setLastToken(original.getLastToken());
        replacement.jjtSetParent(parent);
        return replacement;
    }

    private static boolean nullMeetsEmpty(Object left, Object right) {
        return (left == null && isEmptyText(right)) || (right == null && isEmptyText(left));
    }

    private static boolean isEmptyText(Object value) {
        return value != null && "".equals(value.toString());
    }

    /** What the two node classes share: token and operand access, and the 1.7 evaluation. */
    private interface Comparison {
        void setLastToken(Token token);

        Node[] swapOperands(Node[] operands);

        boolean evaluateAsVelocity17(InternalContextAdapter context);
    }

    /**
     * Evaluates both operands once; answers {@code whenNullMeetsEmpty} for a null against an empty
     * text, and otherwise runs the 1.7 code on the values already computed.
     */
    private static boolean compare(SimpleNode node, InternalContextAdapter context, boolean whenNullMeetsEmpty) {
        Node leftNode = node.jjtGetChild(0);
        Node rightNode = node.jjtGetChild(1);
        Object left = leftNode.value(context);
        Object right = rightNode.value(context);
        if (nullMeetsEmpty(left, right)) return whenNullMeetsEmpty;
        Comparison comparison = (Comparison) node;
        Node[] operands = comparison.swapOperands(new Node[] { new Evaluated(left, leftNode), new Evaluated(right, rightNode) });
        try {
            return comparison.evaluateAsVelocity17(context);
        } finally {
            comparison.swapOperands(operands);
        }
    }

    /** An operand already evaluated, so the 1.7 comparison code can run on it without evaluating twice. */
    private static final class Evaluated extends SimpleNode {
        private final Object value;
        private final String literal;

        Evaluated(Object value, Node source) {
            super(0);
            this.value = value;
            this.literal = source.literal();
        }

        @Override
        public Object value(InternalContextAdapter context) {
            return value;
        }

        @Override
        public String literal() {
            return literal;
        }
    }

    /** {@code ==} with the null-equals-empty rule. */
    public static final class Equals extends ASTEQNode implements Comparison {
        Equals() {
            super(0);
        }

        public void setLastToken(Token token) {
            last = token;
        }

        public Node[] swapOperands(Node[] operands) {
            Node[] previous = children;
            children = operands;
            return previous;
        }

        public boolean evaluateAsVelocity17(InternalContextAdapter context) {
            return super.evaluate(context);
        }

        @Override
        public boolean evaluate(InternalContextAdapter context) {
            return compare(this, context, true);
        }
    }

    /** {@code !=} with the null-equals-empty rule. */
    public static final class NotEquals extends ASTNENode implements Comparison {
        NotEquals() {
            super(0);
        }

        public void setLastToken(Token token) {
            last = token;
        }

        public Node[] swapOperands(Node[] operands) {
            Node[] previous = children;
            children = operands;
            return previous;
        }

        public boolean evaluateAsVelocity17(InternalContextAdapter context) {
            return super.evaluate(context);
        }

        @Override
        public boolean evaluate(InternalContextAdapter context) {
            return compare(this, context, false);
        }
    }
}
