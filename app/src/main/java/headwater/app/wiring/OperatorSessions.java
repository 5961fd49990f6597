package headwater.app.wiring;

import headwater.api.SessionControl;
import headwater.domain.session.EndReason;
import headwater.domain.session.SessionRecord;
import headwater.domain.session.SessionRequest;
import headwater.domain.session.SessionService;
import headwater.domain.session.SessionState;
import headwater.domain.session.SessionView;
import java.util.List;
import java.util.Optional;

/** The admin API's (and so the CLI's) session control, over the session service. */
public record OperatorSessions(SessionService sessions) implements SessionControl {

    @Override
    public SessionControl.Opening open(SessionRequest request) {
        return switch (sessions.open(request)) {
            case headwater.domain.session.Opening.Opened opened -> new SessionControl.Opening.Opened(opened.session().session(),
                    opened.session().token());
            case headwater.domain.session.Opening.Denied denied -> new SessionControl.Opening.Denied(denied.reason());
            case headwater.domain.session.Opening.Busy busy -> new SessionControl.Opening.Busy(busy.retryAfter());
        };
    }

    @Override
    public List<Listed> list(Optional<String> subscriberId) {
        List<SessionView> views = subscriberId.map(sessions::listBySubscriber).orElseGet(sessions::list);
        return views.stream().filter(v -> v.state() != SessionState.ENDED)
                .map(v -> new Listed(new SessionRecord(v.session(), v.state(), null, v.lastSeen(), v.bytes()),
                        v.bitsPerSecond()))
                .toList();
    }

    @Override
    public boolean end(String sessionId) {
        return sessions.end(sessionId, EndReason.OPERATOR);
    }
}
