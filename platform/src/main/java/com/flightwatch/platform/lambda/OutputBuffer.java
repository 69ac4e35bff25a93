package com.flightwatch.platform.lambda;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One invocation's output in thread isolation (what the handler wrote to stdout, stderr and its
 * {@code LambdaLogger}): keeps the newest {@code maxBytes} and marks a truncation as
 * {@link OutputCapture} does for a process.
 */
final class OutputBuffer {

    private final int maxBytes;
    private final byte[] bytes;
    private int length;
    private boolean truncated;

    OutputBuffer(int maxBytes) {
        this.maxBytes = maxBytes;
        // Twice the cap, so the buffer compacts once per maxBytes written rather than on every write.
        this.bytes = new byte[2 * maxBytes];
    }

    synchronized void write(byte[] source, int offset, int count) {
        if (count >= maxBytes) {
            System.arraycopy(source, offset + count - maxBytes, bytes, 0, maxBytes);
            truncated |= length > 0 || count > maxBytes;
            length = maxBytes;
            return;
        }
        if (length + count > bytes.length) {
            int keep = maxBytes - count;
            System.arraycopy(bytes, length - keep, bytes, 0, keep);
            length = keep;
            truncated = true;
        }
        System.arraycopy(source, offset, bytes, length, count);
        length += count;
    }

    /** @return what was written (the newest {@code maxBytes}, marked when older output was dropped), and forgets it */
    synchronized String take() {
        int from = Math.max(0, length - maxBytes);
        String text = new String(Arrays.copyOfRange(bytes, from, length), StandardCharsets.UTF_8);
        boolean wasTruncated = truncated || from > 0;
        length = 0;
        truncated = false;
        return wasTruncated ? OutputCapture.TRUNCATED_MARK + text : text;
    }
}
