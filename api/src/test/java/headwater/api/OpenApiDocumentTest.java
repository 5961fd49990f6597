package headwater.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import headwater.domain.apitoken.ApiTokenRepository;
import headwater.domain.catalog.CategoryRepository;
import headwater.domain.catalog.ChannelRepository;
import headwater.domain.catalog.PackageRepository;
import headwater.domain.guide.GuideSourceRepository;
import headwater.domain.session.KeyRotation;
import headwater.domain.session.SigningKeyRepository;
import headwater.domain.session.SigningKeys;
import headwater.domain.subscriber.DeviceRepository;
import headwater.domain.subscriber.PasswordHasher;
import headwater.domain.subscriber.PlanRepository;
import headwater.domain.subscriber.ResellerRepository;
import headwater.domain.subscriber.SubscriberRepository;
import headwater.domain.vod.MovieRepository;
import headwater.domain.vod.SeriesRepository;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The hand-written OpenAPI document and the Router agree both ways, and the document is valid OpenAPI 3.1 JSON. */
class OpenApiDocumentTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    private static Vertx vertx;
    private static Router router;
    private static Routes routes;
    private static JsonNode document;

    @BeforeAll
    static void build() throws Exception {
        vertx = Vertx.vertx();
        Repositories repositories = new Repositories(unused(ChannelRepository.class), unused(CategoryRepository.class),
                unused(PackageRepository.class), unused(PlanRepository.class), unused(SubscriberRepository.class),
                unused(ResellerRepository.class), unused(DeviceRepository.class), unused(PasswordHasher.class));
        MediaRepositories media = new MediaRepositories(unused(MovieRepository.class), unused(SeriesRepository.class),
                unused(GuideSourceRepository.class));
        SigningKeys tokenKeys = new SigningKeys(unused(SigningKeyRepository.class),
                new KeyRotation(Duration.ofHours(24), KeyRotation.DEFAULT_PROPAGATION), Clock.systemUTC());
        AdminApi.Built built = new AdminApi(repositories, media, new ApiTokens(unused(ApiTokenRepository.class),
                Clock.systemUTC()), tokenKeys).build(vertx);
        router = built.router();
        routes = built.routes();
        document = Json.mapper().readTree(OpenApiDocument.bytes());
    }

    @AfterAll
    static void close() {
        vertx.close();
    }

    /** The Router's operations as "GET /api/v1/channels/{id}". */
    private static Set<String> routed() {
        Set<String> operations = new TreeSet<>();
        for (Route route : router.getRoutes()) {
            if (route.getPath() == null || route.methods() == null || route.methods().isEmpty()) {
                continue; // the handlers for every request: headers, auth, content type, body
            }
            String path = route.getPath().replaceAll(":([A-Za-z]+)", "{$1}");
            for (HttpMethod method : route.methods()) {
                operations.add(method.name() + " " + path);
            }
        }
        return operations;
    }

    private static Set<String> documented() {
        Set<String> operations = new TreeSet<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Iterator<String> names = path.getValue().fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (METHODS.contains(name)) {
                    operations.add(name.toUpperCase() + " " + path.getKey());
                }
            }
        }
        return operations;
    }

    @Test
    void is_openapi_3_1_json() {
        assertThat(document.get("openapi").asText()).matches("3\\.1\\.\\d+");
        assertThat(document.get("info").get("title").asText()).isNotBlank();
        assertThat(document.get("info").get("version").asText()).isNotBlank();
        assertThat(document.get("paths").isObject()).isTrue();
    }

    @Test
    void every_route_is_documented_and_every_documented_operation_is_routed() {
        Set<String> routed = routed();
        assertThat(routed).contains("GET /api/v1/channels", "PUT /api/v1/channels/{id}", "GET /api/v1/openapi.json");
        assertThat(documented()).isEqualTo(routed);
    }

    @Test
    void every_reference_resolves_and_every_path_parameter_is_declared() {
        List<String> references = new java.util.ArrayList<>();
        collectReferences(document, references);
        assertThat(references).isNotEmpty();
        for (String reference : references) {
            assertThat(reference).startsWith("#/");
            assertThat(document.at(reference.substring(1)).isMissingNode()).as(reference).isFalse();
        }
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            if (path.getKey().contains("{id}")) {
                assertThat(path.getValue().get("parameters").toString()).as(path.getKey())
                        .contains("#/components/parameters/id");
            }
            if (path.getKey().contains("/seasons/{number}")) {
                assertThat(path.getValue().get("parameters").toString()).as(path.getKey())
                        .contains("#/components/parameters/seasonNumber");
            }
        }
    }

    @Test
    void every_operation_but_the_document_requires_a_caller_and_has_an_id() {
        assertThat(document.get("security").toString()).isEqualTo("[{\"apiToken\":[]}]");
        Set<String> ids = new TreeSet<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (!METHODS.contains(operation.getKey())) {
                    continue;
                }
                assertThat(ids.add(operation.getValue().get("operationId").asText())).isTrue();
                boolean open = path.getKey().equals(OpenApiDocument.PATH);
                assertThat(operation.getValue().has("security")).isEqualTo(open);
                if (!open) {
                    assertThat(operation.getValue().get("responses").has("401")).as(path.getKey()).isTrue();
                    assertThat(operation.getValue().get("responses").has("403")).as(path.getKey()).isTrue();
                }
            }
        }
    }

    /** The document's x-headwater-scope and x-headwater-step-up are the Router's table of role × route. */
    @Test
    void every_operation_documents_the_scope_and_step_up_the_router_checks() {
        Map<String, String> documented = new java.util.TreeMap<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (METHODS.contains(operation.getKey()) && !path.getKey().equals(OpenApiDocument.PATH)) {
                    documented.put(operation.getKey().toUpperCase() + " " + path.getKey(),
                            operation.getValue().path("x-headwater-scope").asText("none")
                                    + (operation.getValue().path("x-headwater-step-up").asBoolean() ? " step-up" : ""));
                }
            }
        }
        Map<String, String> checked = new java.util.TreeMap<>();
        routes.table().forEach((route, access) -> checked.put(route.replaceAll(":([A-Za-z]+)", "{$1}"),
                (access.portal() ? "portal" : access.scope().text()) + (access.stepUp() ? " step-up" : "")));
        assertThat(documented).isEqualTo(checked);
    }

    @Test
    void the_documented_problem_types_are_the_api_s() {
        String text = document.toString();
        for (ProblemType type : ProblemType.values()) {
            if (type != ProblemType.INTERNAL_ERROR && type != ProblemType.METHOD_NOT_ALLOWED) {
                assertThat(text).as(type.uri()).contains(type.uri().replace("urn:headwater:problem:", ""));
            }
        }
    }

    private static void collectReferences(JsonNode node, List<String> references) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (field.getKey().equals("$ref")) {
                    references.add(field.getValue().asText());
                } else {
                    collectReferences(field.getValue(), references);
                }
            }
        } else if (node.isArray()) {
            node.forEach(element -> collectReferences(element, references));
        }
    }

    /** The Router is only inspected here, never called: any repository call is a test bug. */
    private static <T> T unused(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            throw new AssertionError(type.getSimpleName() + "." + method.getName() + " called");
        }));
    }
}
