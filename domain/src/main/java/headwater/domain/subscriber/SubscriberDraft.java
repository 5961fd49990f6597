package headwater.domain.subscriber;

import headwater.domain.catalog.Check;
import headwater.domain.catalog.InvalidValueException;
import java.net.InetAddress;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an operator or reseller says about a subscriber: everything but the store's bookkeeping (version, created and
 * updated times). Validated on construction; every refusal names the field.
 *
 * @param id              stable key (letters, digits, '.', '_', '-'; at most 64 characters)
 * @param username        the login, unique ignoring ASCII case: 1 to {@value #MAX_USERNAME_LENGTH} ASCII letters,
 *                        digits, '.', '_', '-' and '@', starting with a letter or digit (it appears in stream URLs)
 * @param passwordHash    the hashed password
 * @param expiry          when the subscription ends, to the millisecond, or null for never
 * @param maxConnections  simultaneous streams, 1 to {@value Plan#MAX_CONNECTIONS}
 * @param outputFormats   the formats the subscriber may request; at least one
 * @param allowedNetworks where the subscriber may connect from, in the operator's order; empty for anywhere
 * @param packageIds      packages granted directly, besides the plan's, kept sorted by id
 * @param planId          the plan the subscriber is on, or null
 * @param notes           the operator's notes: at most {@value #MAX_NOTES_LENGTH} characters, line breaks and tabs
 *                        allowed, or null
 * @param owner           the operator or the reseller who manages the subscriber
 */
public record SubscriberDraft(String id, String username, PasswordHash passwordHash, SubscriberStatus status,
                              Instant expiry, int maxConnections, Set<OutputFormat> outputFormats,
                              List<NetworkRange> allowedNetworks, Set<String> packageIds, String planId, String notes,
                              Owner owner) {

    public static final int MAX_USERNAME_LENGTH = 64;
    public static final int MAX_NETWORKS = 64;
    public static final int MAX_NOTES_LENGTH = 4000;

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]*");

    public SubscriberDraft {
        Check.id("subscriber", "id", id);
        username = username(username);
        if (passwordHash == null) {
            throw new InvalidValueException("subscriber", "passwordHash", "is missing");
        }
        if (status == null) {
            throw new InvalidValueException("subscriber", "status", "is missing: one of ACTIVE, DISABLED, BANNED, EXPIRED");
        }
        expiry = Millis.of(expiry);
        Check.range("subscriber", "maxConnections", maxConnections, 1, Plan.MAX_CONNECTIONS);
        outputFormats = outputFormats(outputFormats);
        allowedNetworks = networks(allowedNetworks);
        packageIds = Plan.sortedIds("subscriber", "packageIds", packageIds);
        if (planId != null) {
            Check.id("subscriber", "planId", planId);
        }
        notes = notes(notes);
        if (owner == null) {
            throw new InvalidValueException("subscriber", "owner", "is missing: the operator or a reseller");
        }
    }

    /** A new active subscriber of the operator: one connection, HLS and TS, from anywhere, never expiring. */
    public static SubscriberDraft of(String id, String username, PasswordHash passwordHash) {
        return new SubscriberDraft(id, username, passwordHash, SubscriberStatus.ACTIVE, null, 1,
                EnumSet.allOf(OutputFormat.class), List.of(), Set.of(), null, null, Owner.OPERATOR);
    }

    /** The username in the form that uniqueness compares: ASCII lower case. */
    public String usernameKey() {
        return usernameKey(username);
    }

    /** {@code username} in the form that uniqueness compares: ASCII lower case. */
    public static String usernameKey(String username) {
        return username.toLowerCase(Locale.ROOT);
    }

    /** Whether the subscriber may connect from {@code address}: no networks means anywhere. */
    public boolean allowsAddress(InetAddress address) {
        return allowedNetworks.isEmpty() || allowedNetworks.stream().anyMatch(n -> n.contains(address));
    }

    public SubscriberDraft withUsername(String newUsername) {
        return new SubscriberDraft(id, newUsername, passwordHash, status, expiry, maxConnections, outputFormats,
                allowedNetworks, packageIds, planId, notes, owner);
    }

    public SubscriberDraft withPasswordHash(PasswordHash newPasswordHash) {
        return new SubscriberDraft(id, username, newPasswordHash, status, expiry, maxConnections, outputFormats,
                allowedNetworks, packageIds, planId, notes, owner);
    }

    public SubscriberDraft withStatus(SubscriberStatus newStatus) {
        return new SubscriberDraft(id, username, passwordHash, newStatus, expiry, maxConnections, outputFormats,
                allowedNetworks, packageIds, planId, notes, owner);
    }

    public SubscriberDraft withExpiry(Instant newExpiry) {
        return new SubscriberDraft(id, username, passwordHash, status, newExpiry, maxConnections, outputFormats,
                allowedNetworks, packageIds, planId, notes, owner);
    }

    public SubscriberDraft withMaxConnections(int newMaxConnections) {
        return new SubscriberDraft(id, username, passwordHash, status, expiry, newMaxConnections, outputFormats,
                allowedNetworks, packageIds, planId, notes, owner);
    }

    public SubscriberDraft withOutputFormats(Set<OutputFormat> newOutputFormats) {
        return new SubscriberDraft(id, username, passwordHash, status, expiry, maxConnections, newOutputFormats,
                allowedNetworks, packageIds, planId, notes, owner);
    }

    public SubscriberDraft withAllowedNetworks(List<NetworkRange> newAllowedNetworks) {
        return new SubscriberDraft(id, username, passwordHash, status, expiry, maxConnections, outputFormats,
                newAllowedNetworks, packageIds, planId, notes, owner);
    }

    public SubscriberDraft withPackageIds(Set<String> newPackageIds) {
        return new SubscriberDraft(id, username, passwordHash, status, expiry, maxConnections, outputFormats,
                allowedNetworks, newPackageIds, planId, notes, owner);
    }

    public SubscriberDraft withPlanId(String newPlanId) {
        return new SubscriberDraft(id, username, passwordHash, status, expiry, maxConnections, outputFormats,
                allowedNetworks, packageIds, newPlanId, notes, owner);
    }

    public SubscriberDraft withNotes(String newNotes) {
        return new SubscriberDraft(id, username, passwordHash, status, expiry, maxConnections, outputFormats,
                allowedNetworks, packageIds, planId, newNotes, owner);
    }

    public SubscriberDraft withOwner(Owner newOwner) {
        return new SubscriberDraft(id, username, passwordHash, status, expiry, maxConnections, outputFormats,
                allowedNetworks, packageIds, planId, notes, newOwner);
    }

    private static String username(String username) {
        if (username == null) {
            throw new InvalidValueException("subscriber", "username", "is missing");
        }
        if (username.isEmpty() || username.length() > MAX_USERNAME_LENGTH) {
            throw new InvalidValueException("subscriber", "username", "is " + username.length()
                    + " characters long: 1 to " + MAX_USERNAME_LENGTH + " allowed");
        }
        if (!USERNAME.matcher(username).matches()) {
            throw new InvalidValueException("subscriber", "username", "\"" + username + "\" is not a username: it must "
                    + "start with a letter or digit and contain only ASCII letters, digits, '.', '_', '-' and '@'");
        }
        return username;
    }

    private static Set<OutputFormat> outputFormats(Set<OutputFormat> formats) {
        if (formats == null) {
            throw new InvalidValueException("subscriber", "outputFormats", "is missing");
        }
        if (formats.isEmpty()) {
            throw new InvalidValueException("subscriber", "outputFormats", "is empty: allow at least one of HLS, TS");
        }
        for (OutputFormat format : formats) {
            if (format == null) {
                throw new InvalidValueException("subscriber", "outputFormats", "contains null: allowed are HLS, TS");
            }
        }
        return Collections.unmodifiableSet(EnumSet.copyOf(formats));
    }

    private static List<NetworkRange> networks(List<NetworkRange> networks) {
        if (networks == null) {
            throw new InvalidValueException("subscriber", "allowedNetworks", "is missing");
        }
        if (networks.size() > MAX_NETWORKS) {
            throw new InvalidValueException("subscriber", "allowedNetworks", "has " + networks.size()
                    + " entries: at most " + MAX_NETWORKS + " allowed");
        }
        Set<NetworkRange> seen = new HashSet<>();
        for (int i = 0; i < networks.size(); i++) {
            NetworkRange network = networks.get(i);
            if (network == null) {
                throw new InvalidValueException("subscriber", "allowedNetworks[" + i + "]", "is missing");
            }
            if (!seen.add(network)) {
                throw new InvalidValueException("subscriber", "allowedNetworks", "lists " + network + " twice");
            }
        }
        return List.copyOf(networks);
    }

    /** Free text like {@link Check#optionalText} but line breaks and tabs are allowed. */
    private static String notes(String notes) {
        if (notes == null) {
            return null;
        }
        String flattened = notes.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
        Check.optionalText("subscriber", "notes", flattened, MAX_NOTES_LENGTH);
        return notes;
    }
}
