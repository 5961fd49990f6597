package headwater.api;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The API's OpenAPI 3.1 document, a resource file ({@code openapi.json} beside this class) written by hand and kept
 * honest by {@code OpenApiDocumentTest}, which checks it against the Router's routes both ways.
 */
final class OpenApiDocument {

    static final String PATH = AdminApi.BASE + "/openapi.json";
    static final String RESOURCE = "openapi.json";

    private final Buffer document;

    OpenApiDocument() {
        this.document = Buffer.buffer(bytes());
    }

    static byte[] bytes() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the OpenAPI document " + RESOURCE + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the OpenAPI document " + RESOURCE, e);
        }
    }

    void serve(RoutingContext ctx) {
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, Replies.JSON).end(document);
    }
}
