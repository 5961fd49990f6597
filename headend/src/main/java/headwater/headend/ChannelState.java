package headwater.headend;

import java.util.List;

/**
 * A snapshot of a channel's runtime, for status pages and tests.
 *
 * @param sourceIndex index in the chain of the source in use, {@code sources().size()} for the slate, -1 for none
 * @param source the URI in use with secrets masked, or {@code "none"}
 * @param inputBitsPerSecond input bitrate over the last few seconds
 * @param codecs the RFC 6381 codecs of the program's streams, video first
 * @param resolution {@code WIDTHxHEIGHT} of the video, or {@code ""}
 * @param continuityErrors continuity-counter errors counted since the channel started
 * @param switches how many times the channel changed (or reconnected) its source after receiving data
 * @param lastError the last source failure, with the source and the reason, or {@code ""}
 */
public record ChannelState(
        String channel,
        ChannelStatus status,
        int sourceIndex,
        String source,
        long inputBitsPerSecond,
        List<String> codecs,
        String resolution,
        long continuityErrors,
        long segmentsProduced,
        long switches,
        String lastError) {

    public ChannelState {
        codecs = List.copyOf(codecs);
    }
}
