package headwater.domain.session;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

/** Runs tasks on threads of their own, released together once all are ready, for races in tests. */
public final class Race {

    private Race() {
    }

    /** @return each task's answer, in the tasks' order; a task's exception fails the race */
    public static <T> List<T> run(List<Supplier<T>> tasks) throws InterruptedException {
        AtomicReferenceArray<T> answers = new AtomicReferenceArray<>(tasks.size());
        Throwable[] failures = new Throwable[tasks.size()];
        CountDownLatch ready = new CountDownLatch(tasks.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            int index = i;
            threads.add(Thread.ofPlatform().name("racer-" + i).start(() -> {
                ready.countDown();
                try {
                    start.await();
                    answers.set(index, tasks.get(index).get());
                } catch (Throwable e) {
                    failures[index] = e;
                }
            }));
        }
        ready.await();
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        for (Throwable failure : failures) {
            if (failure != null) {
                AssertionError error = new AssertionError("a racer failed", failure);
                Arrays.stream(failures).filter(f -> f != null && f != failure).forEach(error::addSuppressed);
                throw error;
            }
        }
        List<T> result = new ArrayList<>(tasks.size());
        for (int i = 0; i < tasks.size(); i++) {
            result.add(answers.get(i));
        }
        return result;
    }
}
