package headwater.api.xtream;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The parameters of a {@code player_api.php} or {@code panel_api.php} request, read the lenient way the apps expect
 * (a missing or empty number means "none", never an error) but bounded: every number is in range, every list is
 * short, and nothing the client sent is echoed except the credentials, which are only handed to the login.
 *
 * @param username      as sent, or null
 * @param password      as sent, or null
 * @param token         a playlist token sent as {@code token=} in place of username and password, or null
 * @param action        the action, or null for the account information (also for an unknown action)
 * @param actionGiven   whether an action was named at all (panel_api answers its full listing only without one)
 * @param categoryId    {@code category_id}: null for no filter; {@link #NO_MATCH} when it is not a number
 * @param streamIds     {@code stream_id}, a comma list in XUI, at most {@value #MAX_STREAM_IDS}; unparseable entries
 *                      are {@link #NO_MATCH}
 * @param multi         whether the EPG answer is keyed by stream id (a comma list, or {@code &multi})
 * @param vodId         {@code vod_id}, or null
 * @param seriesId      {@code series_id}, or null
 * @param limit         {@code limit} of {@code get_short_epg}: 1 to {@value #MAX_LIMIT}, default {@value #DEFAULT_LIMIT}
 * @param offset        {@code params[offset]}, not negative
 * @param itemsPerPage  {@code params[items_per_page]}: 0 for everything
 * @param fromNow       {@code from_now=1} of {@code panel_api.php?action=get_epg}
 */
record PlayerApiQuery(String username, String password, String token, PlayerApiAction action, boolean actionGiven,
                      Integer categoryId, List<Integer> streamIds, boolean multi, Integer vodId, Integer seriesId,
                      int limit, int offset, int itemsPerPage, boolean fromNow) {

    /** A number no entity has: what a parameter that is not a number asks for. */
    static final int NO_MATCH = -1;
    static final int MAX_STREAM_IDS = 200;
    static final int DEFAULT_LIMIT = 4;
    static final int MAX_LIMIT = 1000;
    /** Longer values are not numbers we could have allocated, nor credentials a login accepts. */
    static final int MAX_VALUE_LENGTH = 1024;

    PlayerApiQuery {
        streamIds = List.copyOf(streamIds);
    }

    /** Reads the parameters; {@code parameter} answers a parameter's first value, or null. Never throws. */
    static PlayerApiQuery parse(Function<String, String> parameter) {
        String actionText = value(parameter, "action");
        List<Integer> streamIds = new ArrayList<>();
        String streamText = value(parameter, "stream_id");
        boolean comma = false;
        if (streamText != null && !streamText.isBlank()) {
            comma = streamText.indexOf(',') >= 0;
            for (String part : streamText.split(",", MAX_STREAM_IDS + 1)) {
                if (streamIds.size() == MAX_STREAM_IDS) {
                    break;
                }
                if (!part.isBlank()) {
                    Integer number = number(part);
                    streamIds.add(number == null ? NO_MATCH : number);
                }
            }
        }
        Integer limit = number(value(parameter, "limit"));
        Integer offset = number(value(parameter, "params[offset]"));
        Integer items = number(value(parameter, "params[items_per_page]"));
        return new PlayerApiQuery(value(parameter, "username"), value(parameter, "password"),
                value(parameter, "token"), PlayerApiAction.parse(actionText),
                actionText != null && !actionText.isBlank(), filter(value(parameter, "category_id")), streamIds,
                comma || parameter.apply("multi") != null, id(value(parameter, "vod_id")),
                id(value(parameter, "series_id")),
                limit == null || limit < 1 ? DEFAULT_LIMIT : Math.min(limit, MAX_LIMIT),
                offset == null ? 0 : offset, items == null ? 0 : items,
                "1".equals(strip(value(parameter, "from_now"))));
    }

    /** Whether the request carries credentials of either kind (not whether they are right). */
    boolean hasCredentials() {
        return token != null && !token.isEmpty()
                || username != null && !username.isEmpty() && password != null && !password.isEmpty();
    }

    /** The one stream id of a single-channel EPG request, or {@link #NO_MATCH} when none was given. */
    int streamId() {
        return streamIds.isEmpty() ? NO_MATCH : streamIds.get(0);
    }

    private static String value(Function<String, String> parameter, String name) {
        String value = parameter.apply(name);
        if (value == null || value.length() > MAX_VALUE_LENGTH) {
            return null;
        }
        return value;
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    /** A category filter: none when absent, empty or 0 (as XUI reads it); {@link #NO_MATCH} when not a number. */
    private static Integer filter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Integer number = number(value);
        if (number == null) {
            return NO_MATCH;
        }
        return number == 0 ? null : number;
    }

    /** An entity id: none when absent or empty; {@link #NO_MATCH} when not a positive number. */
    private static Integer id(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Integer number = number(value);
        return number == null || number == 0 ? NO_MATCH : number;
    }

    /** A non-negative decimal integer of at most 9 digits (so it fits an int), else null. */
    private static Integer number(String value) {
        if (value == null) {
            return null;
        }
        String text = value.strip();
        if (text.isEmpty() || text.length() > 9) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        return Integer.parseInt(text);
    }
}
