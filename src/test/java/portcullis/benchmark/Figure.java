package portcullis.benchmark;

/** One line of the benchmark table: a ratio and its goal. */
record Figure(String id, String what, double value, String goal, boolean met) {

    static Figure atLeast(String id, String what, double value, double goal) {
        return new Figure(id, what, value, "≥ " + goal, value >= goal);
    }

    static Figure atMost(String id, String what, double value, double goal) {
        return new Figure(id, what, value, "≤ " + goal, value <= goal);
    }

    /** A figure the benchmark reports without a goal. */
    static Figure reported(String id, String what, double value) {
        return new Figure(id, what, value, "report", true);
    }

    String row() {
        return String.format("| %s | %s | %.3f | %s | %s |", id, what, value, goal, goal.equals("report") ? "" : met ? "met" : "missed");
    }
}
