package headwater.api;

import headwater.domain.catalog.Check;
import headwater.domain.subscriber.NetworkRange;
import headwater.domain.subscriber.OutputFormat;
import headwater.domain.subscriber.Owner;
import headwater.domain.subscriber.PasswordHash;
import headwater.domain.subscriber.Plan;
import headwater.domain.subscriber.SubscriberDraft;
import headwater.domain.subscriber.SubscriberStatus;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A subscriber as a client sends it. The password is write-only: required on create, optional on update (absent
 * keeps the stored one), hashed by the domain's {@code PasswordHasher} and never returned. Defaults: ACTIVE, never
 * expiring, 1 connection, HLS and TS, from anywhere, no packages or plan, no notes, owned by the operator.
 *
 * @param expiry     an ISO-8601 time with offset, e.g. {@code 2027-01-31T23:59:59Z}
 * @param resellerId the owning reseller, or null for the operator
 * @param version    on update, the version the change is based on (or send {@code If-Match}); refused on create
 */
record SubscriberBody(String id, String username, char[] password, SubscriberStatus status, String expiry,
                      Integer maxConnections, List<OutputFormat> outputFormats, List<String> allowedNetworks,
                      List<String> packageIds, String planId, String notes, String resellerId, Long version) {

    static final int MIN_PASSWORD_LENGTH = 8;
    static final int MAX_PASSWORD_LENGTH = 1024;
    /** Stands in for the hash while the body is validated on the event loop; replaced before anything is stored. */
    static final PasswordHash PENDING = new PasswordHash("$pending$0");

    /**
     * The draft, validated, with a placeholder hash (see {@link #PENDING}).
     *
     * @param pathId the id of the path on update, null on create (where the password is required)
     */
    SubscriberDraft draft(String pathId) {
        List<FieldError> errors = new ArrayList<>();
        String effectiveId = Bodies.id(pathId, id, errors);
        Bodies.required("username", username, errors);
        if (pathId == null) {
            Bodies.required("password", password, errors);
        }
        if (password != null && (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH)) {
            // The length only: the password itself is never quoted.
            errors.add(new FieldError("password", "is " + password.length + " characters long: " + MIN_PASSWORD_LENGTH
                    + " to " + MAX_PASSWORD_LENGTH + " allowed"));
        }
        Instant expiryTime = expiry == null ? null : instant("expiry", expiry, errors);
        Set<OutputFormat> formats = outputFormats == null ? EnumSet.allOf(OutputFormat.class)
                : formats(outputFormats, errors);
        Bodies.check(errors);
        List<NetworkRange> networks = new ArrayList<>();
        if (allowedNetworks != null) {
            for (int i = 0; i < allowedNetworks.size(); i++) {
                networks.add(NetworkRange.parse("subscriber", "allowedNetworks[" + i + "]", allowedNetworks.get(i)));
            }
        }
        List<String> packages = packageIds == null ? List.of()
                : Check.ids("subscriber", "packageIds", packageIds, Plan.MAX_PACKAGES);
        return new SubscriberDraft(effectiveId, username, PENDING, status == null ? SubscriberStatus.ACTIVE : status,
                expiryTime, maxConnections == null ? 1 : maxConnections, formats, networks,
                new LinkedHashSet<>(packages), planId, notes, resellerId == null ? Owner.OPERATOR : Owner.reseller(resellerId));
    }

    /** Overwrites the password in memory once it has been hashed. */
    void clearPassword() {
        if (password != null) {
            Arrays.fill(password, '\0');
        }
    }

    static Instant instant(String field, String text, List<FieldError> errors) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "is \"" + (text.length() > 40 ? text.substring(0, 40) + "…" : text)
                    + "\": must be an ISO-8601 time with offset, such as 2027-01-31T23:59:59Z"));
            return null;
        }
    }

    private static Set<OutputFormat> formats(List<OutputFormat> formats, List<FieldError> errors) {
        Set<OutputFormat> set = EnumSet.noneOf(OutputFormat.class);
        for (int i = 0; i < formats.size(); i++) {
            OutputFormat format = formats.get(i);
            if (format == null) {
                errors.add(new FieldError("outputFormats[" + i + "]", "is null: one of HLS, TS"));
            } else if (!set.add(format)) {
                errors.add(new FieldError("outputFormats", "lists " + format + " twice"));
            }
        }
        return set;
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "SubscriberBody[id=" + id + ", username=" + username + ", password=" + (password == null ? "none" : "***")
                + "]";
    }

}
