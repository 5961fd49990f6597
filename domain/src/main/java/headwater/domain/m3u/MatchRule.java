package headwater.domain.m3u;

/**
 * How a new entry was paired with a previous one, in the order the rules are tried: the guide id first (helped by
 * the URL, then the name, when several previous entries share it), then the URL (helped by the name), then the
 * normalised name. Each rule only pairs entries no earlier rule paired.
 */
public enum MatchRule {
    TVG_ID_AND_URL,
    TVG_ID_AND_NAME,
    TVG_ID,
    URL_AND_NAME,
    URL,
    NAME
}
