package headwater.api;

import headwater.domain.catalog.ChannelDraft;
import headwater.domain.catalog.Check;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * A channel as a client sends it (create, or full replacement on update). Only these fields are accepted;
 * {@code created} and {@code updated} are the server's. Omitted optional fields take their defaults: no logo,
 * categories, guide id or sources, 0 archive days, TV (not radio), enabled, in the clear ({@code encryption}
 * {@code none}; {@code aes-128} encrypts its HLS).
 *
 * @param id      required on create; on update optional, and then equal to the id in the path
 * @param version on update, the version the change is based on (or send {@code If-Match}); refused on create
 */
record ChannelBody(String id, Integer number, String name, String logo, List<String> categoryIds, String epgChannelId,
                   List<String> sources, Integer archiveDays, Boolean radio, Boolean enabled, String encryption,
                   Long version) {

    /** The draft this body describes; {@code pathId} is the id of the path on update, null on create. */
    ChannelDraft draft(String pathId) {
        List<FieldError> missing = new ArrayList<>();
        String effectiveId = Bodies.id(pathId, id, missing);
        Bodies.required("number", number, missing);
        Bodies.required("name", name, missing);
        Bodies.check(missing);
        URI logoUri = logo == null ? null : Check.parseUri("channel", "logo", logo);
        List<URI> sourceUris = new ArrayList<>();
        if (sources != null) {
            for (int i = 0; i < sources.size(); i++) {
                sourceUris.add(Check.parseUri("channel", "sources[" + i + "]", sources.get(i)));
            }
        }
        return new ChannelDraft(effectiveId, number, name, logoUri, categoryIds == null ? List.of() : categoryIds,
                epgChannelId, sourceUris, archiveDays == null ? 0 : archiveDays, radio != null && radio,
                enabled == null || enabled, ChannelDraft.encryption(encryption));
    }
}
