package headwater.api;

import headwater.domain.apitoken.ApiScope;
import headwater.domain.catalog.NotFoundException;
import headwater.domain.session.PlaybackTarget;
import headwater.domain.session.SessionIds;
import headwater.domain.session.SessionRequest;
import headwater.domain.subscriber.Subscriber;
import headwater.domain.subscriber.SubscriberRepository;
import headwater.domain.vod.MovieRepository;
import headwater.domain.vod.SeriesRepository;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /api/v1/sessions}: open a playback session for a subscriber (a live channel, a catch-up window, a film or an
 * episode: 201 with its media URLs; 403 naming the
 * denial, which the operator may read and a player never does; 503 with {@code Retry-After} when the node's egress is
 * full), list the running ones (optionally one subscriber's), end one (its next media request gets 403).
 */
final class SessionResource {

    static final String PATH = AdminApi.BASE + "/sessions";

    private final SessionControl sessions;
    private final SubscriberRepository subscribers;
    private final MovieRepository movies;
    private final SeriesRepository series;

    SessionResource(SessionControl sessions, SubscriberRepository subscribers, MovieRepository movies,
                    SeriesRepository series) {
        this.sessions = sessions;
        this.subscribers = subscribers;
        this.movies = movies;
        this.series = series;
    }

    /** What {@link #open} found on its worker: the outcome, and the file extension of a film or episode. */
    private record Outcome(SessionControl.Opening opening, String extension) {
    }

    void mount(Routes routes) {
        routes.add(HttpMethod.POST, PATH, Access.to(ApiScope.SESSIONS_OPEN), this::open);
        routes.add(HttpMethod.GET, PATH, Access.to(ApiScope.SESSIONS_READ), this::list);
        routes.add(HttpMethod.DELETE, PATH + "/:id", Access.to(ApiScope.SESSIONS_KILL), this::end);
    }

    private void open(RoutingContext ctx) {
        SessionBody body = Json.body(ctx, SessionBody.class, "session");
        body.checkSubscriber();
        Blocking.run(ctx, () -> {
            String subscriberId = body.subscriberId() != null ? body.subscriberId()
                    : subscribers.findByUsername(body.username()).map(Subscriber::id).orElse(null);
            if (subscriberId == null) {
                throw ApiException.field(ProblemType.UNKNOWN_REFERENCE, "username", "names no subscriber");
            }
            SessionRequest request = body.request(subscriberId);
            SessionControl.Opening opening = sessions.open(request);
            return new Outcome(opening, opening instanceof SessionControl.Opening.Opened ? extension(request.target())
                    : null);
        }, outcome -> {
            switch (outcome.opening()) {
                case SessionControl.Opening.Opened opened -> Replies.created(ctx, PATH + "/" + opened.session().id(),
                        "\"" + opened.session().id() + "\"", SessionView.opened(opened.session(), opened.token(),
                                outcome.extension()));
                case SessionControl.Opening.Denied denied -> Replies.problem(ctx, Problem.of(ProblemType.SESSION_DENIED,
                        "the session was refused: " + denied.reason().name().toLowerCase(Locale.ROOT)
                                .replace('_', '-'), ctx.request().path(), List.of()));
                case SessionControl.Opening.Busy busy -> {
                    ctx.response().putHeader(HttpHeaders.RETRY_AFTER,
                            Long.toString(Math.max(1, busy.retryAfter().toSeconds())));
                    Replies.problem(ctx, Problem.of(ProblemType.CAPACITY_FULL, "the node's egress capacity has no room"
                            + " for the session's bitrate; retry after " + Math.max(1, busy.retryAfter().toSeconds())
                            + " s", ctx.request().path(), List.of()));
                }
            }
        });
    }

    /** The extension of a film's or episode's file URL; null for a channel. Blocking. */
    private String extension(PlaybackTarget target) {
        return switch (target) {
            case PlaybackTarget.Movie movie -> movies.find(movie.movieId())
                    .map(m -> FileExtension.of(m.draft().source(), m.mediaInfo())).orElse("mp4");
            case PlaybackTarget.Episode episode -> series.findEpisode(episode.episodeId())
                    .map(e -> FileExtension.of(e.source(), e.mediaInfo())).orElse("mp4");
            case PlaybackTarget.Live live -> null;
            case PlaybackTarget.Archive archive -> null;
        };
    }

    private void list(RoutingContext ctx) {
        QueryParameters query = new QueryParameters(ctx.queryParams(), Set.of("subscriber", "page", "size"));
        Optional<String> subscriber = Optional.ofNullable(query.text("subscriber"));
        Paging paging = Paging.from(query);
        query.check();
        Blocking.run(ctx, () -> sessions.list(subscriber), all -> Replies.listing(ctx,
                paging.listing(paging.of(all).stream().map(SessionView::listed).toList(), all.size())));
    }

    private void end(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        if (!SessionIds.isWellFormed(id)) {
            throw new NotFoundException("session", id);
        }
        Blocking.run(ctx, () -> sessions.end(id), ended -> {
            if (!ended) {
                throw new NotFoundException("session", id);
            }
            Replies.noContent(ctx);
        });
    }
}
