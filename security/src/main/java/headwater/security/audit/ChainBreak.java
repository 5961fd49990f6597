package headwater.security.audit;

/**
 * Where and why the chain breaks.
 *
 * @param seq    the first entry that does not fit (for a gap or truncation, the number that was expected)
 * @param reason what is wrong, e.g. "its hash does not match its content"
 */
public record ChainBreak(long seq, String reason) {
}
