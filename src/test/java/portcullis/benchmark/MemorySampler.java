package portcullis.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/** The peak resident memory (VmRSS) of a process, sampled every 200 ms while a load runs. */
final class MemorySampler {
    private final Path status;
    private final AtomicLong peakKib = new AtomicLong();
    private final Thread sampler;
    private volatile boolean running = true;

    MemorySampler(long pid) {
        this.status = Path.of("/proc", String.valueOf(pid), "status");
        this.sampler = new Thread(() -> {
            while (running) {
                peakKib.accumulateAndGet(rssKib(), Math::max);
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Stops sampling; answers the peak in KiB. */
    long stop() throws InterruptedException {
        running = false;
        sampler.join();
        return peakKib.get();
    }

    private long rssKib() {
        try {
            return Files.readAllLines(status).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                    .findFirst()
                    .orElse(0);
        } catch (IOException processGone) {
            return 0;
        }
    }
}
