package headwater.app.billing;

import headwater.domain.session.EndReason;
import headwater.domain.session.SessionService;
import headwater.domain.session.SessionView;
import java.util.List;

/** The live playback sessions the sweep looks at and ends: the server's {@link SessionService}. */
public interface LiveSessions {

    List<SessionView> list();

    boolean end(String sessionId, EndReason reason);

    static LiveSessions of(SessionService service) {
        return new LiveSessions() {
            @Override
            public List<SessionView> list() {
                return service.list();
            }

            @Override
            public boolean end(String sessionId, EndReason reason) {
                return service.end(sessionId, reason);
            }
        };
    }
}
