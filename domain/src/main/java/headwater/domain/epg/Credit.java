package headwater.domain.epg;

import java.util.Objects;

/**
 * One person in a programme's {@code credits}.
 *
 * @param role for an actor, the part played ({@code role} attribute), or {@code null}
 * @param guest for an actor, whether the {@code guest} attribute says {@code yes}
 */
public record Credit(Kind kind, String name, String role, boolean guest) {
    public Credit {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }

    /** The DTD's credit elements, in the DTD's order. */
    public enum Kind {
        DIRECTOR("director"), ACTOR("actor"), WRITER("writer"), ADAPTER("adapter"), PRODUCER("producer"),
        COMPOSER("composer"), EDITOR("editor"), PRESENTER("presenter"), COMMENTATOR("commentator"), GUEST("guest");

        private final String element;

        Kind(String element) {
            this.element = element;
        }

        public String element() {
            return element;
        }

        /** The kind for an element name, or {@code null}. */
        public static Kind ofElement(String name) {
            for (Kind k : values()) {
                if (k.element.equals(name)) {
                    return k;
                }
            }
            return null;
        }
    }
}
