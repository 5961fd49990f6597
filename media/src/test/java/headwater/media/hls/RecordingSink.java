package headwater.media.hls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** A sink that keeps every segment's bytes and description, and checks the begin/write/end order. */
final class RecordingSink implements SegmentSink {
    final List<MediaSegment> segments = new ArrayList<>();
    final List<byte[]> bytes = new ArrayList<>();
    final List<Boolean> beganAsDiscontinuity = new ArrayList<>();
    private ByteArrayOutputStream current;
    private long currentSequence;

    @Override
    public void beginSegment(long sequence, boolean discontinuity) {
        assertThat(current).as("segment %d begins before the previous one ended", sequence).isNull();
        current = new ByteArrayOutputStream();
        currentSequence = sequence;
        beganAsDiscontinuity.add(discontinuity);
    }

    @Override
    public void write(byte[] buf, int off, int len) {
        assertThat(current).as("write outside a segment").isNotNull();
        assertThat(len % 188).isZero();
        current.write(buf, off, len);
    }

    @Override
    public void endSegment(MediaSegment segment) {
        assertThat(current).as("end without begin").isNotNull();
        assertThat(segment.sequence()).isEqualTo(currentSequence);
        assertThat(segment.sizeBytes()).isEqualTo(current.size());
        segments.add(segment);
        bytes.add(current.toByteArray());
        current = null;
    }

    boolean open() {
        return current != null;
    }
}
