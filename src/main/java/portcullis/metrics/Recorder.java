package portcullis.metrics;

/** Where measurements go: MicroProfile Metrics, or nowhere on a server without it. */
public interface Recorder {

    void count(String name, String description, String... tags);

    void time(String name, String description, long nanos, String... tags);

    Recorder NOWHERE = new Recorder() {
        @Override
        public void count(String name, String description, String... tags) {
            // no metrics on this server
        }

        @Override
        public void time(String name, String description, long nanos, String... tags) {
            // no metrics on this server
        }
    };
}
