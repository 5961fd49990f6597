package headwater.api;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Optimistic concurrency for values without a version column (categories, packages): an update must carry
 * {@code If-Match} with the ETag (a digest of the JSON) of the value it was based on. The compare and the write run
 * under one lock, so of two updates based on the same ETag through this server exactly one wins; a write by another
 * process (the CLI) between them is not covered, which a version column in the store would fix.
 */
final class ContentGuard {

    private final ReentrantLock lock = new ReentrantLock();
    private final String entity;

    ContentGuard(String entity) {
        this.entity = entity;
    }

    /** @throws ApiException 428 when the request has no If-Match */
    static IfMatch required(String header) {
        IfMatch ifMatch = IfMatch.parse(header);
        if (ifMatch == null) {
            throw new ApiException(ProblemType.PRECONDITION_REQUIRED, "send If-Match with the ETag of a GET: the update "
                    + "must say which state it is based on", List.of(new FieldError(IfMatch.HEADER, "is missing")));
        }
        return ifMatch;
    }

    /**
     * Runs {@code write} if the current value's ETag matches. Blocking; call on a worker thread.
     *
     * @param currentEtag the current value's ETag; throws NotFound itself
     */
    <T> T replace(String id, IfMatch ifMatch, Supplier<String> currentEtag, Callable<T> write) throws Exception {
        lock.lock();
        try {
            String etag = currentEtag.get();
            if (!ifMatch.matches(etag)) {
                throw new ApiException(ProblemType.PRECONDITION_FAILED, entity + " " + id + " was changed since it was "
                        + "read: If-Match names " + ifMatch.tags() + ", its ETag is now " + etag
                        + "; read it again and reapply the change",
                        List.of(new FieldError(IfMatch.HEADER, "does not match the current ETag " + etag)));
            }
            return write.call();
        } finally {
            lock.unlock();
        }
    }
}
