package headwater.store.guide;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte buffer with the few encodings {@link GuideCodec} needs: varints and length-prefixed UTF-8. */
final class Bytes {

    private byte[] data = new byte[256];
    private int size;

    void reset() {
        size = 0;
    }

    byte[] toArray() {
        return Arrays.copyOf(data, size);
    }

    void writeByte(int b) {
        if (size == data.length) {
            data = Arrays.copyOf(data, data.length * 2);
        }
        data[size++] = (byte) b;
    }

    /** Unsigned LEB128. */
    void writeVarLong(long value) {
        long v = value;
        while ((v & ~0x7FL) != 0) {
            writeByte((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        writeByte((int) v);
    }

    /** A string or {@code null}: its UTF-8 length plus one (0 for null), then the bytes. */
    void writeString(String value) {
        if (value == null) {
            writeVarLong(0);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        writeVarLong(utf8.length + 1L);
        if (size + utf8.length > data.length) {
            data = Arrays.copyOf(data, Math.max(data.length * 2, size + utf8.length));
        }
        System.arraycopy(utf8, 0, data, size, utf8.length);
        size += utf8.length;
    }

    /** Reads what {@link Bytes} wrote. */
    static final class Reader {
        private final byte[] data;
        private int position;

        Reader(byte[] data) {
            this.data = data;
        }

        int readByte() {
            if (position >= data.length) {
                throw new IllegalStateException("stored guide details end after " + data.length + " bytes, in the "
                        + "middle of a value: the row is corrupt");
            }
            return data[position++] & 0xFF;
        }

        long readVarLong() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = readByte();
                value |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new IllegalStateException("stored guide details hold a varint longer than 10 bytes: the row is corrupt");
        }

        int readCount() {
            long n = readVarLong();
            if (n > data.length) {
                throw new IllegalStateException("stored guide details announce " + n + " items in " + data.length
                        + " bytes: the row is corrupt");
            }
            return (int) n;
        }

        String readString() {
            long n = readVarLong();
            if (n == 0) {
                return null;
            }
            int length = (int) (n - 1);
            if (length < 0 || position + length > data.length) {
                throw new IllegalStateException("stored guide details announce a string of " + (n - 1) + " bytes at "
                        + position + " of " + data.length + ": the row is corrupt");
            }
            String s = new String(data, position, length, StandardCharsets.UTF_8);
            position += length;
            return s;
        }

        boolean atEnd() {
            return position == data.length;
        }
    }
}
