package headwater.app.audit;

import headwater.domain.audit.AuditEvent;
import headwater.domain.audit.ChainHasher;
import headwater.security.audit.HashChain;
import java.util.Arrays;
import java.util.List;

/** The domain's {@link ChainHasher} on {@link HashChain}: an event's fields in their canonical order. */
public final class SecurityChainHasher implements ChainHasher {

    public static final SecurityChainHasher INSTANCE = new SecurityChainHasher();

    private SecurityChainHasher() {
    }

    @Override
    public String hash(String previousHash, long seq, AuditEvent event) {
        return HashChain.link(previousHash, seq, fields(event));
    }

    /** at (epoch milliseconds), actor kind, actor, address, action, target type, target id, before, after, outcome. */
    static List<String> fields(AuditEvent event) {
        return Arrays.asList(Long.toString(event.at().toEpochMilli()), event.actorKind(), event.actor(),
                event.address(), event.action(), event.targetType(), event.targetId(), event.before(), event.after(),
                event.outcome());
    }
}
