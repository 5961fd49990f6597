package headwater.api.xtream;

import java.util.Locale;

/**
 * The actions of {@code player_api.php}, each with the numeric alias the protocol also accepts
 * ({@code action=202} is {@code action=get_live_streams}). No action, or one we do not know, answers the account
 * information, as XUI and Dispatcharr do.
 */
enum PlayerApiAction {
    GET_VOD_CATEGORIES(200),
    GET_LIVE_CATEGORIES(201),
    GET_LIVE_STREAMS(202),
    GET_VOD_STREAMS(203),
    GET_SERIES_INFO(204),
    GET_SHORT_EPG(205),
    GET_SERIES_CATEGORIES(206),
    GET_SIMPLE_DATA_TABLE(207),
    GET_SERIES(208),
    GET_VOD_INFO(209),
    /** {@code panel_api.php?action=get_epg}: a bare array of a channel's programmes. */
    GET_EPG(-1);

    private final int alias;

    PlayerApiAction(int alias) {
        this.alias = alias;
    }

    /** The name on the wire, e.g. {@code get_live_streams}. */
    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The numeric alias, or -1 for an action that has none. */
    int alias() {
        return alias;
    }

    /**
     * The action a request names, by name (ASCII case ignored) or by numeric alias.
     *
     * @return null for no action or an unknown one
     */
    static PlayerApiAction parse(String value) {
        if (value == null) {
            return null;
        }
        String text = value.strip();
        if (text.isEmpty() || text.length() > 32) {
            return null;
        }
        for (PlayerApiAction action : values()) {
            if (action.wire().equalsIgnoreCase(text) || (action.alias >= 0 && String.valueOf(action.alias).equals(text))) {
                return action;
            }
        }
        return null;
    }
}
