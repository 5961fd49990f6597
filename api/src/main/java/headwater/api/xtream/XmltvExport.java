package headwater.api.xtream;

import headwater.api.xtream.XtreamLogin.Result;
import headwater.domain.epg.XmltvWriter;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.OutputStream;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /xmltv.php}: the guide of the subscriber's channels as XMLTV (anchors §2.6), streamed from the store.
 * Credentials as {@link PlaylistExport}: {@code username} and {@code password}, or {@code token}. Channel ids are the
 * playlist's {@code tvg-id}s (the EPG channel id, else the channel id); only channels the subscriber may watch, only
 * those with a guide. {@code gzip=1} sends the document gzip-compressed as a file ({@code application/gzip},
 * {@code xmltv.xml.gz}), as XUI does.
 */
public final class XmltvExport implements XtreamEndpoint {

    public static final String PATH = "/xmltv.php";

    private static final Logger LOG = LoggerFactory.getLogger(XmltvExport.class);

    private final XtreamServices services;

    public XmltvExport(XtreamServices services) {
        this.services = Objects.requireNonNull(services, "services");
    }

    @Override
    public void register(Router router) {
        router.route(HttpMethod.GET, PATH).handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String gzipParam = request.getParam("gzip");
        boolean gzip = "1".equals(gzipParam) || "true".equalsIgnoreCase(gzipParam);
        ExportCredentials credentials = ExportCredentials.of(request.params());
        ctx.vertx().executeBlocking(() -> {
            Result.Authenticated who = ExportAccess.check(services, request, credentials, "guide");
            if (who != null) {
                write(request, who, gzip);
            }
            return null;
        }, false).onFailure(failure -> {
            LOG.warn("guide export failed: {}", failure.toString());
            if (!request.response().headWritten()) {
                ExportAccess.plain(request.response(), 500, "the guide could not be made");
            } else {
                request.response().reset();
            }
        });
    }

    private void write(HttpServerRequest request, Result.Authenticated who, boolean gzip) throws IOException {
        ExportLineup lineup = ExportLineup.of(services, who.subscriber(), who.plan());
        request.response().setStatusCode(200).setChunked(true).putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        if (gzip) {
            request.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/gzip")
                    .putHeader("Content-Disposition", "attachment; filename=\"xmltv.xml.gz\"");
        } else {
            request.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/xml; charset=utf-8");
        }
        try (ResponseStream stream = new ResponseStream(request.response());
             OutputStream out = gzip ? new GZIPOutputStream(stream, ResponseStream.CHUNK) : stream) {
            try (XmltvWriter writer = XmltvWriter.open(out, true)) {
                Set<String> enabled = new HashSet<>();
                lineup.channels(page -> page.forEach(channel -> enabled.add(channel.id())));
                services.guide().export(writer, enabled);
            }
        }
    }
}
