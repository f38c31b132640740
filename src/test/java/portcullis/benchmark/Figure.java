package portcullis.benchmark;

/** One line of the benchmark table: a ratio and its goal. */
record Figure(String id, String what, double value, String goal, boolean met) {

    static Figure atLeast(String id, String what, double value, double goal) {
        return new Figure(id, what, value, "≥ " + goal, value >= goal);
    }

    static Figure atMost(String id, String what, double value, double goal) {
        return new Figure(id, what, value, "≤ " + goal, value <= goal);
    }

    String row() {
        return String.format("| %s | %s | %.3f | %s | %s |", id, what, value, goal, met ? "met" : "missed");
    }
}
